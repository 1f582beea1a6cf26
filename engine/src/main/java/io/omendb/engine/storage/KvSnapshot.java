package io.omendb.engine.storage;

import org.rocksdb.Snapshot;

/** A consistent read view of the store; released on close. */
public final class KvSnapshot implements AutoCloseable {
  private final Snapshot snapshot;
  private final Runnable release;
  private boolean closed;

  KvSnapshot(Snapshot snapshot, Runnable release) {
    this.snapshot = snapshot;
    this.release = release;
  }

  Snapshot snapshot() {
    if (closed) {
      throw new IllegalStateException("snapshot already released");
    }
    return snapshot;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      release.run();
    }
  }
}
