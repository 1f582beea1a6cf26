package io.omendb.engine.mvcc;

import io.omendb.engine.storage.KvCursor;
import io.omendb.engine.storage.KvStore;
import io.omendb.engine.storage.Space;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reads row versions as of a snapshot timestamp: the newest version committed at or before it. Point reads of a
 * table with a primary-key directory ask the directory first, so absent keys and deleted rows cost no store read,
 * and a present key whose newest version is in the {@link RowCache} costs none either.
 */
final class VersionedStore {
  private final KvStore store;
  private final TableDirectories directories;
  private final RowCache rowCache;
  private final LongAdder dataGets = new LongAdder();
  private final LongAdder indexOnlyHits = new LongAdder();

  VersionedStore(KvStore store, TableDirectories directories, RowCache rowCache) {
    this.store = store;
    this.directories = directories;
    this.rowCache = rowCache;
  }

  /** Number of point reads of the data key space so far; for tests of the directory. */
  long dataGets() {
    return dataGets.sum();
  }

  /** Number of index entries answered without reading their row (covering scans); for tests. */
  long indexOnlyHits() {
    return indexOnlyHits.sum();
  }

  void countIndexOnlyHit() {
    indexOnlyHits.increment();
  }

  /** The primary-key directory's payload for {@code rowKey}, {@link PrimaryKeyDirectory#UNKNOWN} without one. */
  long directoryLookup(byte[] rowKey) {
    return directories.lookup(rowKey);
  }

  /** The data value (newest version) of {@code rowKey} in the latest state, or null. */
  byte[] latest(byte[] rowKey) {
    dataGets.increment();
    return store.get(Space.DATA, rowKey);
  }

  KvStore store() {
    return store;
  }

  /** The row bytes of {@code rowKey} visible at {@code snapshotTs}, or null if none (absent or deleted). */
  byte[] get(byte[] rowKey, long snapshotTs) {
    long known = directories.lookup(rowKey);
    if (known == PrimaryKeyDirectory.ABSENT) {
      return null;
    }
    if (known != PrimaryKeyDirectory.UNKNOWN) {
      // the directory only moves forward (or forgets tombstones older than every snapshot), so this answer holds
      if (PrimaryKeyDirectory.timestamp(known) > snapshotTs) {
        return olderVisible(rowKey, snapshotTs);
      }
      if (PrimaryKeyDirectory.isTombstone(known)) {
        return null;
      }
      // the directory names the exact newest version, so a cached copy of that version is the answer
      byte[] cached = rowCache.get(rowKey, PrimaryKeyDirectory.timestamp(known));
      if (cached != null) {
        return cached;
      }
      byte[] latest = latest(rowKey);
      if (latest == null) {
        return null;
      }
      byte[] row = visible(rowKey, latest, snapshotTs);
      if (row != null && Versions.dataTimestamp(latest) == PrimaryKeyDirectory.timestamp(known)) {
        rowCache.put(rowKey, PrimaryKeyDirectory.timestamp(known), row);
      }
      return row;
    }
    byte[] latest = latest(rowKey);
    if (latest == null) {
      return null;
    }
    return visible(rowKey, latest, snapshotTs);
  }

  /** Given the newest version's data value, the row bytes visible at {@code snapshotTs}, or null. */
  byte[] visible(byte[] rowKey, byte[] latest, long snapshotTs) {
    if (Versions.dataTimestamp(latest) <= snapshotTs) {
      return Versions.isTombstone(latest) ? null : Versions.decodeData(latest).row();
    }
    return olderVisible(rowKey, snapshotTs);
  }

  /** The row bytes of the newest history version of {@code rowKey} at or before {@code snapshotTs}, or null. */
  private byte[] olderVisible(byte[] rowKey, long snapshotTs) {
    byte[][] older = store.seekFirst(Space.HISTORY, Versions.historySeekKey(rowKey, snapshotTs),
        Versions.historyEnd(rowKey));
    if (older == null) {
      return null;
    }
    Versions.Version version = Versions.decodeHistory(older[0], older[1]);
    return version.row();
  }

  /** The commit timestamp of the newest version of {@code rowKey} (tombstones included), or -1 if none. */
  long latestTimestamp(byte[] rowKey) {
    byte[] latest = latest(rowKey);
    return latest == null ? -1 : Versions.dataTimestamp(latest);
  }

  /** Cursor over the rows of {@code [from, to)} visible at {@code snapshotTs}, in key order. */
  VersionCursor scan(byte[] from, byte[] to, long snapshotTs) {
    return new VersionCursor(store.scan(null, Space.DATA, from, to), snapshotTs);
  }

  /** A cursor yielding (row key, row bytes) pairs visible at one snapshot. */
  final class VersionCursor implements AutoCloseable {
    private final KvCursor cursor;
    private final long snapshotTs;
    private byte[] key;
    private byte[] row;

    VersionCursor(KvCursor cursor, long snapshotTs) {
      this.cursor = cursor;
      this.snapshotTs = snapshotTs;
    }

    /** Advances to the next visible row; false at the end. */
    boolean next() {
      while (cursor.next()) {
        byte[] candidateKey = cursor.key();
        byte[] candidate = visible(candidateKey, cursor.value(), snapshotTs);
        if (candidate != null) {
          key = candidateKey;
          row = candidate;
          return true;
        }
      }
      key = null;
      row = null;
      return false;
    }

    byte[] key() {
      return key;
    }

    byte[] row() {
      return row;
    }

    @Override
    public void close() {
      cursor.close();
    }
  }
}
