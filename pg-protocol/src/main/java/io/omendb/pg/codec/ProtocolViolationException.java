package io.omendb.pg.codec;

import java.io.IOException;

/** The peer sent bytes that are not a well-formed message of the PostgreSQL v3 protocol. */
public class ProtocolViolationException extends IOException {
  private static final long serialVersionUID = 1L;

  public ProtocolViolationException(String message) {
    super(message);
  }
}
