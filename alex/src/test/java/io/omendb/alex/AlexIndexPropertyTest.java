package io.omendb.alex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Randomised tests of {@link AlexIndex} against {@link TreeMap} on every key distribution. */
class AlexIndexPropertyTest {

  private static final int N = 60_000;
  private static final int BATCH = 10_000;
  private static final int PROBES = 2_000;

  /** Small nodes so that modest key counts exercise expansions and both kinds of splits. */
  private static final AlexParams SMALL = AlexParams.defaults().withMaxDataNodeSlots(1024).withMaxModelFanout(64);

  @ParameterizedTest
  @EnumSource(KeySets.class)
  void bulkLoad_matchesOracle(KeySets keySet) {
    long[] keys = KeySets.sorted(keySet.distinct(N * 3, 1));
    long[] payloads = new long[keys.length];
    TreeMap<Long, Long> oracle = new TreeMap<>();
    for (int i = 0; i < keys.length; i++) {
      payloads[i] = keys[i] * 31 + i;
      oracle.put(keys[i], payloads[i]);
    }
    AlexIndex index = AlexIndex.create();
    index.bulkLoad(keys, payloads);
    OracleCheck.assertSame(index, oracle, new SplittableRandom(2), PROBES);
  }

  @ParameterizedTest
  @EnumSource(KeySets.class)
  void randomInserts_matchOracle(KeySets keySet) {
    for (AlexParams params : new AlexParams[] {AlexParams.defaults(), SMALL}) {
      insertInBatches(AlexIndex.create(params), keySet.distinct(N, 3), false);
    }
  }

  @ParameterizedTest
  @EnumSource(KeySets.class)
  void sortedInserts_matchOracle(KeySets keySet) {
    insertInBatches(AlexIndex.create(SMALL), KeySets.sorted(keySet.distinct(N, 4)), false);
  }

  @ParameterizedTest
  @EnumSource(KeySets.class)
  void descendingInserts_matchOracle(KeySets keySet) {
    insertInBatches(AlexIndex.create(SMALL), KeySets.sorted(keySet.distinct(N, 5)), true);
  }

  @ParameterizedTest
  @EnumSource(KeySets.class)
  void insertsAfterBulkLoad_matchOracle(KeySets keySet) {
    long[] all = keySet.distinct(2 * N, 6);
    long[] loaded = KeySets.sorted(java.util.Arrays.copyOf(all, N));
    AlexIndex index = AlexIndex.create(SMALL);
    TreeMap<Long, Long> oracle = new TreeMap<>();
    long[] payloads = new long[loaded.length];
    for (int i = 0; i < loaded.length; i++) {
      payloads[i] = ~loaded[i];
      oracle.put(loaded[i], payloads[i]);
    }
    index.bulkLoad(loaded, payloads);
    SplittableRandom random = new SplittableRandom(7);
    for (int i = N; i < all.length; i++) {
      assertThat(index.put(all[i], i)).isTrue();
      oracle.put(all[i], (long) i);
      if ((i + 1) % BATCH == 0) {
        OracleCheck.assertSame(index, oracle, random, PROBES / 4);
      }
    }
    AlexStats stats = index.stats();
    assertThat(stats.expansions() + stats.retrains() + stats.sidewaysSplits() + stats.downwardSplits()).isPositive();
  }

  @ParameterizedTest
  @EnumSource(KeySets.class)
  void duplicateHeavyPuts_replacePayloads(KeySets keySet) {
    long[] keys = keySet.distinct(N / 10, 8);
    AlexIndex index = AlexIndex.create(SMALL);
    TreeMap<Long, Long> oracle = new TreeMap<>();
    SplittableRandom random = new SplittableRandom(9);
    for (int i = 0; i < N; i++) {
      long key = keys[random.nextInt(keys.length)];
      boolean absent = !oracle.containsKey(key);
      assertThat(index.put(key, i)).isEqualTo(absent);
      oracle.put(key, (long) i);
      if ((i + 1) % BATCH == 0) {
        OracleCheck.assertSame(index, oracle, random, PROBES / 4);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(KeySets.class)
  void deleteHeavy_matchesOracleAndContracts(KeySets keySet) {
    long[] keys = keySet.distinct(N, 10);
    long[] sorted = KeySets.sorted(keys);
    AlexIndex index = AlexIndex.create(SMALL);
    TreeMap<Long, Long> oracle = new TreeMap<>();
    long[] payloads = new long[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      payloads[i] = sorted[i] ^ 0x5555;
      oracle.put(sorted[i], payloads[i]);
    }
    index.bulkLoad(sorted, payloads);
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < keys.length; i++) {
      boolean present = oracle.remove(keys[i]) != null;
      assertThat(index.remove(keys[i])).isEqualTo(present);
      assertThat(index.remove(keys[i])).isFalse();
      if ((i + 1) % BATCH == 0 || i == keys.length - 1) {
        OracleCheck.assertSame(index, oracle, random, PROBES / 4);
      }
    }
    assertThat(index.isEmpty()).isTrue();
    assertThat(index.stats().contractions()).isPositive();
  }

  @ParameterizedTest
  @EnumSource(KeySets.class)
  void interleavedOperations_matchOracle(KeySets keySet) {
    long[] keys = keySet.distinct(N / 4, 12);
    AlexIndex index = AlexIndex.create(SMALL);
    TreeMap<Long, Long> oracle = new TreeMap<>();
    SplittableRandom random = new SplittableRandom(13);
    for (int i = 0; i < 2 * N; i++) {
      long key = keys[random.nextInt(keys.length)];
      int op = random.nextInt(10);
      if (op < 5) {
        assertThat(index.put(key, i)).isEqualTo(oracle.put(key, (long) i) == null);
      } else if (op < 8) {
        assertThat(index.remove(key)).isEqualTo(oracle.remove(key) != null);
      } else {
        Long expected = oracle.get(key);
        assertThat(index.get(key, Long.MIN_VALUE)).isEqualTo(expected == null ? Long.MIN_VALUE : expected);
      }
      if ((i + 1) % BATCH == 0) {
        OracleCheck.assertSame(index, oracle, random, PROBES / 4);
      }
    }
  }

  private static void insertInBatches(AlexIndex index, long[] keys, boolean reverse) {
    TreeMap<Long, Long> oracle = new TreeMap<>();
    SplittableRandom random = new SplittableRandom(keys.length);
    for (int j = 0; j < keys.length; j++) {
      long key = keys[reverse ? keys.length - 1 - j : j];
      assertThat(index.put(key, key + 1)).isTrue();
      oracle.put(key, key + 1);
      if ((j + 1) % BATCH == 0) {
        OracleCheck.assertSame(index, oracle, random, PROBES / 4);
      }
    }
    OracleCheck.assertSame(index, oracle, random, PROBES);
  }
}
