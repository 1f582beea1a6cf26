package io.omendb.alex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link GappedArray}: searching from any predicted slot, and bitmap scans across words. */
class GappedArrayTest {

  /** Slots 0..9 with keys at 2, 5 and 9: leading gaps hold MIN, others the next key, trailing MAX. */
  private static final long[] SLOTS = interleave(new long[] {
      Long.MIN_VALUE, Long.MIN_VALUE, 20, 50, 50, 50, 90, 90, 90, 90, Long.MAX_VALUE, Long.MAX_VALUE});
  private static final long[] BITMAP = {(1L << 2) | (1L << 5) | (1L << 9)};
  private static final int CAP = 12;

  private static long[] interleave(long[] keys) {
    long[] s = new long[keys.length * 2];
    for (int i = 0; i < keys.length; i++) {
      s[2 * i] = keys[i];
    }
    return s;
  }

  @Test
  void upperBound_anyPrediction_findsFirstGreaterSlot() {
    for (int p = 0; p < CAP; p++) {
      assertThat(GappedArray.upperBound(SLOTS, CAP, p, 19)).isEqualTo(2);
      assertThat(GappedArray.upperBound(SLOTS, CAP, p, 20)).isEqualTo(3);
      assertThat(GappedArray.upperBound(SLOTS, CAP, p, 50)).isEqualTo(6);
      assertThat(GappedArray.upperBound(SLOTS, CAP, p, 90)).isEqualTo(10);
      assertThat(GappedArray.upperBound(SLOTS, CAP, p, 91)).isEqualTo(10);
    }
  }

  @Test
  void locate_presentAndAbsent() {
    for (long key : new long[] {20, 50, 90}) {
      int pos = DataNode.locate(SLOTS, BITMAP, CAP, 0, 0.1, 0, key);
      assertThat(GappedArray.isOccupied(BITMAP, pos)).isTrue();
      assertThat(SLOTS[2 * pos]).isEqualTo(key);
    }
    assertThat(DataNode.locate(SLOTS, BITMAP, CAP, 0, 0.1, 0, 49)).isEqualTo(-1);
    assertThat(DataNode.locate(SLOTS, BITMAP, CAP, 0, 0.1, 0, Long.MIN_VALUE)).isEqualTo(-1);
    assertThat(DataNode.locate(SLOTS, BITMAP, CAP, 0, 0.1, 0, Long.MAX_VALUE)).isEqualTo(-1);
  }

  @Test
  void scans_crossWordBoundaries() {
    long[] bitmap = new long[3];
    bitmap[2] = 1L << 5;
    assertThat(GappedArray.nextOccupied(bitmap, 0, 192)).isEqualTo(133);
    assertThat(GappedArray.prevOccupied(bitmap, 191)).isEqualTo(133);
    assertThat(GappedArray.nextOccupied(bitmap, 134, 192)).isEqualTo(-1);
    long[] full = {-1L, -1L, ~(1L << 7)};
    assertThat(GappedArray.nextGap(full, 0, 192)).isEqualTo(135);
    assertThat(GappedArray.prevGap(full, 191, 0)).isEqualTo(135);
    assertThat(GappedArray.prevGap(full, 134, 0)).isEqualTo(-1);
  }

  @Test
  void fillGaps_writesSentinelsAndNextKeys() {
    long[] slots = interleave(new long[CAP]);
    slots[4] = 20;
    slots[10] = 50;
    slots[18] = 90;
    long[] bitmap = BITMAP.clone();
    GappedArray.fillGaps(slots, bitmap, CAP);
    assertThat(slots).isEqualTo(SLOTS);
  }
}
