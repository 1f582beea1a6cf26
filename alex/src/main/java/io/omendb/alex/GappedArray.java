package io.omendb.alex;

/**
 * Search and bitmap primitives over a data node's gapped array.
 *
 * <p>The array interleaves keys and payloads: slot {@code i} holds its key at {@code 2i} and its payload at
 * {@code 2i + 1}, so a lookup touches one cache line for both. A gap holds the key of the next occupied slot to its
 * right; gaps after the last occupied slot hold {@code Long.MAX_VALUE} and gaps before the first hold
 * {@code Long.MIN_VALUE} (so a new minimum never rewrites them); an empty node holds {@code Long.MAX_VALUE}
 * throughout. The key column is therefore sorted, searches need no bitmap checks, and the occupied slot of a key is
 * the last slot whose key is {@code <=} it. Only the two extreme keys, which gaps also hold, need the bitmap.
 */
final class GappedArray {

  private GappedArray() {
  }

  /** Number of bitmap words for {@code capacity} slots. */
  static int bitmapWords(int capacity) {
    return (capacity + 63) >>> 6;
  }

  /** Whether slot {@code i} is occupied (false if {@code i} is beyond the bitmap, as in a torn read). */
  static boolean isOccupied(long[] bitmap, int i) {
    int w = i >>> 6;
    return w < bitmap.length && (bitmap[w] & (1L << i)) != 0;
  }

  /**
   * The first slot in {@code [0, capacity]} whose key exceeds {@code key}, searching exponentially from the
   * predicted slot {@code p}; {@code capacity} if none does.
   */
  static int upperBound(long[] slots, int capacity, int p, long key) {
    int lo;
    int hi;
    if (slots[p << 1] > key) {
      hi = p;
      int bound = 1;
      while (true) {
        int j = p - bound;
        if (j < 0) {
          lo = -1;
          break;
        }
        if (slots[j << 1] <= key) {
          lo = j;
          break;
        }
        hi = j;
        bound <<= 1;
      }
    } else {
      lo = p;
      int bound = 1;
      while (true) {
        int j = p + bound;
        if (j >= capacity) {
          hi = capacity;
          break;
        }
        if (slots[j << 1] > key) {
          hi = j;
          break;
        }
        lo = j;
        bound <<= 1;
      }
    }
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (slots[mid << 1] > key) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  /** The first occupied slot at or after {@code from}, or -1. */
  static int nextOccupied(long[] bitmap, int from, int capacity) {
    if (from >= capacity) {
      return -1;
    }
    int w = from >>> 6;
    long bits = bitmap[w] & (-1L << from);
    while (true) {
      if (bits != 0) {
        int i = (w << 6) + Long.numberOfTrailingZeros(bits);
        return i < capacity ? i : -1;
      }
      if (++w >= bitmap.length) {
        return -1;
      }
      bits = bitmap[w];
    }
  }

  /** The last occupied slot at or before {@code from}, or -1. */
  static int prevOccupied(long[] bitmap, int from) {
    if (from < 0) {
      return -1;
    }
    int w = from >>> 6;
    long bits = bitmap[w] & (-1L >>> (63 - (from & 63)));
    while (true) {
      if (bits != 0) {
        return (w << 6) + 63 - Long.numberOfLeadingZeros(bits);
      }
      if (--w < 0) {
        return -1;
      }
      bits = bitmap[w];
    }
  }

  /** The first gap at or after {@code from} below {@code capacity}, or -1. */
  static int nextGap(long[] bitmap, int from, int capacity) {
    if (from >= capacity) {
      return -1;
    }
    int w = from >>> 6;
    long bits = ~bitmap[w] & (-1L << from);
    while (true) {
      if (bits != 0) {
        int i = (w << 6) + Long.numberOfTrailingZeros(bits);
        return i < capacity ? i : -1;
      }
      if (++w >= bitmap.length) {
        return -1;
      }
      bits = ~bitmap[w];
    }
  }

  /** The last gap in {@code [floor, from]}, or -1; scans no further left than {@code floor}'s word. */
  static int prevGap(long[] bitmap, int from, int floor) {
    if (from < 0) {
      return -1;
    }
    int w = from >>> 6;
    long bits = ~bitmap[w] & (-1L >>> (63 - (from & 63)));
    while (true) {
      if (bits != 0) {
        return (w << 6) + 63 - Long.numberOfLeadingZeros(bits);
      }
      if (--w < (floor >>> 6)) {
        return -1;
      }
      bits = ~bitmap[w];
    }
  }

  /** The occupied slot holding {@code Long.MIN_VALUE} or {@code Long.MAX_VALUE}, or -1 (bitmap path). */
  static int locateExtreme(long[] slots, long[] bitmap, int capacity, long key) {
    int limit = Math.min(capacity, bitmap.length << 6);
    int i = key == Long.MIN_VALUE ? nextOccupied(bitmap, 0, limit) : prevOccupied(bitmap, limit - 1);
    return i >= 0 && slots[i << 1] == key ? i : -1;
  }

  /** Rewrites every gap's key: the next occupied key, or the sentinel before the first or after the last. */
  static void fillGaps(long[] slots, long[] bitmap, int capacity) {
    int first = nextOccupied(bitmap, 0, capacity);
    long next = Long.MAX_VALUE;
    for (int i = capacity - 1; i >= 0; i--) {
      if ((bitmap[i >>> 6] & (1L << i)) != 0) {
        next = slots[i << 1];
      } else {
        slots[i << 1] = first >= 0 && i < first ? Long.MIN_VALUE : next;
      }
    }
  }
}
