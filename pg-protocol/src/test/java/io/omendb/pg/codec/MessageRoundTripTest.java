package io.omendb.pg.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.pg.message.AuthenticationCleartextPassword;
import io.omendb.pg.message.AuthenticationOk;
import io.omendb.pg.message.AuthenticationSASL;
import io.omendb.pg.message.AuthenticationSASLContinue;
import io.omendb.pg.message.AuthenticationSASLFinal;
import io.omendb.pg.message.BackendKeyData;
import io.omendb.pg.message.BackendMessage;
import io.omendb.pg.message.Bind;
import io.omendb.pg.message.BindComplete;
import io.omendb.pg.message.CancelRequest;
import io.omendb.pg.message.Close;
import io.omendb.pg.message.CloseComplete;
import io.omendb.pg.message.CommandComplete;
import io.omendb.pg.message.CopyData;
import io.omendb.pg.message.CopyDone;
import io.omendb.pg.message.CopyFail;
import io.omendb.pg.message.CopyInResponse;
import io.omendb.pg.message.CopyOutResponse;
import io.omendb.pg.message.Describe;
import io.omendb.pg.message.Execute;
import io.omendb.pg.message.Flush;
import io.omendb.pg.message.DataRow;
import io.omendb.pg.message.EmptyQueryResponse;
import io.omendb.pg.message.ErrorResponse;
import io.omendb.pg.message.FrontendMessage;
import io.omendb.pg.message.GSSENCRequest;
import io.omendb.pg.message.NegotiateProtocolVersion;
import io.omendb.pg.message.NoData;
import io.omendb.pg.message.NoticeResponse;
import io.omendb.pg.message.ParameterDescription;
import io.omendb.pg.message.ParameterStatus;
import io.omendb.pg.message.Parse;
import io.omendb.pg.message.ParseComplete;
import io.omendb.pg.message.PortalSuspended;
import io.omendb.pg.message.PasswordMessage;
import io.omendb.pg.message.Query;
import io.omendb.pg.message.ReadyForQuery;
import io.omendb.pg.message.RowDescription;
import io.omendb.pg.message.SASLInitialResponse;
import io.omendb.pg.message.SASLResponse;
import io.omendb.pg.message.SSLRequest;
import io.omendb.pg.message.StartupMessage;
import io.omendb.pg.message.Sync;
import io.omendb.pg.message.Target;
import io.omendb.pg.message.Terminate;
import io.omendb.pg.message.TransactionIndicator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message survives encode, frame and decode unchanged, and every message type has a sample here. */
class MessageRoundTripTest {

  static List<FrontendMessage> frontendMessages() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("user", "alice");
    parameters.put("database", "shop");
    parameters.put("application_name", "psql ünïcödé");
    return List.of(
        StartupMessage.create(parameters),
        StartupMessage.create(Map.of()),
        new StartupMessage(StartupMessage.version(3, 2), Map.of("user", "bob", "_pq_.option", "x")),
        new SSLRequest(),
        new GSSENCRequest(),
        new CancelRequest(42, -123456789),
        new Query("SELECT 1; SELECT 'a;b'"),
        new Query(""),
        new Terminate(),
        new Parse("s1", "SELECT $1, $2", List.of(23, 0)),
        new Parse("", "BEGIN", List.of()),
        new Bind("p1", "s1", List.of(Bind.BINARY_FORMAT, Bind.TEXT_FORMAT),
            Arrays.asList(new byte[] {0, 0, 0, 7}, null), List.of(Bind.BINARY_FORMAT)),
        new Bind("", "", List.of(), List.of(), List.of()),
        new Describe(Target.STATEMENT, "s1"),
        new Describe(Target.PORTAL, ""),
        new Execute("p1", 50),
        new Execute("", 0),
        new Sync(),
        new Flush(),
        new Close(Target.STATEMENT, "s1"),
        new Close(Target.PORTAL, ""),
        new CopyData("1\tann\n".getBytes(StandardCharsets.UTF_8)),
        new CopyDone(),
        new CopyFail("canceled by user"));
  }

  /** The messages sharing type 'p', which only the authentication state tells apart. */
  static List<FrontendMessage> authenticationMessages() {
    return List.of(
        new SASLInitialResponse("SCRAM-SHA-256", "n,,n=,r=abc".getBytes(StandardCharsets.UTF_8)),
        new SASLInitialResponse("SCRAM-SHA-256-PLUS", null),
        new SASLResponse("c=biws,r=abc,p=xyz".getBytes(StandardCharsets.UTF_8)),
        new SASLResponse(new byte[0]),
        new PasswordMessage("s3cret ünï"));
  }

  static List<BackendMessage> backendMessages() {
    return List.of(
        new AuthenticationOk(),
        new AuthenticationSASL(List.of("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256")),
        new AuthenticationSASLContinue("r=abc,s=c2FsdA==,i=4096".getBytes(StandardCharsets.UTF_8)),
        new AuthenticationSASLFinal("v=c2ln".getBytes(StandardCharsets.UTF_8)),
        new AuthenticationCleartextPassword(),
        new ParameterStatus("server_version", "15.0 (OmenDB 0.1.0)"),
        new ParameterStatus("application_name", ""),
        new BackendKeyData(7, Integer.MIN_VALUE),
        new NegotiateProtocolVersion(0, List.of("_pq_.a", "_pq_.b")),
        new NegotiateProtocolVersion(0, List.of()),
        new ReadyForQuery(TransactionIndicator.IDLE),
        new ReadyForQuery(TransactionIndicator.IN_TRANSACTION),
        new ReadyForQuery(TransactionIndicator.FAILED),
        new RowDescription(List.of(
            RowDescription.Field.text("id", 23, (short) 4, -1),
            new RowDescription.Field("name", 16384, (short) 2, 1043, (short) -1, 14, RowDescription.TEXT_FORMAT))),
        new RowDescription(List.of()),
        DataRow.ofText("1", null, "", "grüße"),
        new DataRow(List.of(new byte[] {0, -1, 127})),
        new DataRow(List.of()),
        new CommandComplete("INSERT 0 3"),
        new EmptyQueryResponse(),
        ErrorResponse.error("42P01", "relation \"t\" does not exist"),
        ErrorResponse.fatal("28000", "no").withDetail("detail").withHint("hint").withPosition(15),
        NoticeResponse.create("WARNING", "25P01", "there is no transaction in progress"),
        new NoticeResponse("NOTICE", "00000", "m", "d", "h", 3),
        new ParseComplete(),
        new BindComplete(),
        new CloseComplete(),
        new NoData(),
        new PortalSuspended(),
        new ParameterDescription(List.of(23, 1043, 0)),
        new ParameterDescription(List.of()),
        new CopyInResponse((byte) 0, List.of((short) 0, (short) 0)),
        new CopyOutResponse((byte) 0, List.of((short) 0)),
        new CopyData(new byte[] {'a', '\n'}),
        new CopyDone());
  }

  @ParameterizedTest
  @MethodSource("frontendMessages")
  void frontend_roundTrip(FrontendMessage message) throws IOException {
    byte[] bytes = FrontendEncoder.toBytes(message);
    FrameReader reader = FrameReader.create(new ByteArrayInputStream(bytes));
    boolean untyped = message instanceof StartupMessage || message instanceof SSLRequest
        || message instanceof GSSENCRequest || message instanceof CancelRequest;
    Frame frame = untyped ? reader.readStartupFrame() : reader.readFrame();

    assertThat(FrontendDecoder.decode(frame)).isEqualTo(message);
    assertThat(reader.readFrame()).as("nothing after the message").isNull();
  }

  @ParameterizedTest
  @MethodSource("authenticationMessages")
  void authentication_roundTrip(FrontendMessage message) throws IOException {
    Frame frame = FrameReader.create(new ByteArrayInputStream(FrontendEncoder.toBytes(message))).readFrame();

    FrontendMessage decoded;
    if (message instanceof SASLInitialResponse) {
      decoded = AuthenticationDecoder.saslInitialResponse(frame);
    } else if (message instanceof SASLResponse) {
      decoded = AuthenticationDecoder.saslResponse(frame);
    } else {
      decoded = AuthenticationDecoder.passwordMessage(frame);
    }
    assertThat(decoded).isEqualTo(message);
  }

  @Test
  void passwordMessage_isNeverPrinted() {
    assertThat(new PasswordMessage("s3cret").toString()).doesNotContain("s3cret");
  }

  @ParameterizedTest
  @MethodSource("backendMessages")
  void backend_roundTrip(BackendMessage message) throws IOException {
    MessageBuffer buffer = new MessageBuffer();
    BackendEncoder.encode(message, buffer);
    FrameReader reader = FrameReader.create(new ByteArrayInputStream(buffer.toByteArray()));

    assertThat(BackendDecoder.decode(reader.readFrame())).isEqualTo(message);
    assertThat(reader.readFrame()).as("nothing after the message").isNull();
  }

  @Test
  void samples_coverEveryFrontendMessage() {
    List<FrontendMessage> all = new ArrayList<>(frontendMessages());
    all.addAll(authenticationMessages());
    assertThat(classesOf(all)).containsExactlyInAnyOrderElementsOf(
        Arrays.asList(FrontendMessage.class.getPermittedSubclasses()));
  }

  @Test
  void samples_coverEveryBackendMessage() {
    assertThat(classesOf(backendMessages())).containsExactlyInAnyOrderElementsOf(
        Arrays.asList(BackendMessage.class.getPermittedSubclasses()));
  }

  /**
   * Every type byte the codec names is exercised by a sample, except the messages it names only to refuse them
   * (FunctionCall) or never sends (the function-call, notification and CopyBoth responses).
   */
  @Test
  void samples_coverEveryMessageTypeTheCodecKnows() {
    Set<MessageType> covered = EnumSet.noneOf(MessageType.class);
    List<FrontendMessage> frontend = new ArrayList<>(frontendMessages());
    frontend.addAll(authenticationMessages());
    for (FrontendMessage message : frontend) {
      MessageType type = MessageType.frontend(FrontendEncoder.toBytes(message)[0]);
      if (type != null) {
        covered.add(type);
      }
    }
    for (BackendMessage message : backendMessages()) {
      MessageBuffer buffer = new MessageBuffer();
      BackendEncoder.encode(message, buffer);
      covered.add(MessageType.backend(buffer.toByteArray()[0]));
    }
    Set<MessageType> refusedOrNeverSent = EnumSet.of(MessageType.FUNCTION_CALL, MessageType.FUNCTION_CALL_RESPONSE,
        MessageType.NOTIFICATION_RESPONSE, MessageType.COPY_BOTH_RESPONSE);
    Set<MessageType> expected = EnumSet.allOf(MessageType.class);
    expected.removeAll(refusedOrNeverSent);
    assertThat(covered).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void query_encodesAsInTheProtocolDocs() {
    // 'Q', int32 length (4 + "SELECT 1" + NUL = 13), the string, NUL.
    assertThat(FrontendEncoder.toBytes(new Query("SELECT 1")))
        .containsExactly('Q', 0, 0, 0, 13, 'S', 'E', 'L', 'E', 'C', 'T', ' ', '1', 0);
  }

  @Test
  void sslRequest_encodesAsInTheProtocolDocs() {
    // int32 8, int32 80877103 = 0x04D2162F.
    assertThat(FrontendEncoder.toBytes(new SSLRequest())).containsExactly(0, 0, 0, 8, 0x04, 0xD2, 0x16, 0x2F);
  }

  @Test
  void bind_encodesAsInTheProtocolDocs() {
    // 'B', length, portal "" NUL, statement "s" NUL, 1 format (binary), 1 value of 2 bytes, 0 result formats.
    assertThat(FrontendEncoder.toBytes(new Bind("", "s", List.of(Bind.BINARY_FORMAT),
        List.of(new byte[] {0, 5}), List.of())))
        .containsExactly('B', 0, 0, 0, 21, 0, 's', 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 2, 0, 5, 0, 0);
  }

  @Test
  void bind_withMismatchedFormatCount_isAProtocolViolation() {
    byte[] bytes = FrontendEncoder.toBytes(new Bind("", "", List.of(Bind.TEXT_FORMAT, Bind.TEXT_FORMAT),
        List.of(new byte[] {'1'}), List.of()));
    Frame frame = new Frame(bytes[0], Arrays.copyOfRange(bytes, 5, bytes.length));
    assertThatThrownBy(() -> FrontendDecoder.decode(frame))
        .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("2 parameter formats but 1");
  }

  @Test
  void readyForQuery_encodesAsInTheProtocolDocs() {
    MessageBuffer buffer = new MessageBuffer();
    BackendEncoder.encode(new ReadyForQuery(TransactionIndicator.IN_TRANSACTION), buffer);
    assertThat(buffer.toByteArray()).containsExactly('Z', 0, 0, 0, 5, 'T');
  }

  private static Set<Class<?>> classesOf(List<?> messages) {
    return messages.stream().map(Object::getClass).collect(Collectors.toSet());
  }
}
