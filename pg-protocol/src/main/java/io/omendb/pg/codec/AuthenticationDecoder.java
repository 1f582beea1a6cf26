package io.omendb.pg.codec;

import io.omendb.pg.message.PasswordMessage;
import io.omendb.pg.message.SASLInitialResponse;
import io.omendb.pg.message.SASLResponse;

/**
 * Decodes the client's authentication messages. PasswordMessage, SASLInitialResponse and SASLResponse share the type
 * byte {@code 'p'}: only the server's authentication state says which one a frame is, so the caller names it.
 */
public final class AuthenticationDecoder {
  private static final int NO_DATA = -1;

  private AuthenticationDecoder() {}

  /** Decodes a SASLInitialResponse: the chosen mechanism, then the initial response (length -1 for none). */
  public static SASLInitialResponse saslInitialResponse(Frame frame) throws ProtocolViolationException {
    PayloadReader in = reader(frame, "SASLInitialResponse");
    String mechanism = in.readCString();
    int length = in.readInt32();
    byte[] data = length == NO_DATA ? null : in.readBytes(length);
    in.expectEnd();
    return new SASLInitialResponse(mechanism, data);
  }

  /** Decodes a SASLResponse: the whole body is mechanism data. */
  public static SASLResponse saslResponse(Frame frame) throws ProtocolViolationException {
    PayloadReader in = reader(frame, "SASLResponse");
    return new SASLResponse(in.readRemaining());
  }

  /** Decodes a PasswordMessage: one string. */
  public static PasswordMessage passwordMessage(Frame frame) throws ProtocolViolationException {
    PayloadReader in = reader(frame, "PasswordMessage");
    PasswordMessage message = new PasswordMessage(in.readCString());
    in.expectEnd();
    return message;
  }

  private static PayloadReader reader(Frame frame, String what) throws ProtocolViolationException {
    if (frame.isUntyped() || MessageType.frontend(frame.tag()) != MessageType.PASSWORD_MESSAGE) {
      // PostgreSQL's wording: "expected SASL response, got message type %d".
      throw new ProtocolViolationException("expected " + what + ", got message type "
          + (frame.isUntyped() ? "startup packet" : MessageType.describe(frame.tag())));
    }
    return new PayloadReader(frame.payload(), what);
  }
}
