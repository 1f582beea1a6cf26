package io.omendb.pg.codec;

import io.omendb.pg.message.AuthenticationCleartextPassword;
import io.omendb.pg.message.AuthenticationOk;
import io.omendb.pg.message.AuthenticationSASL;
import io.omendb.pg.message.AuthenticationSASLContinue;
import io.omendb.pg.message.AuthenticationSASLFinal;
import io.omendb.pg.message.BackendKeyData;
import io.omendb.pg.message.BackendMessage;
import io.omendb.pg.message.BindComplete;
import io.omendb.pg.message.CloseComplete;
import io.omendb.pg.message.CommandComplete;
import io.omendb.pg.message.CopyData;
import io.omendb.pg.message.CopyDone;
import io.omendb.pg.message.CopyInResponse;
import io.omendb.pg.message.CopyOutResponse;
import io.omendb.pg.message.DataRow;
import io.omendb.pg.message.EmptyQueryResponse;
import io.omendb.pg.message.ErrorResponse;
import io.omendb.pg.message.NegotiateProtocolVersion;
import io.omendb.pg.message.NoData;
import io.omendb.pg.message.NoticeResponse;
import io.omendb.pg.message.ParameterDescription;
import io.omendb.pg.message.ParameterStatus;
import io.omendb.pg.message.ParseComplete;
import io.omendb.pg.message.PortalSuspended;
import io.omendb.pg.message.ReadyForQuery;
import io.omendb.pg.message.RowDescription;
import io.omendb.pg.message.TransactionIndicator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Turns frames sent by a server into {@link BackendMessage}s; used by tests and tools that play the client. */
public final class BackendDecoder {
  private static BackendMessage readAuthentication(PayloadReader in, MessageType type)
      throws ProtocolViolationException {
    int code = in.readInt32();
    switch (code) {
      case MessageType.AUTH_OK:
        return new AuthenticationOk();
      case MessageType.AUTH_CLEARTEXT_PASSWORD:
        return new AuthenticationCleartextPassword();
      case MessageType.AUTH_SASL:
        List<String> mechanisms = new ArrayList<>();
        for (String name = in.readCString(); !name.isEmpty(); name = in.readCString()) {
          mechanisms.add(name);
        }
        return new AuthenticationSASL(mechanisms);
      case MessageType.AUTH_SASL_CONTINUE:
        return new AuthenticationSASLContinue(in.readRemaining());
      case MessageType.AUTH_SASL_FINAL:
        return new AuthenticationSASLFinal(in.readRemaining());
      default:
        throw new UnsupportedMessageException(type);
    }
  }

  private static final int NULL_LENGTH = -1;

  private BackendDecoder() {}

  /**
   * Decodes one typed frame.
   *
   * @throws UnsupportedMessageException for a known message type this code base does not model yet
   * @throws ProtocolViolationException for an unknown type or a malformed body
   */
  public static BackendMessage decode(Frame frame) throws ProtocolViolationException {
    MessageType type = MessageType.backend(frame.tag());
    if (type == null) {
      throw new ProtocolViolationException("invalid backend message type " + MessageType.describe(frame.tag()));
    }
    PayloadReader in = new PayloadReader(frame.payload(), type.name());
    BackendMessage message;
    switch (type) {
      case AUTHENTICATION:
        message = readAuthentication(in, type);
        break;
      case PARAMETER_STATUS:
        message = new ParameterStatus(in.readCString(), in.readCString());
        break;
      case BACKEND_KEY_DATA:
        message = new BackendKeyData(in.readInt32(), in.readInt32());
        break;
      case NEGOTIATE_PROTOCOL_VERSION:
        message = readNegotiateProtocolVersion(in);
        break;
      case READY_FOR_QUERY:
        message = readReadyForQuery(in);
        break;
      case ROW_DESCRIPTION:
        message = readRowDescription(in);
        break;
      case DATA_ROW:
        message = readDataRow(in);
        break;
      case COMMAND_COMPLETE:
        message = new CommandComplete(in.readCString());
        break;
      case EMPTY_QUERY_RESPONSE:
        message = new EmptyQueryResponse();
        break;
      case ERROR_RESPONSE:
      case NOTICE_RESPONSE:
        message = readErrorOrNotice(type, in);
        break;
      case PARSE_COMPLETE:
        message = new ParseComplete();
        break;
      case BIND_COMPLETE:
        message = new BindComplete();
        break;
      case CLOSE_COMPLETE:
        message = new CloseComplete();
        break;
      case NO_DATA:
        message = new NoData();
        break;
      case PORTAL_SUSPENDED:
        message = new PortalSuspended();
        break;
      case PARAMETER_DESCRIPTION:
        int parameters = in.readCount16();
        List<Integer> types = new ArrayList<>(parameters);
        for (int i = 0; i < parameters; i++) {
          types.add(in.readInt32());
        }
        message = new ParameterDescription(types);
        break;
      case COPY_IN_RESPONSE:
        byte inFormat = in.readByte();
        message = new CopyInResponse(inFormat, readCopyFormats(in));
        break;
      case COPY_OUT_RESPONSE:
        byte outFormat = in.readByte();
        message = new CopyOutResponse(outFormat, readCopyFormats(in));
        break;
      case COPY_DATA_BACKEND:
        message = new CopyData(in.readBytes(frame.payload().length));
        break;
      case COPY_DONE_BACKEND:
        message = new CopyDone();
        break;
      default:
        throw new UnsupportedMessageException(type);
    }
    in.expectEnd();
    return message;
  }

  private static List<Short> readCopyFormats(PayloadReader in) throws ProtocolViolationException {
    int count = in.readCount16();
    List<Short> formats = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      formats.add(in.readInt16());
    }
    return formats;
  }

  private static NegotiateProtocolVersion readNegotiateProtocolVersion(PayloadReader in)
      throws ProtocolViolationException {
    int minor = in.readInt32();
    int count = in.readInt32();
    if (count < 0) {
      throw new ProtocolViolationException("negative option count in NegotiateProtocolVersion");
    }
    List<String> options = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      options.add(in.readCString());
    }
    return new NegotiateProtocolVersion(minor, options);
  }

  private static ReadyForQuery readReadyForQuery(PayloadReader in) throws ProtocolViolationException {
    byte code = in.readByte();
    TransactionIndicator status = TransactionIndicator.fromCode(code);
    if (status == null) {
      throw new ProtocolViolationException("invalid transaction status " + MessageType.describe(code));
    }
    return new ReadyForQuery(status);
  }

  private static RowDescription readRowDescription(PayloadReader in) throws ProtocolViolationException {
    int count = in.readCount16();
    List<RowDescription.Field> fields = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      fields.add(new RowDescription.Field(
          in.readCString(), in.readInt32(), in.readInt16(), in.readInt32(), in.readInt16(), in.readInt32(),
          in.readInt16()));
    }
    return new RowDescription(fields);
  }

  private static DataRow readDataRow(PayloadReader in) throws ProtocolViolationException {
    int count = in.readCount16();
    List<byte[]> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int length = in.readInt32();
      values.add(length == NULL_LENGTH ? null : in.readBytes(length));
    }
    return new DataRow(values);
  }

  private static BackendMessage readErrorOrNotice(MessageType type, PayloadReader in)
      throws ProtocolViolationException {
    Map<ErrorField, String> fields = new EnumMap<>(ErrorField.class);
    while (true) {
      byte code = in.readByte();
      if (code == ErrorField.TERMINATOR) {
        break;
      }
      String value = in.readCString();
      ErrorField field = ErrorField.fromCode(code);
      if (field != null) {
        fields.put(field, value);
      }
    }
    String severity = fields.getOrDefault(ErrorField.SEVERITY_NONLOCALIZED, fields.get(ErrorField.SEVERITY));
    String sqlState = fields.get(ErrorField.CODE);
    String text = fields.get(ErrorField.MESSAGE);
    if (severity == null || sqlState == null || text == null) {
      throw new ProtocolViolationException(type + " lacks severity, code or message");
    }
    int position = parsePosition(fields.get(ErrorField.POSITION));
    try {
      return type == MessageType.ERROR_RESPONSE
          ? new ErrorResponse(severity, sqlState, text, fields.get(ErrorField.DETAIL), fields.get(ErrorField.HINT),
              position)
          : new NoticeResponse(severity, sqlState, text, fields.get(ErrorField.DETAIL), fields.get(ErrorField.HINT),
              position);
    } catch (IllegalArgumentException e) {
      throw new ProtocolViolationException("malformed " + type + ": " + e.getMessage());
    }
  }

  private static int parsePosition(String position) throws ProtocolViolationException {
    if (position == null) {
      return 0;
    }
    try {
      return Integer.parseInt(position);
    } catch (NumberFormatException e) {
      throw new ProtocolViolationException("invalid error position " + position);
    }
  }
}
