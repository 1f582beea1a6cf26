package io.omendb.alex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Lock-free readers against concurrent writers: readers must never see a wrong payload, miss a key that is always
 * present, or see a cursor go backwards; the final state must match what the writers did.
 *
 * <p>Even keys are loaded up front and never removed; writers churn odd keys. Every payload is a function of its key.
 * The tests run for a bounded wall-clock time and assert nothing about speed.
 */
class AlexIndexConcurrencyTest {

  private static final int STABLE = 40_000;
  private static final long RUN_MILLIS = 1_500;

  @Test
  void readersDuringWrites_seeConsistentData() throws Exception {
    stress(AlexParams.defaults().withMaxDataNodeSlots(256).withMaxModelFanout(16), 2, 3);
  }

  @Test
  void readersDuringWrites_defaultParams_seeConsistentData() throws Exception {
    stress(AlexParams.defaults(), 2, 2);
  }

  private static long payloadOf(long key) {
    return key * 3 + 1;
  }

  private static void stress(AlexParams params, int writers, int readers) throws Exception {
    AlexIndex index = AlexIndex.create(params);
    long[] keys = new long[STABLE];
    long[] payloads = new long[STABLE];
    for (int i = 0; i < STABLE; i++) {
      keys[i] = 2L * i;
      payloads[i] = payloadOf(keys[i]);
    }
    index.bulkLoad(keys, payloads);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicLong reads = new AtomicLong();
    List<TreeSet<Long>> written = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    for (int w = 0; w < writers; w++) {
      TreeSet<Long> mine = new TreeSet<>();
      written.add(mine);
      int id = w;
      threads.add(new Thread(run(start, failure, () -> {
        SplittableRandom random = new SplittableRandom(id);
        while (!stop.get()) {
          // Odd keys congruent to 2 * id + 1 mod 2 * writers belong to this writer; some fall far outside the range.
          long slot = random.nextInt(random.nextInt(8) == 0 ? 4 * STABLE : STABLE);
          long key = (2L * writers) * slot + 2L * id + 1;
          if (random.nextInt(3) == 0) {
            index.remove(key);
            mine.remove(key);
          } else {
            index.put(key, payloadOf(key));
            mine.add(key);
          }
          if (random.nextInt(16) == 0) {
            long stable = 2L * random.nextInt(STABLE);
            assertThat(index.put(stable, payloadOf(stable))).isFalse();
          }
        }
      })));
    }
    for (int r = 0; r < readers; r++) {
      int id = r;
      threads.add(new Thread(run(start, failure, () -> {
        SplittableRandom random = new SplittableRandom(100 + id);
        AlexCursor cursor = index.cursor();
        while (!stop.get()) {
          long stable = 2L * random.nextInt(STABLE);
          assertThat(index.get(stable, -1)).as("stable key %d", stable).isEqualTo(payloadOf(stable));
          assertThat(index.containsKey(stable)).isTrue();
          long odd = stable + 1;
          long got = index.get(odd, -1);
          assertThat(got == -1 || got == payloadOf(odd)).as("churned key %d -> %d", odd, got).isTrue();
          if (random.nextInt(8) == 0) {
            checkScan(cursor.seek(stable, Long.MAX_VALUE), stable, true);
            checkScan(cursor.seekDescending(stable, Long.MIN_VALUE), stable, false);
          }
          reads.incrementAndGet();
        }
      })));
    }
    threads.forEach(Thread::start);
    start.countDown();
    Thread.sleep(RUN_MILLIS);
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    if (failure.get() != null) {
      throw new AssertionError("a thread failed", failure.get());
    }
    assertThat(reads.get()).isPositive();
    Invariants.check(index);
    long expectedSize = STABLE;
    for (TreeSet<Long> mine : written) {
      expectedSize += mine.size();
      for (long key : mine) {
        assertThat(index.get(key, -1)).isEqualTo(payloadOf(key));
      }
    }
    assertThat(index.size()).isEqualTo(expectedSize);
    AlexStats stats = index.stats();
    assertThat(stats.expansions() + stats.retrains() + stats.sidewaysSplits() + stats.downwardSplits())
        .as("structure changed under the readers").isPositive();
  }

  /** A scan of 300 entries must be strictly monotone, consistent, and skip no stable (even) key. */
  private static void checkScan(AlexCursor cursor, long from, boolean ascending) {
    long previous = from;
    boolean first = true;
    for (int i = 0; i < 300 && cursor.next(); i++) {
      long key = cursor.key();
      assertThat(cursor.payload()).isEqualTo(payloadOf(key));
      if (first) {
        assertThat(key).isEqualTo(from);
      } else {
        assertThat(ascending ? key > previous : key < previous).as("monotone %d after %d", key, previous).isTrue();
        long lastStable = 2L * (STABLE - 1);
        if (ascending ? previous < lastStable : previous > 0) {
          assertThat(Math.abs(key - previous)).as("no stable key skipped after %d", previous).isLessThanOrEqualTo(2);
        }
      }
      previous = key;
      first = false;
    }
  }

  private static Runnable run(CountDownLatch start, AtomicReference<Throwable> failure, Runnable body) {
    return () -> {
      try {
        start.await();
        body.run();
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    };
  }
}
