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
import java.util.List;

/** Lays out server-to-client messages in their wire format. */
public final class BackendEncoder {
  private static final int NULL_LENGTH = -1;
  private static final int MAX_COUNT16 = 0xFFFF;

  private BackendEncoder() {}

  /** Appends {@code message}, framed, to {@code out}. */
  public static void encode(BackendMessage message, MessageBuffer out) {
    if (message instanceof DataRow m) {
      out.beginMessage(MessageType.DATA_ROW.tag()).writeInt16(count16(m.values().size()));
      for (byte[] value : m.values()) {
        if (value == null) {
          out.writeInt32(NULL_LENGTH);
        } else {
          out.writeInt32(value.length).writeBytes(value);
        }
      }
    } else if (message instanceof RowDescription m) {
      out.beginMessage(MessageType.ROW_DESCRIPTION.tag()).writeInt16(count16(m.fields().size()));
      for (RowDescription.Field f : m.fields()) {
        out.writeCString(f.name()).writeInt32(f.tableOid()).writeInt16(f.columnAttribute()).writeInt32(f.typeOid())
            .writeInt16(f.typeSize()).writeInt32(f.typeModifier()).writeInt16(f.formatCode());
      }
    } else if (message instanceof CommandComplete m) {
      out.beginMessage(MessageType.COMMAND_COMPLETE.tag()).writeCString(m.commandTag());
    } else if (message instanceof ReadyForQuery m) {
      out.beginMessage(MessageType.READY_FOR_QUERY.tag()).writeByte(m.status().code());
    } else if (message instanceof EmptyQueryResponse) {
      out.beginMessage(MessageType.EMPTY_QUERY_RESPONSE.tag());
    } else if (message instanceof ErrorResponse m) {
      out.beginMessage(MessageType.ERROR_RESPONSE.tag());
      writeFields(out, m.severity(), m.sqlState(), m.message(), m.detail(), m.hint(), m.position());
    } else if (message instanceof NoticeResponse m) {
      out.beginMessage(MessageType.NOTICE_RESPONSE.tag());
      writeFields(out, m.severity(), m.sqlState(), m.message(), m.detail(), m.hint(), m.position());
    } else if (message instanceof AuthenticationOk) {
      out.beginMessage(MessageType.AUTHENTICATION.tag()).writeInt32(MessageType.AUTH_OK);
    } else if (message instanceof AuthenticationSASL m) {
      out.beginMessage(MessageType.AUTHENTICATION.tag()).writeInt32(MessageType.AUTH_SASL);
      m.mechanisms().forEach(out::writeCString);
      out.writeByte(0);
    } else if (message instanceof AuthenticationSASLContinue m) {
      out.beginMessage(MessageType.AUTHENTICATION.tag()).writeInt32(MessageType.AUTH_SASL_CONTINUE)
          .writeBytes(m.data());
    } else if (message instanceof AuthenticationSASLFinal m) {
      out.beginMessage(MessageType.AUTHENTICATION.tag()).writeInt32(MessageType.AUTH_SASL_FINAL)
          .writeBytes(m.data());
    } else if (message instanceof AuthenticationCleartextPassword) {
      out.beginMessage(MessageType.AUTHENTICATION.tag()).writeInt32(MessageType.AUTH_CLEARTEXT_PASSWORD);
    } else if (message instanceof ParameterStatus m) {
      out.beginMessage(MessageType.PARAMETER_STATUS.tag()).writeCString(m.name()).writeCString(m.value());
    } else if (message instanceof BackendKeyData m) {
      out.beginMessage(MessageType.BACKEND_KEY_DATA.tag()).writeInt32(m.processId()).writeInt32(m.secretKey());
    } else if (message instanceof NegotiateProtocolVersion m) {
      out.beginMessage(MessageType.NEGOTIATE_PROTOCOL_VERSION.tag()).writeInt32(m.newestMinorVersion())
          .writeInt32(m.unrecognizedOptions().size());
      m.unrecognizedOptions().forEach(out::writeCString);
    } else if (message instanceof ParseComplete) {
      out.beginMessage(MessageType.PARSE_COMPLETE.tag());
    } else if (message instanceof BindComplete) {
      out.beginMessage(MessageType.BIND_COMPLETE.tag());
    } else if (message instanceof CloseComplete) {
      out.beginMessage(MessageType.CLOSE_COMPLETE.tag());
    } else if (message instanceof NoData) {
      out.beginMessage(MessageType.NO_DATA.tag());
    } else if (message instanceof PortalSuspended) {
      out.beginMessage(MessageType.PORTAL_SUSPENDED.tag());
    } else if (message instanceof ParameterDescription m) {
      out.beginMessage(MessageType.PARAMETER_DESCRIPTION.tag()).writeInt16(count16(m.parameterTypes().size()));
      m.parameterTypes().forEach(out::writeInt32);
    } else if (message instanceof CopyInResponse m) {
      out.beginMessage(MessageType.COPY_IN_RESPONSE.tag());
      writeCopyFormats(out, m.format(), m.columnFormats());
    } else if (message instanceof CopyOutResponse m) {
      out.beginMessage(MessageType.COPY_OUT_RESPONSE.tag());
      writeCopyFormats(out, m.format(), m.columnFormats());
    } else if (message instanceof CopyData m) {
      out.beginMessage(MessageType.COPY_DATA_BACKEND.tag()).writeBytes(m.data());
    } else if (message instanceof CopyDone) {
      out.beginMessage(MessageType.COPY_DONE_BACKEND.tag());
    } else {
      throw new IllegalArgumentException("no encoding for " + message.getClass().getSimpleName());
    }
    out.endMessage();
  }

  private static void writeCopyFormats(MessageBuffer out, byte format, List<Short> columnFormats) {
    out.writeByte(format).writeInt16(count16(columnFormats.size()));
    columnFormats.forEach(out::writeInt16);
  }

  private static void writeFields(
      MessageBuffer out, String severity, String sqlState, String message, String detail, String hint,
      int position) {
    writeField(out, ErrorField.SEVERITY, severity);
    writeField(out, ErrorField.SEVERITY_NONLOCALIZED, severity);
    writeField(out, ErrorField.CODE, sqlState);
    writeField(out, ErrorField.MESSAGE, message);
    writeField(out, ErrorField.DETAIL, detail);
    writeField(out, ErrorField.HINT, hint);
    if (position > 0) {
      writeField(out, ErrorField.POSITION, Integer.toString(position));
    }
    out.writeByte(ErrorField.TERMINATOR);
  }

  private static void writeField(MessageBuffer out, ErrorField field, String value) {
    if (value != null) {
      // Text from exceptions may hold NUL, which would end the field early; PostgreSQL text never does.
      out.writeByte(field.code()).writeCString(value.replace('\0', ' '));
    }
  }

  private static int count16(int count) {
    if (count > MAX_COUNT16) {
      throw new IllegalArgumentException("too many columns: " + count);
    }
    return count;
  }
}
