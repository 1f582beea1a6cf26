package io.omendb.pg.codec;

import io.omendb.pg.message.CancelRequest;
import io.omendb.pg.message.FrontendMessage;
import io.omendb.pg.message.GSSENCRequest;
import io.omendb.pg.message.PasswordMessage;
import io.omendb.pg.message.Query;
import io.omendb.pg.message.SASLInitialResponse;
import io.omendb.pg.message.SASLResponse;
import io.omendb.pg.message.SSLRequest;
import io.omendb.pg.message.StartupMessage;
import io.omendb.pg.message.Terminate;
import java.util.Map;

/** Lays out client-to-server messages in their wire format; used by tests and tools that play the client. */
public final class FrontendEncoder {
  private FrontendEncoder() {}

  /** Appends {@code message}, framed, to {@code out}. */
  public static void encode(FrontendMessage message, MessageBuffer out) {
    if (message instanceof Query m) {
      out.beginMessage(MessageType.QUERY.tag()).writeCString(m.sql());
    } else if (message instanceof Terminate) {
      out.beginMessage(MessageType.TERMINATE.tag());
    } else if (message instanceof StartupMessage m) {
      out.beginUntyped().writeInt32(m.protocolVersion());
      for (Map.Entry<String, String> parameter : m.parameters().entrySet()) {
        out.writeCString(parameter.getKey()).writeCString(parameter.getValue());
      }
      out.writeByte(0);
    } else if (message instanceof SSLRequest) {
      out.beginUntyped().writeInt32(MessageType.SSL_REQUEST_CODE);
    } else if (message instanceof GSSENCRequest) {
      out.beginUntyped().writeInt32(MessageType.GSSENC_REQUEST_CODE);
    } else if (message instanceof CancelRequest m) {
      out.beginUntyped().writeInt32(MessageType.CANCEL_REQUEST_CODE).writeInt32(m.processId())
          .writeInt32(m.secretKey());
    } else if (message instanceof SASLInitialResponse m) {
      out.beginMessage(MessageType.PASSWORD_MESSAGE.tag()).writeCString(m.mechanism());
      byte[] data = m.data();
      if (data == null) {
        out.writeInt32(-1);
      } else {
        out.writeInt32(data.length).writeBytes(data);
      }
    } else if (message instanceof SASLResponse m) {
      out.beginMessage(MessageType.PASSWORD_MESSAGE.tag()).writeBytes(m.data());
    } else if (message instanceof PasswordMessage m) {
      out.beginMessage(MessageType.PASSWORD_MESSAGE.tag()).writeCString(m.password());
    } else {
      throw new IllegalArgumentException("no encoding for " + message.getClass().getSimpleName());
    }
    out.endMessage();
  }

  /** The encoded bytes of one message. */
  public static byte[] toBytes(FrontendMessage message) {
    MessageBuffer buffer = new MessageBuffer();
    encode(message, buffer);
    return buffer.toByteArray();
  }
}
