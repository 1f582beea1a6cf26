package io.omendb.alex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Examples of {@link AlexIndex}'s API contract and of the shapes it builds. */
class AlexIndexTest {

  @Test
  void get_emptyIndex_returnsAbsent() {
    AlexIndex index = AlexIndex.create();
    assertThat(index.get(1, -1)).isEqualTo(-1);
    assertThat(index.containsKey(Long.MIN_VALUE)).isFalse();
    assertThat(index.containsKey(Long.MAX_VALUE)).isFalse();
    assertThat(index.ceilingKey(0)).isEmpty();
    assertThat(index.lowerBound(Long.MIN_VALUE).next()).isFalse();
  }

  @Test
  void put_existingKey_replacesPayload() {
    AlexIndex index = AlexIndex.create();
    assertThat(index.put(7, 1)).isTrue();
    assertThat(index.put(7, 2)).isFalse();
    assertThat(index.get(7, -1)).isEqualTo(2);
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void extremeKeys_roundTrip() {
    AlexIndex index = AlexIndex.create();
    for (long k : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1}) {
      index.put(k, k ^ 1);
    }
    assertThat(index.get(Long.MIN_VALUE, 0)).isEqualTo(Long.MIN_VALUE ^ 1);
    assertThat(index.get(Long.MAX_VALUE, 0)).isEqualTo(Long.MAX_VALUE ^ 1);
    assertThat(index.floorKey(Long.MAX_VALUE)).hasValue(Long.MAX_VALUE);
    assertThat(index.ceilingKey(Long.MIN_VALUE)).hasValue(Long.MIN_VALUE);
    AlexCursor down = index.upperBound(Long.MAX_VALUE);
    assertThat(down.next()).isTrue();
    assertThat(down.key()).isEqualTo(Long.MAX_VALUE);
    assertThat(index.remove(Long.MIN_VALUE)).isTrue();
    assertThat(index.remove(Long.MAX_VALUE)).isTrue();
    assertThat(index.containsKey(Long.MIN_VALUE)).isFalse();
    assertThat(index.containsKey(Long.MAX_VALUE)).isFalse();
    assertThat(index.ceilingKey(Long.MIN_VALUE)).isEqualTo(OptionalLong.of(Long.MIN_VALUE + 1));
    Invariants.check(index);
  }

  @Test
  void range_emptyOrReversedInterval_yieldsNothing() {
    AlexIndex index = AlexIndex.create();
    index.bulkLoad(new long[] {1, 2, 3}, new long[] {10, 20, 30});
    assertThat(index.range(5, 4).next()).isFalse();
    assertThat(index.range(4, 9).next()).isFalse();
    assertThat(index.cursor().seekDescending(0, 1).next()).isFalse();
  }

  @Test
  void bulkLoad_unsortedKeys_throws() {
    AlexIndex index = AlexIndex.create();
    assertThatThrownBy(() -> index.bulkLoad(new long[] {1, 3, 2}, new long[3]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly increasing");
    assertThatThrownBy(() -> index.bulkLoad(new long[] {1, 1}, new long[2]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.bulkLoad(new long[] {1}, new long[2]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
  }

  @Test
  void params_invalidDensities_throw() {
    assertThatThrownBy(() -> new AlexParams(0.8, 0.7, 0.6, 0.3, 1 << 16, 1 << 10, 1.5, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("densities");
  }

  @Test
  void bulkLoad_uniformKeys_buildsOneModelLevel() {
    long[] keys = KeySets.sorted(KeySets.UNIFORM.distinct(200_000, 21));
    AlexIndex index = AlexIndex.create();
    index.bulkLoad(keys, keys.clone());
    AlexStats stats = index.stats();
    assertThat(stats.maxDepth()).isEqualTo(1);
    assertThat((double) stats.size() / stats.dataSlots()).isBetween(0.65, 0.75);
    assertThat(stats.memoryBytes() / (double) stats.size()).isLessThan(25);
  }

  @Test
  void ascendingInserts_keepTreeShallow() {
    AlexIndex index = AlexIndex.create();
    for (int i = 0; i < 300_000; i++) {
      index.put(3L * i, i);
    }
    assertThat(index.stats().maxDepth()).isLessThanOrEqualTo(3);
    Invariants.check(index);
  }

  @Test
  void descendingInserts_keepTreeShallow() {
    AlexIndex index = AlexIndex.create();
    for (int i = 300_000; i > 0; i--) {
      index.put(3L * i, i);
    }
    assertThat(index.stats().maxDepth()).isLessThanOrEqualTo(3);
    Invariants.check(index);
  }
}
