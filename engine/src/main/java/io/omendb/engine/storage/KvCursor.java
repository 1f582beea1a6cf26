package io.omendb.engine.storage;

import java.util.Arrays;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;

/** A forward cursor over the keys of one range; must be closed. */
public final class KvCursor implements AutoCloseable {
  private final RocksIterator iterator;
  private final ReadOptions options;
  private final byte[] to;
  private final OpenIterators registry;
  private boolean started;
  private boolean closed;

  KvCursor(RocksIterator iterator, ReadOptions options, byte[] from, byte[] to, OpenIterators registry) {
    this.iterator = iterator;
    this.options = options;
    this.to = to;
    this.registry = registry;
    iterator.seek(from);
  }

  /** Moves to the next entry; false when the range is exhausted. */
  public boolean next() {
    if (closed) {
      return false;
    }
    if (started) {
      iterator.next();
    }
    started = true;
    return iterator.isValid() && (to == null || Arrays.compareUnsigned(iterator.key(), to) < 0);
  }

  public byte[] key() {
    return iterator.key();
  }

  public byte[] value() {
    return iterator.value();
  }

  @Override
  public void close() {
    if (registry.remove(this)) {
      closeNative();
    }
  }

  void closeNative() {
    closed = true;
    iterator.close();
    options.close();
  }
}
