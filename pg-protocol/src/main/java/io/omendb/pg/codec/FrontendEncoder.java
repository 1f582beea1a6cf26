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
import io.omendb.pg.message.PasswordMessage;
import io.omendb.pg.message.Query;
import io.omendb.pg.message.SASLInitialResponse;
import io.omendb.pg.message.SASLResponse;
import io.omendb.pg.message.SSLRequest;
import io.omendb.pg.message.StartupMessage;
import io.omendb.pg.message.Sync;
import io.omendb.pg.message.Terminate;
import java.util.List;
import java.util.Map;

/** Lays out client-to-server messages in their wire format; used by tests and tools that play the client. */
public final class FrontendEncoder {
  private static final int NULL_LENGTH = -1;

  private FrontendEncoder() {}

  /** Appends {@code message}, framed, to {@code out}. */
  public static void encode(FrontendMessage message, MessageBuffer out) {
    if (message instanceof Query m) {
      out.beginMessage(MessageType.QUERY.tag()).writeCString(m.sql());
    } else if (message instanceof Terminate) {
      out.beginMessage(MessageType.TERMINATE.tag());
    } else if (message instanceof Parse m) {
      out.beginMessage(MessageType.PARSE.tag()).writeCString(m.statement()).writeCString(m.sql())
          .writeInt16(m.parameterTypes().size());
      m.parameterTypes().forEach(out::writeInt32);
    } else if (message instanceof Bind m) {
      out.beginMessage(MessageType.BIND.tag()).writeCString(m.portal()).writeCString(m.statement());
      writeFormats(out, m.parameterFormats());
      out.writeInt16(m.values().size());
      for (byte[] value : m.values()) {
        if (value == null) {
          out.writeInt32(NULL_LENGTH);
        } else {
          out.writeInt32(value.length).writeBytes(value);
        }
      }
      writeFormats(out, m.resultFormats());
    } else if (message instanceof Describe m) {
      out.beginMessage(MessageType.DESCRIBE.tag()).writeByte(m.target().code()).writeCString(m.name());
    } else if (message instanceof Execute m) {
      out.beginMessage(MessageType.EXECUTE.tag()).writeCString(m.portal()).writeInt32(m.maxRows());
    } else if (message instanceof Close m) {
      out.beginMessage(MessageType.CLOSE.tag()).writeByte(m.target().code()).writeCString(m.name());
    } else if (message instanceof Sync) {
      out.beginMessage(MessageType.SYNC.tag());
    } else if (message instanceof Flush) {
      out.beginMessage(MessageType.FLUSH.tag());
    } else if (message instanceof CopyData m) {
      out.beginMessage(MessageType.COPY_DATA_FRONTEND.tag()).writeBytes(m.data());
    } else if (message instanceof CopyDone) {
      out.beginMessage(MessageType.COPY_DONE_FRONTEND.tag());
    } else if (message instanceof CopyFail m) {
      out.beginMessage(MessageType.COPY_FAIL.tag()).writeCString(m.reason());
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

  private static void writeFormats(MessageBuffer out, List<Short> formats) {
    out.writeInt16(formats.size());
    formats.forEach(out::writeInt16);
  }

  /** The encoded bytes of one message. */
  public static byte[] toBytes(FrontendMessage message) {
    MessageBuffer buffer = new MessageBuffer();
    encode(message, buffer);
    return buffer.toByteArray();
  }
}
