package io.omendb.engine.mvcc;

import io.omendb.engine.storage.KvBatch;
import io.omendb.engine.storage.KvStore;
import io.omendb.engine.storage.Space;
import java.nio.charset.StandardCharsets;

/**
 * Hands out commit timestamps: microseconds since the epoch, strictly increasing even if the clock steps back, and
 * never below the high-water mark persisted with every commit (so timestamps keep increasing across restarts).
 * Tracks the newest timestamp whose commit is durable and therefore visible to new snapshots.
 */
final class TimestampOracle {
  private static final byte[] HIGH_WATER_MARK = "mvcc.ts_high_water_mark".getBytes(StandardCharsets.UTF_8);
  private static final long MICROS_PER_MILLI = 1000;

  private long last;
  private volatile long visible;

  TimestampOracle(KvStore store) {
    byte[] stored = store.get(Space.META, HIGH_WATER_MARK);
    last = stored == null ? 0 : Versions.getLong(stored, 0);
    visible = last;
  }

  /** The next commit timestamp; called under the commit lock. */
  long next() {
    last = Math.max(last + 1, System.currentTimeMillis() * MICROS_PER_MILLI);
    return last;
  }

  /**
   * Makes every later commit timestamp exceed {@code ts}, so a read at {@code ts} (not yet visible) stays
   * repeatable; called under the commit lock.
   */
  void reserveReadAt(long ts) {
    last = Math.max(last, ts);
  }

  /** The wall clock in the units of commit timestamps (microseconds since the epoch). */
  static long wallClock() {
    return System.currentTimeMillis() * MICROS_PER_MILLI;
  }

  /** Adds the persisted high-water mark for {@code ts} to a commit's batch. */
  static void record(KvBatch batch, long ts) {
    byte[] value = new byte[Long.BYTES];
    Versions.putLong(value, 0, ts);
    batch.put(Space.META, HIGH_WATER_MARK, value);
  }

  /** The newest timestamp new snapshots may read. */
  long visible() {
    return visible;
  }

  /** Makes every commit up to {@code ts} visible; called in timestamp order. */
  void publish(long ts) {
    if (ts > visible) {
      visible = ts;
    }
  }
}
