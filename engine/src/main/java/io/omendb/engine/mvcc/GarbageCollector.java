package io.omendb.engine.mvcc;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.storage.KvBatch;
import io.omendb.engine.storage.KvCursor;
import io.omendb.engine.storage.KvStore;
import io.omendb.engine.storage.Space;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Removes row versions that no snapshot can see any more, and index entries no row version has. Each pass looks at a bounded number of keys, continuing
 * where the last pass stopped and wrapping around, in two sweeps:
 *
 * <ul>
 *   <li>history: a version is kept only while some snapshot sees it, that is, while an active snapshot (or any
 *       future one) lies between its commit timestamp and that of the next newer version of the row;</li>
 *   <li>data: a delete whose tombstone is at or before the watermark is removed with any history of its row (and
 *       from the row's primary-key directory);</li>
 *   <li>index: an entry is removed once no version of its row, newest or in history, has the entry's values.</li>
 * </ul>
 *
 * <p>So a long-running reader keeps exactly the versions it may read, and versions between two snapshots go.
 */
public final class GarbageCollector {
  private final TransactionManager manager;
  private final KvStore store;
  private final AtomicLong versionsCollected = new AtomicLong();
  private final AtomicLong tombstonesCollected = new AtomicLong();
  private final AtomicLong passes = new AtomicLong();
  private byte[] historyPosition = new byte[0];
  private byte[] dataPosition = new byte[0];
  private byte[] indexPosition = new byte[0];
  private final AtomicLong indexEntriesCollected = new AtomicLong();

  /** Counters of the work done so far. */
  public record Stats(long passes, long versionsCollected, long tombstonesCollected, long indexEntriesCollected) {}

  public GarbageCollector(TransactionManager manager, KvStore store) {
    this.manager = requireNonNull(manager, "manager");
    this.store = requireNonNull(store, "store");
  }

  public Stats stats() {
    return new Stats(passes.get(), versionsCollected.get(), tombstonesCollected.get(), indexEntriesCollected.get());
  }

  /**
   * Runs one pass over at most {@code maxKeys} keys of each space; returns the number of versions removed.
   * Passes are serialised.
   */
  public synchronized long runPass(int maxKeys) {
    TransactionManager.SnapshotView view = manager.snapshotView();
    long removed = sweepHistory(view, maxKeys) + sweepTombstones(view.watermark(), maxKeys) + sweepIndex(maxKeys);
    passes.incrementAndGet();
    return removed;
  }

  private long sweepHistory(TransactionManager.SnapshotView view, int maxKeys) {
    KvBatch batch = new KvBatch();
    long removed = 0;
    int seen = 0;
    byte[] currentRow = null;
    long nextNewerTs = 0;
    try (KvCursor cursor = store.scan(null, Space.HISTORY, historyPosition, null)) {
      while (seen < maxKeys && cursor.next()) {
        seen++;
        byte[] key = cursor.key();
        byte[] rowKey = Versions.rowKeyOfHistory(key);
        long ts = Versions.timestampOfHistory(key);
        if (currentRow == null || !Arrays.equals(rowKey, currentRow)) {
          currentRow = rowKey;
          // a row without a current version (its tombstone already collected) has no version anyone sees
          nextNewerTs = manager.versions().latestTimestamp(rowKey);
        }
        // this version is what snapshots in [ts, nextNewerTs) see
        if (nextNewerTs < 0 || !view.anySnapshotIn(ts, nextNewerTs)) {
          batch.delete(Space.HISTORY, key);
          removed++;
        }
        if (nextNewerTs >= 0) {
          nextNewerTs = ts;
        }
        historyPosition = successor(key);
      }
      if (seen < maxKeys) {
        historyPosition = new byte[0];
      }
    }
    if (!batch.isEmpty()) {
      store.write(batch, false);
    }
    versionsCollected.addAndGet(removed);
    return removed;
  }

  private long sweepTombstones(long watermark, int maxKeys) {
    List<byte[]> candidates = new ArrayList<>();
    int seen = 0;
    try (KvCursor cursor = store.scan(null, Space.DATA, dataPosition, null)) {
      while (seen < maxKeys && cursor.next()) {
        seen++;
        byte[] value = cursor.value();
        if (Versions.isTombstone(value) && Versions.dataTimestamp(value) <= watermark) {
          candidates.add(cursor.key());
        }
        dataPosition = successor(cursor.key());
      }
      if (seen < maxKeys) {
        dataPosition = new byte[0];
      }
    }
    if (candidates.isEmpty()) {
      return 0;
    }
    long[] removed = {0};
    List<byte[]> collected = new ArrayList<>();
    manager.underCommitLock(() -> {
      KvBatch batch = new KvBatch();
      for (byte[] rowKey : candidates) {
        byte[] value = store.get(Space.DATA, rowKey);
        // re-check under the commit lock: a commit may have written the row again meanwhile
        if (value != null && Versions.isTombstone(value) && Versions.dataTimestamp(value) <= watermark) {
          batch.delete(Space.DATA, rowKey);
          batch.deleteRange(Space.HISTORY, rowKey, Versions.historyEnd(rowKey));
          collected.add(rowKey);
          removed[0]++;
        }
      }
      if (!batch.isEmpty()) {
        store.write(batch, false);
        // the rows are gone: their directories forget them (a lookup now answers "absent", as the tombstone did)
        for (byte[] rowKey : collected) {
          PrimaryKeyDirectory directory = manager.directories().forRowKey(rowKey);
          if (directory != null) {
            directory.forget(rowKey);
          }
        }
      }
    });
    tombstonesCollected.addAndGet(removed[0]);
    return removed[0];
  }

  /**
   * Index entries whose row has no version (newest or in history) with the entry's values any more; candidates found
   * by checking the newest version alone, then re-checked fully under the commit lock, since a commit may re-add the
   * values (and the entry) meanwhile.
   */
  private long sweepIndex(int maxKeys) {
    List<byte[]> candidates = new ArrayList<>();
    int seen = 0;
    IndexMaintenance indexes = manager.indexes();
    try (KvCursor cursor = store.scan(null, Space.INDEX, indexPosition, null)) {
      while (seen < maxKeys && cursor.next()) {
        seen++;
        if (!indexes.isNeeded(cursor.key(), true)) {
          candidates.add(cursor.key());
        }
        indexPosition = successor(cursor.key());
      }
      if (seen < maxKeys) {
        indexPosition = new byte[0];
      }
    }
    if (candidates.isEmpty()) {
      return 0;
    }
    long[] removed = {0};
    manager.underCommitLock(() -> {
      KvBatch batch = new KvBatch();
      for (byte[] entry : candidates) {
        if (!indexes.isNeeded(entry, false)) {
          batch.delete(Space.INDEX, entry);
          removed[0]++;
        }
      }
      if (!batch.isEmpty()) {
        store.write(batch, false);
      }
    });
    indexEntriesCollected.addAndGet(removed[0]);
    return removed[0];
  }

  private static byte[] successor(byte[] key) {
    return Arrays.copyOf(key, key.length + 1);
  }
}
