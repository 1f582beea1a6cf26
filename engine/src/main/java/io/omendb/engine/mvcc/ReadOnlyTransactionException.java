package io.omendb.engine.mvcc;

/** A write was attempted in a read-only transaction (one reading a past snapshot). */
public final class ReadOnlyTransactionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReadOnlyTransactionException(String message) {
    super(message);
  }
}
