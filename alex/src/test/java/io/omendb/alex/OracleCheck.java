package io.omendb.alex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Compares an {@link AlexIndex} with a {@link TreeMap} oracle: contents, point reads, bounds and cursors. */
final class OracleCheck {

  private OracleCheck() {
  }

  static void assertSame(AlexIndex index, TreeMap<Long, Long> oracle, SplittableRandom random, int probes) {
    Invariants.check(index);
    assertThat(index.size()).isEqualTo(oracle.size());
    AlexCursor c = index.lowerBound(Long.MIN_VALUE);
    for (Map.Entry<Long, Long> e : oracle.entrySet()) {
      if (!c.next() || c.key() != e.getKey() || c.payload() != e.getValue()) {
        throw new AssertionError("ascending cursor diverges at " + e);
      }
    }
    assertThat(c.next()).isFalse();
    AlexCursor back = index.upperBound(Long.MAX_VALUE);
    for (Long k : oracle.descendingKeySet()) {
      if (!back.next() || back.key() != k) {
        throw new AssertionError("descending cursor diverges at " + k);
      }
    }
    assertThat(back.next()).isFalse();
    Long[] keys = oracle.keySet().toArray(new Long[0]);
    for (int i = 0; i < probes; i++) {
      long probe = keys.length > 0 && random.nextBoolean() ? keys[random.nextInt(keys.length)] + random.nextInt(3) - 1
          : random.nextLong();
      Long expected = oracle.get(probe);
      assertThat(index.get(probe, -7)).as("get %d", probe).isEqualTo(expected == null ? -7 : expected);
      assertThat(index.containsKey(probe)).isEqualTo(expected != null);
      assertThat(index.ceilingKey(probe)).isEqualTo(optional(oracle.ceilingKey(probe)));
      assertThat(index.floorKey(probe)).isEqualTo(optional(oracle.floorKey(probe)));
      if (i % 16 == 0) {
        long to = probe + random.nextInt(1 << 20);
        assertRange(index, oracle, probe, to < probe ? Long.MAX_VALUE : to);
      }
    }
  }

  static void assertRange(AlexIndex index, TreeMap<Long, Long> oracle, long from, long to) {
    NavigableMap<Long, Long> sub = oracle.subMap(from, true, to, true);
    AlexCursor c = index.range(from, to);
    for (Map.Entry<Long, Long> e : sub.entrySet()) {
      assertThat(c.next()).isTrue();
      assertThat(c.key()).isEqualTo(e.getKey());
      assertThat(c.payload()).isEqualTo(e.getValue());
    }
    assertThat(c.next()).isFalse();
    AlexCursor d = index.cursor().seekDescending(to, from);
    for (Long k : sub.descendingKeySet()) {
      assertThat(d.next()).isTrue();
      assertThat(d.key()).isEqualTo(k);
    }
    assertThat(d.next()).isFalse();
  }

  private static OptionalLong optional(Long value) {
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }
}
