package io.omendb.engine.mvcc;

/** A transaction that cannot commit without breaking its isolation level; the client should retry it (40001). */
public final class SerializationFailureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SerializationFailureException(String message) {
    super(message);
  }
}
