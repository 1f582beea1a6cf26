package io.omendb.pg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.adapter.ColumnMeta;
import io.omendb.adapter.CommandKind;
import io.omendb.pg.codec.FrontendEncoder;
import io.omendb.pg.codec.MessageBuffer;
import io.omendb.pg.codec.MessageType;
import io.omendb.pg.message.AuthenticationOk;
import io.omendb.pg.message.BackendKeyData;
import io.omendb.pg.message.BackendMessage;
import io.omendb.pg.message.CommandComplete;
import io.omendb.pg.message.DataRow;
import io.omendb.pg.message.EmptyQueryResponse;
import io.omendb.pg.message.ErrorResponse;
import io.omendb.pg.message.GSSENCRequest;
import io.omendb.pg.message.NegotiateProtocolVersion;
import io.omendb.pg.message.ParameterStatus;
import io.omendb.pg.message.ReadyForQuery;
import io.omendb.pg.message.RowDescription;
import io.omendb.pg.message.SSLRequest;
import io.omendb.pg.message.StartupMessage;
import io.omendb.pg.message.Terminate;
import io.omendb.pg.message.TransactionIndicator;
import io.omendb.pg.server.CannedSession.Canned;
import java.io.IOException;
import java.net.InetAddress;
import java.sql.Types;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server at the message level, through a raw socket client, over {@link CannedSession}s: tests protocol
 * framing and connection handling, not SQL.
 */
class PgServerTest {

  private static final List<ColumnMeta> ID_NAME = List.of(
      new ColumnMeta("id", Types.INTEGER, "INTEGER", -1, -1, "T", false),
      new ColumnMeta("name", Types.VARCHAR, "VARCHAR", 10, -1, "T", true));

  private static final Map<String, Canned> TABLE = Map.of(
      "SELECT id, name FROM t", Canned.rows(CommandKind.SELECT, ID_NAME,
          new Object[] {1, "one"}, new Object[] {2, null}),
      "SELECT 1", Canned.rows(CommandKind.SELECT,
          List.of(new ColumnMeta("EXPR$0", Types.INTEGER, "INTEGER", -1, -1, null, false)), new Object[] {1}),
      "INSERT INTO t VALUES (1), (2), (3)", Canned.count(CommandKind.INSERT, 3),
      "CREATE TABLE t (id INT)", Canned.count(CommandKind.CREATE_TABLE, 0),
      "BEGIN", Canned.count(CommandKind.BEGIN, 0),
      "ROLLBACK", Canned.count(CommandKind.ROLLBACK, 0),
      "SELECT * FROM missing", Canned.error("42P01", "relation \"missing\" does not exist"),
      "BROKEN", Canned.error(null, "something without a state"));

  private final CannedSession.Factory sessions = new CannedSession.Factory(TABLE);
  private PgServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = start(PgServerConfig.loopback(0));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void sslRequest_isAnsweredN_thenStartupProceedsInPlainText() throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      client.send(new SSLRequest());
      assertThat(client.readByte()).isEqualTo(MessageType.ENCRYPTION_REFUSED).isEqualTo((byte) 'N');
      assertThat(client.startup("alice")).last().isEqualTo(new ReadyForQuery(TransactionIndicator.IDLE));
    }
  }

  @Test
  void gssencRequest_isAnsweredN() throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      client.send(new GSSENCRequest());
      assertThat(client.readByte()).isEqualTo((byte) 'N');
      client.send(new SSLRequest());
      assertThat(client.readByte()).isEqualTo((byte) 'N');
      assertThat(client.startup("alice")).first().isEqualTo(new AuthenticationOk());
    }
  }

  @Test
  void startup_sendsAuthenticationOkParametersKeyAndReadyForQuery() throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      List<BackendMessage> messages = client.startup("alice");

      assertThat(messages.get(0)).isEqualTo(new AuthenticationOk());
      Map<String, String> parameters = messages.stream().filter(ParameterStatus.class::isInstance)
          .map(ParameterStatus.class::cast).collect(Collectors.toMap(ParameterStatus::name, ParameterStatus::value));
      assertThat(parameters.get("server_version")).startsWith("15.");
      assertThat(parameters).containsEntry("server_encoding", "UTF8").containsEntry("client_encoding", "UTF8")
          .containsEntry("DateStyle", "ISO, MDY").containsEntry("integer_datetimes", "on")
          .containsEntry("standard_conforming_strings", "on").containsEntry("IntervalStyle", "postgres")
          .containsEntry("application_name", "raw-client").containsKeys("TimeZone", "is_superuser");
      assertThat(messages).filteredOn(BackendKeyData.class::isInstance).hasSize(1);
      assertThat(messages).last().isEqualTo(new ReadyForQuery(TransactionIndicator.IDLE));
      assertThat(sessions.lastSettings).containsEntry("user", "alice").containsEntry("database", "testdb")
          .containsEntry("application_name", "raw-client").doesNotContainKey("client_encoding");
    }
  }

  @Test
  void query_withRows_sendsRowDescriptionDataRowsAndCommandComplete() throws IOException {
    try (RawClient client = connected()) {
      List<BackendMessage> messages = client.query("SELECT id, name FROM t");

      assertThat(messages).containsExactly(
          new RowDescription(List.of(RowDescription.Field.text("id", 23, (short) 4, -1),
              RowDescription.Field.text("name", 1043, (short) -1, 14))),
          DataRow.ofText("1", "one"),
          DataRow.ofText("2", null),
          new CommandComplete("SELECT 2"),
          new ReadyForQuery(TransactionIndicator.IDLE));
    }
  }

  @Test
  void query_withoutRows_sendsOnlyCommandComplete() throws IOException {
    try (RawClient client = connected()) {
      assertThat(client.query("INSERT INTO t VALUES (1), (2), (3)"))
          .containsExactly(new CommandComplete("INSERT 0 3"), new ReadyForQuery(TransactionIndicator.IDLE));
      assertThat(client.query("CREATE TABLE t (id INT)"))
          .containsExactly(new CommandComplete("CREATE TABLE"), new ReadyForQuery(TransactionIndicator.IDLE));
    }
  }

  @Test
  void query_empty_sendsEmptyQueryResponse() throws IOException {
    try (RawClient client = connected()) {
      assertThat(client.query(""))
          .containsExactly(new EmptyQueryResponse(), new ReadyForQuery(TransactionIndicator.IDLE));
      assertThat(client.query(" ; ;"))
          .containsExactly(new EmptyQueryResponse(), new ReadyForQuery(TransactionIndicator.IDLE));
    }
  }

  @Test
  void query_severalStatements_answersEachInOrder() throws IOException {
    try (RawClient client = connected()) {
      assertThat(client.query("CREATE TABLE t (id INT); SELECT 1")).containsExactly(
          new CommandComplete("CREATE TABLE"),
          new RowDescription(List.of(RowDescription.Field.text("EXPR$0", 23, (short) 4, -1))),
          DataRow.ofText("1"),
          new CommandComplete("SELECT 1"),
          new ReadyForQuery(TransactionIndicator.IDLE));
    }
  }

  @Test
  void query_error_sendsItsSqlStateAndSkipsTheRemainingStatements() throws IOException {
    try (RawClient client = connected()) {
      List<BackendMessage> messages = client.query("SELECT 1; SELECT * FROM missing; CREATE TABLE t (id INT)");

      assertThat(messages).hasSize(5);
      assertThat(messages.get(2)).isEqualTo(new CommandComplete("SELECT 1"));
      assertThat(messages.get(3)).isEqualTo(ErrorResponse.error("42P01", "relation \"missing\" does not exist"));
      assertThat(messages.get(4)).isEqualTo(new ReadyForQuery(TransactionIndicator.IDLE));
      assertThat(sessions.opened.get(0).executed).containsExactly("SELECT 1", "SELECT * FROM missing");
    }
  }

  @Test
  void query_errorWithoutSqlState_isInternalError() throws IOException {
    try (RawClient client = connected()) {
      assertThat(client.query("BROKEN")).first().isEqualTo(ErrorResponse.error("XX000", "something without a state"));
    }
  }

  @Test
  void query_splitFailure_isSyntaxError() throws IOException {
    try (RawClient client = connected()) {
      assertThat(client.query("SELECT @split-error@")).first()
          .isInstanceOfSatisfying(ErrorResponse.class, e -> assertThat(e.sqlState()).isEqualTo("42601"));
    }
  }

  @Test
  void readyForQuery_reportsTheSessionsTransactionStatus() throws IOException {
    try (RawClient client = connected()) {
      assertThat(client.query("BEGIN")).last().isEqualTo(new ReadyForQuery(TransactionIndicator.IN_TRANSACTION));
      assertThat(client.query("SELECT * FROM missing")).last()
          .isEqualTo(new ReadyForQuery(TransactionIndicator.FAILED));
      assertThat(client.query("ROLLBACK")).last().isEqualTo(new ReadyForQuery(TransactionIndicator.IDLE));
    }
  }

  @Test
  void terminate_closesTheSessionAndTheConnection() throws IOException {
    try (RawClient client = connected()) {
      client.send(new Terminate());
      assertThat(client.serverClosed()).isTrue();
      await(() -> sessions.opened.get(0).closed);
      await(() -> server.connectionCount() == 0);
    }
  }

  @Test
  void clientDisconnect_closesTheSession() throws IOException {
    RawClient client = connected();
    client.close();
    await(() -> sessions.opened.get(0).closed);
  }

  @Test
  void badMessageLength_isFatalProtocolViolationAndCloses() throws IOException {
    try (RawClient client = connected()) {
      client.sendRaw('Q', 0, 0, 0, 2);
      assertThat(client.read()).isInstanceOfSatisfying(ErrorResponse.class, e -> {
        assertThat(e.severity()).isEqualTo(ErrorResponse.FATAL);
        assertThat(e.sqlState()).isEqualTo("08P01");
      });
      assertThat(client.serverClosed()).isTrue();
      await(() -> sessions.opened.get(0).closed);
    }
  }

  @Test
  void oversizedMessage_isRejectedBeforeItsBodyArrives() throws IOException {
    try (RawClient client = connected()) {
      client.sendRaw('Q', 0x7F, 0xFF, 0xFF, 0xFF);
      assertThat(client.read()).isInstanceOfSatisfying(ErrorResponse.class,
          e -> assertThat(e.sqlState()).isEqualTo("08P01"));
      assertThat(client.serverClosed()).isTrue();
    }
  }

  @Test
  void oversizedStartupPacket_isProtocolViolation() throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      client.sendRaw(0, 1, 0, 0);
      assertThat(client.read()).isInstanceOfSatisfying(ErrorResponse.class,
          e -> assertThat(e.sqlState()).isEqualTo("08P01"));
      assertThat(client.serverClosed()).isTrue();
    }
  }

  @Test
  void unknownMessageType_isProtocolViolation() throws IOException {
    try (RawClient client = connected()) {
      client.sendRaw('!', 0, 0, 0, 4);
      assertThat(client.read()).isInstanceOfSatisfying(ErrorResponse.class,
          e -> assertThat(e.sqlState()).isEqualTo("08P01"));
      assertThat(client.serverClosed()).isTrue();
    }
  }

  @Test
  void protocolVersion2_isRefused() throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      client.send(new StartupMessage(StartupMessage.version(2, 0), Map.of("user", "alice")));
      assertThat(client.read()).isInstanceOfSatisfying(ErrorResponse.class, e -> {
        assertThat(e.isFatal()).isTrue();
        assertThat(e.sqlState()).isEqualTo("0A000");
        assertThat(e.message()).contains("unsupported frontend protocol 2.0");
      });
      assertThat(client.serverClosed()).isTrue();
    }
  }

  @Test
  void newerMinorVersion_isNegotiatedDownTo30() throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      client.send(new StartupMessage(StartupMessage.version(3, 2), Map.of("user", "alice", "_pq_.x", "1")));
      List<BackendMessage> messages = client.readUntilReady();
      assertThat(messages.get(0)).isEqualTo(new NegotiateProtocolVersion(0, List.of("_pq_.x")));
      assertThat(messages.get(1)).isEqualTo(new AuthenticationOk());
    }
  }

  @Test
  void startupWithoutUser_isFatal28000() throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      client.send(StartupMessage.create(Map.of("database", "db")));
      assertThat(client.read()).isEqualTo(
          ErrorResponse.fatal("28000", "no PostgreSQL user name specified in startup packet"));
      assertThat(client.serverClosed()).isTrue();
    }
  }

  @Test
  void sessionFactoryRefusal_isFatalWithItsSqlState() throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      client.send(StartupMessage.create(Map.of("user", "nobody")));
      assertThat(client.read()).isEqualTo(ErrorResponse.fatal("28000", "role \"nobody\" does not exist"));
    }
  }

  @Test
  void unsupportedClientEncoding_isRefused() throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      client.send(StartupMessage.create(Map.of("user", "alice", "client_encoding", "LATIN1")));
      assertThat(client.read()).isInstanceOfSatisfying(ErrorResponse.class, e -> assertThat(e.isFatal()).isTrue());
    }
  }

  @Test
  void extendedProtocol_errorSkipsUntilSync_thenSimpleQueriesWork() throws IOException {
    try (RawClient client = connected()) {
      MessageBuffer buffer = new MessageBuffer();
      buffer.beginMessage(MessageType.PARSE.tag()).writeCString("").writeCString("SELECT 1").writeInt16(0)
          .endMessage();
      buffer.beginMessage(MessageType.BIND.tag()).writeCString("").writeCString("").writeInt16(0).writeInt16(0)
          .writeInt16(0).endMessage();
      buffer.beginMessage(MessageType.SYNC.tag()).endMessage();
      client.sendRaw(buffer.toByteArray());

      List<BackendMessage> messages = client.readUntilReady();
      assertThat(messages).hasSize(2);
      assertThat(messages.get(0)).isInstanceOfSatisfying(ErrorResponse.class, e -> {
        assertThat(e.sqlState()).isEqualTo("0A000");
        assertThat(e.isFatal()).isFalse();
      });
      assertThat(client.query("SELECT 1")).contains(new CommandComplete("SELECT 1"));
    }
  }

  @Test
  void maxConnections_refusesTheNextClientWith53300() throws IOException {
    server.close();
    server = start(PgServerConfig.loopback(0).withMaxConnections(1));
    try (RawClient first = connected(); RawClient second = new RawClient(server.port())) {
      assertThat(second.read()).isEqualTo(ErrorResponse.fatal("53300", "sorry, too many clients already"));
      assertThat(second.serverClosed()).isTrue();
      assertThat(first.query("SELECT 1")).contains(new CommandComplete("SELECT 1"));
    }
  }

  @Test
  void authenticationTimeout_dropsASilentClientButNotAnAuthenticatedOne() throws IOException {
    server.close();
    server = start(PgServerConfig.loopback(0).withAuthTimeout(Duration.ofSeconds(1)));
    try (RawClient active = connected(); RawClient silent = new RawClient(server.port())) {
      long start = System.nanoTime();
      assertThat(silent.serverClosed()).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(500));
      // The active client connected before the silent one, so its own timeout has expired too by now.
      assertThat(active.query("SELECT 1")).contains(new CommandComplete("SELECT 1"));
    }
  }

  @Test
  void close_terminatesIdleClientsAndClosesTheirSessions() throws IOException {
    try (RawClient client = connected()) {
      server.close();
      assertThat(client.read()).isEqualTo(
          ErrorResponse.fatal("57P01", "terminating connection due to administrator command"));
      assertThat(client.serverClosed()).isTrue();
      assertThat(sessions.opened.get(0).closed).as("close() waits for sessions to close").isTrue();
    }
    assertThatThrownBy(() -> new RawClient(server.port()).close()).isInstanceOf(IOException.class);
  }

  @Test
  void start_trustOnNonLoopbackAddress_isRefused() throws IOException {
    PgServer exposed = new PgServer(sessions,
        PgServerConfig.loopback(0).withBindAddress(InetAddress.getByName("0.0.0.0")));
    assertThatThrownBy(exposed::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("trust authentication")
        .hasMessageContaining("loopback");
  }

  @Test
  void trust_clientFromNonLoopbackAddress_isFatal28000() throws IOException {
    assertThatThrownBy(() -> TrustAuthentication.checkClient(InetAddress.getByName("192.0.2.7"), "alice"))
        .isInstanceOfSatisfying(PgException.class, e -> {
          assertThat(e.response().sqlState()).isEqualTo("28000");
          assertThat(e.response().isFatal()).isTrue();
          assertThat(e.response().message()).contains("192.0.2.7");
        });
  }

  @Test
  void cancelRequest_isAcceptedSilently() throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      client.sendRaw(FrontendEncoder.toBytes(new io.omendb.pg.message.CancelRequest(1, 2)));
      assertThat(client.serverClosed()).isTrue();
    }
  }

  private PgServer start(PgServerConfig config) throws IOException {
    PgServer started = new PgServer(sessions, config);
    started.start();
    return started;
  }

  private RawClient connected() throws IOException {
    RawClient client = new RawClient(server.port());
    client.startup("alice");
    return client;
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
