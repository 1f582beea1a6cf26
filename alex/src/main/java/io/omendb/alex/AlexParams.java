package io.omendb.alex;

/**
 * Tuning parameters of an {@link AlexIndex}: density bounds, node size limits and the cost model's tolerances.
 *
 * <p>The defaults follow the paper: data nodes are built at density 0.7, expanded when they reach 0.8 and expanded
 * to 0.6; a node whose measured insert cost exceeds its expected cost by {@code costDeviationTolerance} is
 * reconsidered (retrain or split).
 *
 * @param minDensity density a data node is expanded to
 * @param initDensity density of data nodes built by bulk load, splits and retrains
 * @param maxDensity density at which a data node is full and must expand or split
 * @param contractDensity density below which a data node shrinks after deletes
 * @param maxDataNodeSlots largest data node capacity, in slots
 * @param maxModelFanout largest model node fanout
 * @param costDeviationTolerance ratio of measured to expected cost that triggers a retrain or split decision
 * @param insertFraction expected fraction of inserts among operations, weighting shifts in the cost model
 */
public record AlexParams(
    double minDensity,
    double initDensity,
    double maxDensity,
    double contractDensity,
    int maxDataNodeSlots,
    int maxModelFanout,
    double costDeviationTolerance,
    double insertFraction) {

  /** Smallest data node capacity, in slots. */
  static final int MIN_DATA_NODE_SLOTS = 16;

  /** Checks the parameters. */
  public AlexParams {
    if (!(0 < contractDensity && contractDensity < minDensity && minDensity <= initDensity
        && initDensity < maxDensity && maxDensity <= 1)) {
      throw new IllegalArgumentException("densities must satisfy 0 < contract < min <= init < max <= 1, got "
          + contractDensity + ", " + minDensity + ", " + initDensity + ", " + maxDensity);
    }
    if (maxDataNodeSlots < 256 || maxDataNodeSlots > (1 << 28)) {
      throw new IllegalArgumentException("maxDataNodeSlots must be in [256, 2^28], got " + maxDataNodeSlots);
    }
    if (maxModelFanout < 2 || Integer.bitCount(maxModelFanout) != 1 || maxModelFanout > (1 << 24)) {
      throw new IllegalArgumentException("maxModelFanout must be a power of two in [2, 2^24], got " + maxModelFanout);
    }
    if (!(costDeviationTolerance >= 1)) {
      throw new IllegalArgumentException("costDeviationTolerance must be >= 1, got " + costDeviationTolerance);
    }
    if (!(insertFraction >= 0 && insertFraction <= 1)) {
      throw new IllegalArgumentException("insertFraction must be in [0, 1], got " + insertFraction);
    }
  }

  /** The default parameters. */
  public static AlexParams defaults() {
    return new AlexParams(0.6, 0.7, 0.8, 0.3, 1 << 17, 1 << 20, 1.5, 0.5);
  }

  /** These parameters with a different maximum data node capacity. */
  public AlexParams withMaxDataNodeSlots(int slots) {
    return new AlexParams(minDensity, initDensity, maxDensity, contractDensity, slots, maxModelFanout,
        costDeviationTolerance, insertFraction);
  }

  /** These parameters with a different maximum model node fanout. */
  public AlexParams withMaxModelFanout(int fanout) {
    return new AlexParams(minDensity, initDensity, maxDensity, contractDensity, maxDataNodeSlots, fanout,
        costDeviationTolerance, insertFraction);
  }

  /** Most keys a data node may hold when built at the initial density. */
  int maxKeysPerDataNode() {
    return (int) (maxDataNodeSlots * initDensity);
  }
}
