package io.omendb.engine.mvcc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;

/**
 * Recently read newest row versions, keyed by row key and tagged with their commit timestamp. An entry is only ever
 * used when the primary-key directory says the row's newest version has exactly that timestamp, so the cache needs
 * no invalidation: a commit moves the directory on and the stale entry simply stops matching. Bounded by bytes.
 */
final class RowCache {
  /** Bytes charged per entry beyond its key and row: object headers, the map entry, the timestamp. */
  private static final int ENTRY_OVERHEAD = 64;

  private final Cache<ByteBuffer, Entry> cache;

  /** A cached newest version. */
  private record Entry(long commitTs, byte[] row) {}

  RowCache(long maxBytes) {
    this.cache = maxBytes <= 0 ? null : Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .weigher((ByteBuffer key, Entry entry) -> key.capacity() + entry.row().length + ENTRY_OVERHEAD)
        .build();
  }

  /** The cached row bytes of {@code rowKey} if its cached version is the one committed at {@code commitTs}. */
  byte[] get(byte[] rowKey, long commitTs) {
    if (cache == null) {
      return null;
    }
    Entry entry = cache.getIfPresent(ByteBuffer.wrap(rowKey));
    return entry != null && entry.commitTs() == commitTs ? entry.row() : null;
  }

  void put(byte[] rowKey, long commitTs, byte[] row) {
    if (cache != null && row != null) {
      cache.put(ByteBuffer.wrap(rowKey), new Entry(commitTs, row));
    }
  }

  /** Approximate number of entries; for diagnostics. */
  long size() {
    return cache == null ? 0 : cache.estimatedSize();
  }
}
