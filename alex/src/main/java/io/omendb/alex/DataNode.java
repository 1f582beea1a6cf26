package io.omendb.alex;

import java.lang.invoke.VarHandle;

/**
 * A leaf of the ALEX tree: a gapped array of interleaved keys and payloads placed by the node's own linear model.
 *
 * <p>Concurrency: the node carries a sequence lock. Writers (serialised by the index's writer lock) make
 * {@link #version} odd, modify, and make it even again; readers read the version, read the node, and validate that
 * the version is unchanged, retrying otherwise. A node replaced by a split or a rebuild is retired: its version stays
 * odd forever, so readers that reach it start again from the root.
 */
final class DataNode extends Node {

  /** Version of a retired node; odd, so every optimistic read of it fails. */
  static final int RETIRED = -1;

  /** Sequence lock; odd while a writer is modifying the node. */
  volatile int version;

  /** Interleaved keys (even indexes) and payloads (odd indexes); gaps hold the next occupied key. */
  long[] slots;
  /** Occupied slots. */
  long[] bitmap;
  /** Model base key; predictions measure from it in long arithmetic. */
  long base;
  /** Model slope, in slots per key unit. */
  double slope;
  /** Model intercept, in slots. */
  double intercept;
  /** Number of occupied slots. */
  int numKeys;

  /** Left neighbour in key order, or null. */
  volatile DataNode prev;
  /** Right neighbour in key order, or null. */
  volatile DataNode next;

  /** Intra-node cost the cost model expected when the node was built. */
  double expectedCost;
  /** Inserts since the node was built, and their measured search iterations and shifts. */
  int insertsSinceBuild;
  long searchIterationsSinceBuild;
  long shiftsSinceBuild;
  /** Inserts since the node was built of a key above all its keys (appends), or below all of them. */
  int appendsRightSinceBuild;
  int appendsLeftSinceBuild;

  DataNode(long[] slots, long[] bitmap, LinearModel model, int numKeys, double expectedCost) {
    this.slots = slots;
    this.bitmap = bitmap;
    this.base = model.base();
    this.slope = model.slope();
    this.intercept = model.intercept();
    this.numKeys = numKeys;
    this.expectedCost = expectedCost;
  }

  int capacity() {
    return slots.length >>> 1;
  }

  LinearModel model() {
    return new LinearModel(base, slope, intercept);
  }

  /** The predicted slot for {@code key}, clamped to the array. */
  static int predict(long key, long base, double slope, double intercept, int capacity) {
    int p = (int) (slope * (double) (key - base) + intercept);
    return p < 0 ? 0 : (p >= capacity ? capacity - 1 : p);
  }

  // ---- sequence lock (writer side; writers are already serialised) ----

  void beginWrite() {
    version = version + 1;
    VarHandle.storeStoreFence();
  }

  void endWrite() {
    version = version + 1;
  }

  void retire() {
    version = RETIRED;
  }

  boolean isRetired() {
    return version == RETIRED;
  }

  // ---- single-writer operations ----

  /** The slot holding {@code key}, or -1 (writer side: no concurrent modification). */
  int find(long key) {
    long[] s = slots;
    return locate(s, bitmap, s.length >>> 1, base, slope, intercept, key);
  }

  /**
   * The occupied slot holding {@code key} in a node read into locals, or -1. Safe on a torn read: every index is
   * bounded by the arrays passed in.
   */
  static int locate(long[] s, long[] bm, int cap, long base, double slope, double intercept, long key) {
    if (key == Long.MIN_VALUE || key == Long.MAX_VALUE) {
      return GappedArray.locateExtreme(s, bm, cap, key);
    }
    int pos = GappedArray.upperBound(s, cap, predict(key, base, slope, intercept, cap), key) - 1;
    return pos >= 0 && s[pos << 1] == key ? pos : -1;
  }

  /** Whether one more key fits below the maximum density. */
  boolean hasRoomForInsert(double maxDensity) {
    return numKeys + 1 <= (long) (capacity() * maxDensity) && numKeys + 1 < capacity();
  }

  /** Replaces the payload in occupied slot {@code pos}. */
  long setPayload(int pos, long payload) {
    int i = (pos << 1) + 1;
    long old = slots[i];
    beginWrite();
    slots[i] = payload;
    endWrite();
    return old;
  }

  /**
   * Inserts an absent key, at its predicted slot if that is a gap in the right place, else at the correct place by
   * shifting towards the nearest gap. Requires at least one gap.
   */
  void insert(long key, long payload) {
    long[] s = slots;
    long[] bm = bitmap;
    int cap = s.length >>> 1;
    double raw = slope * (double) (key - base) + intercept;
    int p = raw < 0 ? 0 : (raw >= cap ? cap - 1 : (int) raw);
    int ub = key == Long.MAX_VALUE ? GappedArray.prevOccupied(bm, cap - 1) + 1
        : GappedArray.upperBound(s, cap, p, key);
    boolean newMinimum = ub == 0 || !GappedArray.isOccupied(bm, ub - 1);
    boolean newMaximum = ub == cap || s[ub << 1] == Long.MAX_VALUE;
    int shifts = 0;
    int at;
    beginWrite();
    if (ub < cap && !GappedArray.isOccupied(bm, ub)) {
      // The gaps from ub up to the next occupied slot may all take the key: prefer the predicted slot, but put a new
      // maximum or minimum right next to its neighbour, so that appends consume the free room one slot at a time
      // instead of racing to the end of the array and then shifting. Scan the bitmap no further than needed.
      if (newMaximum || raw >= cap || p <= ub) {
        at = ub;
      } else if (newMinimum || raw < 0) {
        int r = GappedArray.nextOccupied(bm, ub, cap);
        at = (r < 0 ? cap : r) - 1;
      } else {
        int r = GappedArray.nextOccupied(bm, ub, p + 1);
        at = r < 0 ? p : r - 1;
      }
      // The gaps left of the new key now hold it, or the leading sentinel if it is the new minimum.
      long fill = ub == 0 ? Long.MIN_VALUE : key;
      for (int j = ub; j < at; j++) {
        s[j << 1] = fill;
      }
    } else {
      int gapRight = GappedArray.nextGap(bm, ub, cap);
      int reach = gapRight < 0 ? 0 : Math.max(0, ub - 1 - (gapRight - ub));
      int gapLeft = GappedArray.prevGap(bm, ub - 1, reach);
      if (gapLeft < reach) {
        gapLeft = -1;
      }
      if (gapRight >= 0 && (gapLeft < 0 || gapRight - ub <= ub - 1 - gapLeft)) {
        System.arraycopy(s, ub << 1, s, (ub + 1) << 1, (gapRight - ub) << 1);
        at = ub;
        bm[gapRight >>> 6] |= 1L << gapRight;
        shifts = gapRight - ub;
      } else {
        System.arraycopy(s, (gapLeft + 1) << 1, s, gapLeft << 1, (ub - 1 - gapLeft) << 1);
        at = ub - 1;
        bm[gapLeft >>> 6] |= 1L << gapLeft;
        shifts = ub - 1 - gapLeft;
      }
    }
    s[at << 1] = key;
    s[(at << 1) + 1] = payload;
    bm[at >>> 6] |= 1L << at;
    numKeys++;
    endWrite();
    insertsSinceBuild++;
    if (newMaximum) {
      appendsRightSinceBuild++;
    } else if (newMinimum) {
      appendsLeftSinceBuild++;
    }
    searchIterationsSinceBuild += CostModel.searchIterations(Math.abs(ub - p));
    shiftsSinceBuild += shifts;
  }

  /** Removes the key in occupied slot {@code pos} and returns its payload. */
  long removeAt(int pos) {
    long[] s = slots;
    long[] bm = bitmap;
    int cap = s.length >>> 1;
    long key = s[pos << 1];
    long payload = s[(pos << 1) + 1];
    long nextKey = pos + 1 < cap ? s[(pos + 1) << 1] : Long.MAX_VALUE;
    beginWrite();
    bm[pos >>> 6] &= ~(1L << pos);
    numKeys--;
    if (numKeys == 0) {
      GappedArray.fillGaps(s, bm, cap);
    } else if (GappedArray.prevOccupied(bm, pos - 1) < 0) {
      // The minimum went: every gap before the new first key becomes a leading gap.
      int first = GappedArray.nextOccupied(bm, pos, cap);
      for (int j = pos; j < first; j++) {
        s[j << 1] = Long.MIN_VALUE;
      }
    } else {
      for (int j = pos; j >= 0 && s[j << 1] == key && !GappedArray.isOccupied(bm, j); j--) {
        s[j << 1] = nextKey;
      }
    }
    endWrite();
    return payload;
  }

  /** Measured intra-node cost of the inserts since the node was built. */
  double empiricalCost(double insertFraction) {
    if (insertsSinceBuild == 0) {
      return 0;
    }
    return CostModel.dataNodeCost((double) searchIterationsSinceBuild / insertsSinceBuild,
        (double) shiftsSinceBuild / insertsSinceBuild, insertFraction);
  }

  /** Copies the occupied keys and payloads, in order, into {@code keys} and {@code payloads} from {@code at}. */
  int copyTo(long[] keys, long[] payloads, int at) {
    long[] s = slots;
    long[] bm = bitmap;
    int cap = s.length >>> 1;
    int n = at;
    for (int w = 0; w < bm.length; w++) {
      long bits = bm[w];
      while (bits != 0) {
        int i = (w << 6) + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
        if (i < cap) {
          keys[n] = s[i << 1];
          payloads[n] = s[(i << 1) + 1];
          n++;
        }
      }
    }
    return n;
  }

  /** Smallest key, or {@code Long.MAX_VALUE} if empty. */
  long minKey() {
    int i = GappedArray.nextOccupied(bitmap, 0, capacity());
    return i < 0 ? Long.MAX_VALUE : slots[i << 1];
  }

  /** Largest key, or {@code Long.MIN_VALUE} if empty. */
  long maxKey() {
    int i = GappedArray.prevOccupied(bitmap, capacity() - 1);
    return i < 0 ? Long.MIN_VALUE : slots[i << 1];
  }

  /** Heap bytes: the two arrays plus the object itself (64-bit JVM, compressed references). */
  long memoryBytes() {
    return MemoryLayout.longArray(slots.length) + MemoryLayout.longArray(bitmap.length) + MemoryLayout.DATA_NODE;
  }
}
