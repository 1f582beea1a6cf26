package io.omendb.engine.storage;

/** A failure of the storage layer (I/O, corruption, RocksDB errors), wrapped once with context. */
public final class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
