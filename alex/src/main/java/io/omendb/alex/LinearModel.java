package io.omendb.alex;

/**
 * A linear model {@code y = slope * (x - base) + intercept} fitted by least squares over sorted keys.
 *
 * <p>Keys are measured from {@code base} (the smallest key of the fit) so that dense keys of large magnitude keep
 * their precision. Data nodes subtract in {@code long} arithmetic (exact within a node); model nodes subtract in
 * {@code double} arithmetic, which keeps routing monotone over the whole key space.
 */
record LinearModel(long base, double slope, double intercept) {

  /** Fits positions {@code 0 .. n-1}, scaled by {@code scale}, to {@code keys[from, to)} by least squares. */
  static LinearModel fit(long[] keys, int from, int to, double scale) {
    int n = to - from;
    if (n <= 0) {
      return new LinearModel(0L, 0.0, 0.0);
    }
    long base = keys[from];
    if (n == 1) {
      return new LinearModel(base, 0.0, 0.5 * scale);
    }
    double meanX = 0;
    for (int i = from; i < to; i++) {
      meanX += (double) (keys[i] - base);
    }
    meanX /= n;
    double meanY = (n - 1) / 2.0;
    double sxy = 0;
    double sxx = 0;
    for (int i = from; i < to; i++) {
      double dx = (double) (keys[i] - base) - meanX;
      sxy += dx * (i - from - meanY);
      sxx += dx * dx;
    }
    double slope = sxx == 0 ? 0 : sxy / sxx;
    if (!(slope >= 0) || Double.isInfinite(slope)) {
      // Keys spanning more than 2^63 wrap in long arithmetic; fall back to the endpoints in double arithmetic.
      double span = (double) keys[to - 1] - (double) base;
      slope = span > 0 ? (n - 1) / span : 0;
      return new LinearModel(base, slope * scale, 0);
    }
    double intercept = meanY - slope * meanX;
    return new LinearModel(base, slope * scale, intercept * scale);
  }

  /** This model with slope and intercept multiplied by {@code factor}. */
  LinearModel scaled(double factor) {
    return new LinearModel(base, slope * factor, intercept * factor);
  }
}
