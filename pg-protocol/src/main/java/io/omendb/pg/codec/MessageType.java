package io.omendb.pg.codec;

import java.util.HashMap;
import java.util.Map;

/**
 * Every message type byte of the PostgreSQL v3 protocol, per direction, plus the codes that identify the untyped
 * startup packets. The only place in the code base where these bytes are spelled out.
 *
 * <p>Several bytes mean different messages in the two directions ('D' is Describe from the client but DataRow from
 * the server), so look-ups always name the {@link Direction}.
 */
public enum MessageType {
  // Frontend (client to server).
  BIND('B', Direction.FRONTEND),
  CLOSE('C', Direction.FRONTEND),
  COPY_DATA_FRONTEND('d', Direction.FRONTEND),
  COPY_DONE_FRONTEND('c', Direction.FRONTEND),
  COPY_FAIL('f', Direction.FRONTEND),
  DESCRIBE('D', Direction.FRONTEND),
  EXECUTE('E', Direction.FRONTEND),
  FLUSH('H', Direction.FRONTEND),
  FUNCTION_CALL('F', Direction.FRONTEND),
  /** PasswordMessage, SASLInitialResponse, SASLResponse and GSSResponse share this byte. */
  PASSWORD_MESSAGE('p', Direction.FRONTEND),
  PARSE('P', Direction.FRONTEND),
  QUERY('Q', Direction.FRONTEND),
  SYNC('S', Direction.FRONTEND),
  TERMINATE('X', Direction.FRONTEND),

  // Backend (server to client).
  /** All Authentication* messages share this byte; a 32-bit code follows (see {@link #AUTH_OK}). */
  AUTHENTICATION('R', Direction.BACKEND),
  BACKEND_KEY_DATA('K', Direction.BACKEND),
  BIND_COMPLETE('2', Direction.BACKEND),
  CLOSE_COMPLETE('3', Direction.BACKEND),
  COMMAND_COMPLETE('C', Direction.BACKEND),
  COPY_DATA_BACKEND('d', Direction.BACKEND),
  COPY_DONE_BACKEND('c', Direction.BACKEND),
  COPY_IN_RESPONSE('G', Direction.BACKEND),
  COPY_OUT_RESPONSE('H', Direction.BACKEND),
  COPY_BOTH_RESPONSE('W', Direction.BACKEND),
  DATA_ROW('D', Direction.BACKEND),
  EMPTY_QUERY_RESPONSE('I', Direction.BACKEND),
  ERROR_RESPONSE('E', Direction.BACKEND),
  FUNCTION_CALL_RESPONSE('V', Direction.BACKEND),
  NEGOTIATE_PROTOCOL_VERSION('v', Direction.BACKEND),
  NO_DATA('n', Direction.BACKEND),
  NOTICE_RESPONSE('N', Direction.BACKEND),
  NOTIFICATION_RESPONSE('A', Direction.BACKEND),
  PARAMETER_DESCRIPTION('t', Direction.BACKEND),
  PARAMETER_STATUS('S', Direction.BACKEND),
  PARSE_COMPLETE('1', Direction.BACKEND),
  PORTAL_SUSPENDED('s', Direction.BACKEND),
  READY_FOR_QUERY('Z', Direction.BACKEND),
  ROW_DESCRIPTION('T', Direction.BACKEND);

  /** Who sends a message. */
  public enum Direction {
    /** Client to server. */
    FRONTEND,
    /** Server to client. */
    BACKEND
  }

  /** The code in an untyped startup packet that makes it an SSLRequest. */
  public static final int SSL_REQUEST_CODE = 80877103;

  /** The code in an untyped startup packet that makes it a GSSENCRequest. */
  public static final int GSSENC_REQUEST_CODE = 80877104;

  /** The code in an untyped startup packet that makes it a CancelRequest. */
  public static final int CANCEL_REQUEST_CODE = 80877102;

  /** The single byte answering an SSLRequest or GSSENCRequest: "not supported, carry on in plain text". */
  public static final byte ENCRYPTION_REFUSED = 'N';

  /** The single byte answering an SSLRequest ("S") that the server will start a TLS handshake. */
  public static final byte SSL_ACCEPTED = 'S';

  /** The single byte answering a GSSENCRequest ("G") that the server will start GSSAPI encryption. */
  public static final byte GSSENC_ACCEPTED = 'G';

  /** The code after {@link #AUTHENTICATION} for AuthenticationOk. */
  public static final int AUTH_OK = 0;

  /** The code after {@link #AUTHENTICATION} for AuthenticationCleartextPassword. */
  public static final int AUTH_CLEARTEXT_PASSWORD = 3;

  /** The code after {@link #AUTHENTICATION} for AuthenticationSASL. */
  public static final int AUTH_SASL = 10;

  /** The code after {@link #AUTHENTICATION} for AuthenticationSASLContinue. */
  public static final int AUTH_SASL_CONTINUE = 11;

  /** The code after {@link #AUTHENTICATION} for AuthenticationSASLFinal. */
  public static final int AUTH_SASL_FINAL = 12;

  private static final Map<Byte, MessageType> FRONTEND_BY_TAG = new HashMap<>();
  private static final Map<Byte, MessageType> BACKEND_BY_TAG = new HashMap<>();

  static {
    for (MessageType type : values()) {
      Map<Byte, MessageType> byTag = type.direction == Direction.FRONTEND ? FRONTEND_BY_TAG : BACKEND_BY_TAG;
      MessageType previous = byTag.put(type.tag, type);
      if (previous != null) {
        throw new AssertionError("duplicate tag " + (char) type.tag + ": " + previous + ", " + type);
      }
    }
  }

  private final byte tag;
  private final Direction direction;

  MessageType(char tag, Direction direction) {
    this.tag = (byte) tag;
    this.direction = direction;
  }

  /** The type byte that starts the message on the wire. */
  public byte tag() {
    return tag;
  }

  /** Who sends messages of this type. */
  public Direction direction() {
    return direction;
  }

  /** The type a frontend message byte stands for, or null if no frontend message has that byte. */
  public static MessageType frontend(byte tag) {
    return FRONTEND_BY_TAG.get(tag);
  }

  /** The type a backend message byte stands for, or null if no backend message has that byte. */
  public static MessageType backend(byte tag) {
    return BACKEND_BY_TAG.get(tag);
  }

  /** The byte as a printable character for error messages, e.g. {@code 'Q'} or {@code 0x07}. */
  public static String describe(byte tag) {
    return tag >= 0x20 && tag < 0x7F ? "'" + (char) tag + "'" : String.format("0x%02x", tag & 0xFF);
  }
}
