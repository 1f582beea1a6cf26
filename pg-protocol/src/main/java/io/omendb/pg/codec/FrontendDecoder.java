package io.omendb.pg.codec;

import io.omendb.pg.message.Bind;
import io.omendb.pg.message.CancelRequest;
import io.omendb.pg.message.Close;
import io.omendb.pg.message.CopyData;
import io.omendb.pg.message.CopyDone;
import io.omendb.pg.message.CopyFail;
import io.omendb.pg.message.Describe;
import io.omendb.pg.message.Execute;
import io.omendb.pg.message.Flush;
import io.omendb.pg.message.FrontendMessage;
import io.omendb.pg.message.GSSENCRequest;
import io.omendb.pg.message.Parse;
import io.omendb.pg.message.Query;
import io.omendb.pg.message.SSLRequest;
import io.omendb.pg.message.StartupMessage;
import io.omendb.pg.message.Sync;
import io.omendb.pg.message.Target;
import io.omendb.pg.message.Terminate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns frames sent by a client into {@link FrontendMessage}s. */
public final class FrontendDecoder {
  private static final int NULL_LENGTH = -1;

  private FrontendDecoder() {}

  /**
   * Decodes a frame: a startup packet if it is untyped, otherwise a typed message.
   *
   * @throws UnsupportedMessageException for a known message type this server does not implement yet
   * @throws ProtocolViolationException for an unknown type or a malformed body
   */
  public static FrontendMessage decode(Frame frame) throws ProtocolViolationException {
    if (frame.isUntyped()) {
      return decodeStartup(frame.payload());
    }
    MessageType type = MessageType.frontend(frame.tag());
    if (type == null) {
      throw new ProtocolViolationException("invalid frontend message type " + MessageType.describe(frame.tag()));
    }
    PayloadReader in = new PayloadReader(frame.payload(), type.name());
    FrontendMessage message;
    switch (type) {
      case QUERY:
        message = new Query(in.readCString());
        break;
      case TERMINATE:
        message = new Terminate();
        break;
      case PARSE:
        message = readParse(in);
        break;
      case BIND:
        message = readBind(in);
        break;
      case DESCRIBE:
        message = new Describe(readTarget(in), in.readCString());
        break;
      case EXECUTE:
        message = new Execute(in.readCString(), in.readInt32());
        break;
      case CLOSE:
        message = new Close(readTarget(in), in.readCString());
        break;
      case SYNC:
        message = new Sync();
        break;
      case FLUSH:
        message = new Flush();
        break;
      case COPY_DATA_FRONTEND:
        message = new CopyData(in.readBytes(frame.payload().length));
        break;
      case COPY_DONE_FRONTEND:
        message = new CopyDone();
        break;
      case COPY_FAIL:
        message = new CopyFail(in.readCString());
        break;
      default:
        throw new UnsupportedMessageException(type);
    }
    in.expectEnd();
    return message;
  }

  private static Parse readParse(PayloadReader in) throws ProtocolViolationException {
    String statement = in.readCString();
    String sql = in.readCString();
    int count = in.readCount16();
    List<Integer> types = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      types.add(in.readInt32());
    }
    return new Parse(statement, sql, types);
  }

  private static Bind readBind(PayloadReader in) throws ProtocolViolationException {
    String portal = in.readCString();
    String statement = in.readCString();
    List<Short> parameterFormats = readFormats(in);
    int count = in.readCount16();
    if (parameterFormats.size() > 1 && parameterFormats.size() != count) {
      throw new ProtocolViolationException(
          "bind message has " + parameterFormats.size() + " parameter formats but " + count + " parameters");
    }
    List<byte[]> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int length = in.readInt32();
      values.add(length == NULL_LENGTH ? null : in.readBytes(length));
    }
    return new Bind(portal, statement, parameterFormats, values, readFormats(in));
  }

  private static List<Short> readFormats(PayloadReader in) throws ProtocolViolationException {
    int count = in.readCount16();
    List<Short> formats = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      short format = in.readInt16();
      if (format != Bind.TEXT_FORMAT && format != Bind.BINARY_FORMAT) {
        throw new ProtocolViolationException("invalid format code " + format);
      }
      formats.add(format);
    }
    return formats;
  }

  private static Target readTarget(PayloadReader in) throws ProtocolViolationException {
    byte code = in.readByte();
    Target target = Target.fromCode(code);
    if (target == null) {
      throw new ProtocolViolationException("invalid statement or portal indicator " + MessageType.describe(code));
    }
    return target;
  }

  private static FrontendMessage decodeStartup(byte[] payload) throws ProtocolViolationException {
    PayloadReader in = new PayloadReader(payload, "startup packet");
    int code = in.readInt32();
    FrontendMessage message;
    switch (code) {
      case MessageType.SSL_REQUEST_CODE:
        message = new SSLRequest();
        break;
      case MessageType.GSSENC_REQUEST_CODE:
        message = new GSSENCRequest();
        break;
      case MessageType.CANCEL_REQUEST_CODE:
        message = new CancelRequest(in.readInt32(), in.readInt32());
        break;
      default:
        message = new StartupMessage(code, readParameters(in));
        break;
    }
    in.expectEnd();
    return message;
  }

  private static Map<String, String> readParameters(PayloadReader in) throws ProtocolViolationException {
    Map<String, String> parameters = new LinkedHashMap<>();
    while (true) {
      String name = in.readCString();
      if (name.isEmpty()) {
        return parameters;
      }
      String value = in.readCString();
      if (parameters.put(name, value) != null) {
        throw new ProtocolViolationException("duplicate startup parameter " + name);
      }
    }
  }
}
