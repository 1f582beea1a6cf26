package io.omendb.pg.codec;

/**
 * A well-framed message whose text is not valid UTF-8. The frame was read whole, so the connection can carry on:
 * after startup the server answers SQLSTATE 22021 as PostgreSQL does; in a startup packet it is a protocol violation.
 */
public class InvalidEncodingException extends ProtocolViolationException {
  private static final long serialVersionUID = 1L;

  public InvalidEncodingException(String message) {
    super(message);
  }
}
