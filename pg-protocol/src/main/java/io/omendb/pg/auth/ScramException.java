package io.omendb.pg.auth;

/**
 * A SCRAM exchange failed, either because the client broke the protocol or because its proof was wrong; the message
 * never contains the client's secrets.
 */
public final class ScramException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the exchange failed. */
  public enum Reason {
    /** A malformed or out-of-place message: PostgreSQL answers 08P01. */
    PROTOCOL,
    /** Wrong password, unknown user, no password, expired password: 28P01, with one message for all of them. */
    AUTHENTICATION_FAILED
  }

  private final Reason reason;

  ScramException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  static ScramException protocol(String message) {
    return new ScramException(Reason.PROTOCOL, message);
  }

  static ScramException failed(String why) {
    return new ScramException(Reason.AUTHENTICATION_FAILED, why);
  }

  public Reason reason() {
    return reason;
  }
}
