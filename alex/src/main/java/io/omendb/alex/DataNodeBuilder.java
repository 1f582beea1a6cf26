package io.omendb.alex;

/**
 * Builds data nodes from sorted keys by model-based insertion, and predicts their cost without building them.
 *
 * <p>Model-based insertion places each key at its predicted slot, or at the first free slot after the previous key
 * when that slot is taken, while leaving room for the keys still to come. The same loop, without writes, measures the
 * expected search iterations and shifts the {@link CostModel} needs.
 */
final class DataNodeBuilder {

  private final AlexParams params;

  DataNodeBuilder(AlexParams params) {
    this.params = params;
  }

  /** Capacity for {@code n} keys at {@code density}, within the node size limits. */
  int capacityFor(int n, double density) {
    long cap = (long) Math.ceil(n / density);
    cap = Math.max(cap, n + 1L);
    cap = Math.max(cap, AlexParams.MIN_DATA_NODE_SLOTS);
    return (int) Math.min(cap, Math.max(params.maxDataNodeSlots(), n + 1L));
  }

  /** A least-squares model of {@code keys[from, to)} spread over {@code capacity} slots. */
  static LinearModel fit(long[] keys, int from, int to, int capacity) {
    int n = to - from;
    return LinearModel.fit(keys, from, to, n == 0 ? 0 : (double) capacity / n);
  }

  /** Expected intra-node cost of a node of {@code capacity} slots holding {@code keys[from, to)} placed by model. */
  double expectedCost(long[] keys, int from, int to, int capacity, LinearModel model) {
    int n = to - from;
    if (n == 0) {
      return 0;
    }
    long base = model.base();
    double slope = model.slope();
    double intercept = model.intercept();
    long iterations = 0;
    long shiftSquares = 0;
    long run = 0;
    int last = -1;
    for (int i = from; i < to; i++) {
      int p = DataNode.predict(keys[i], base, slope, intercept, capacity);
      int pos = Math.min(Math.max(p, last + 1), capacity - (to - i));
      iterations += CostModel.searchIterations(Math.abs(pos - p));
      if (pos == last + 1) {
        run++;
      } else {
        shiftSquares += run * run;
        run = 1;
      }
      last = pos;
    }
    shiftSquares += run * run;
    return CostModel.dataNodeCost((double) iterations / n, shiftSquares / (4.0 * n), params.insertFraction());
  }

  /** Expected cost of a node built from {@code keys[from, to)} at the initial density with a fitted model. */
  double expectedCost(long[] keys, int from, int to) {
    int cap = capacityFor(to - from, params.initDensity());
    return expectedCost(keys, from, to, cap, fit(keys, from, to, cap));
  }

  /** A node holding {@code keys[from, to)} at the initial density, with a freshly fitted model. */
  DataNode build(long[] keys, long[] payloads, int from, int to) {
    int cap = capacityFor(to - from, params.initDensity());
    return build(keys, payloads, from, to, cap, fit(keys, from, to, cap));
  }

  /** A node of {@code capacity} slots holding {@code keys[from, to)}, placed by {@code model}. */
  DataNode build(long[] keys, long[] payloads, int from, int to, int capacity, LinearModel model) {
    long[] slots = new long[capacity << 1];
    long[] bitmap = new long[GappedArray.bitmapWords(capacity)];
    long base = model.base();
    double slope = model.slope();
    double intercept = model.intercept();
    long iterations = 0;
    long shiftSquares = 0;
    long run = 0;
    int last = -1;
    for (int i = from; i < to; i++) {
      int p = DataNode.predict(keys[i], base, slope, intercept, capacity);
      int pos = Math.min(Math.max(p, last + 1), capacity - (to - i));
      slots[pos << 1] = keys[i];
      slots[(pos << 1) + 1] = payloads[i];
      bitmap[pos >>> 6] |= 1L << pos;
      iterations += CostModel.searchIterations(Math.abs(pos - p));
      if (pos == last + 1) {
        run++;
      } else {
        shiftSquares += run * run;
        run = 1;
      }
      last = pos;
    }
    shiftSquares += run * run;
    GappedArray.fillGaps(slots, bitmap, capacity);
    int n = to - from;
    double cost = n == 0 ? 0
        : CostModel.dataNodeCost((double) iterations / n, shiftSquares / (4.0 * n), params.insertFraction());
    return new DataNode(slots, bitmap, model, n, cost);
  }

  /**
   * A model for a node receiving appends: {@code keys[from, to)} are packed at one end of {@code capacity} slots,
   * leaving exactly the room appends can use before the node is full, so appends fill gaps in order without shifts.
   */
  LinearModel appendModel(long[] keys, int from, int to, int capacity, boolean atLeft) {
    int n = to - from;
    int room = (int) Math.max(0, Math.min(capacity - n - 1, (long) (capacity * params.maxDensity()) - n));
    LinearModel model = fit(keys, from, to, capacity - room);
    return atLeft ? new LinearModel(model.base(), model.slope(), model.intercept() + room) : model;
  }

  /** A node holding {@code keys[from, to)} expanded to the minimum density, with the free room at one end. */
  DataNode buildForAppends(long[] keys, long[] payloads, int from, int to, boolean atLeft) {
    int cap = capacityFor(to - from, params.minDensity());
    return build(keys, payloads, from, to, cap, appendModel(keys, from, to, cap, atLeft));
  }

  /** An empty node whose model spreads the key interval {@code [lo, hi]} over its slots. */
  DataNode empty(long lo, long hi) {
    int cap = AlexParams.MIN_DATA_NODE_SLOTS;
    long[] slots = new long[cap << 1];
    long[] bitmap = new long[GappedArray.bitmapWords(cap)];
    GappedArray.fillGaps(slots, bitmap, cap);
    LinearModel model = hi > lo ? exactSpanning(lo, hi, cap) : new LinearModel(lo, 0, 0);
    return new DataNode(slots, bitmap, model, 0, 0);
  }

  private static LinearModel exactSpanning(long lo, long hi, int size) {
    double span = (double) (hi - lo);
    if (!(span > 0)) {
      span = (double) hi - (double) lo;
    }
    return new LinearModel(lo, size / span, 0);
  }
}
