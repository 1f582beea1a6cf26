package io.omendb.alex;

/**
 * The cost model of ALEX: expected exponential-search iterations and shifts per operation, weighted into one cost.
 *
 * <p>A data node's intra-node cost is {@code SEARCH_ITERATION_WEIGHT * iterations + SHIFT_WEIGHT * shifts *
 * insertFraction}, where {@code iterations} is the average exponential-search length from the predicted slot to the
 * key's slot and {@code shifts} is the expected number of elements moved by an insert (an insert into a run of
 * {@code L} contiguous occupied slots moves about {@code L/4} of them, and lands in that run with probability
 * proportional to {@code L}). A model node adds {@code TRAVERSAL_WEIGHT} per level plus {@code MODEL_BYTE_WEIGHT}
 * per byte of its pointer array. The weights are in the same unit (roughly nanoseconds on a modern core).
 */
final class CostModel {

  /** Cost of one exponential or binary search step. */
  static final double SEARCH_ITERATION_WEIGHT = 20;
  /** Cost of moving one element during an insert. */
  static final double SHIFT_WEIGHT = 0.5;
  /** Cost of traversing one model node level. */
  static final double TRAVERSAL_WEIGHT = 20;
  /** Cost per byte of a model node's child array (bigger arrays fall out of cache). */
  static final double MODEL_BYTE_WEIGHT = 2e-6;
  /** Bytes per child pointer, assuming compressed references. */
  static final int POINTER_BYTES = 4;

  private CostModel() {
  }

  /** Search steps needed to find a key {@code error} slots away from its prediction (exponential then binary). */
  static int searchIterations(int error) {
    return error == 0 ? 0 : 2 * (32 - Integer.numberOfLeadingZeros(error));
  }

  /** Intra-node cost of a data node from its average search iterations and shifts per insert. */
  static double dataNodeCost(double avgIterations, double avgShifts, double insertFraction) {
    return SEARCH_ITERATION_WEIGHT * avgIterations + SHIFT_WEIGHT * avgShifts * insertFraction;
  }

  /** Cost a model node of {@code fanout} children adds to every lookup through it. */
  static double modelNodeCost(int fanout) {
    return TRAVERSAL_WEIGHT + MODEL_BYTE_WEIGHT * (double) fanout * POINTER_BYTES;
  }
}
