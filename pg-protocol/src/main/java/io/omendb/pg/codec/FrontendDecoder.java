package io.omendb.pg.codec;

import io.omendb.pg.message.CancelRequest;
import io.omendb.pg.message.FrontendMessage;
import io.omendb.pg.message.GSSENCRequest;
import io.omendb.pg.message.Query;
import io.omendb.pg.message.SSLRequest;
import io.omendb.pg.message.StartupMessage;
import io.omendb.pg.message.Terminate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns frames sent by a client into {@link FrontendMessage}s. */
public final class FrontendDecoder {
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
      default:
        throw new UnsupportedMessageException(type);
    }
    in.expectEnd();
    return message;
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
