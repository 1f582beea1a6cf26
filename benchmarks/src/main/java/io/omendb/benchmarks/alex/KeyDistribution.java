package io.omendb.benchmarks.alex;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Key distributions of the ALEX benchmarks; each yields distinct keys in random order. */
public enum KeyDistribution {
  /** Uniform random over the positive longs. */
  UNIFORM,
  /** Increasing keys with small random gaps (1 to 4) and an occasional jump of up to a million. */
  SEQ_GAPS,
  /** {@code exp(N(0, 2))} scaled by 10^9, truncated to a long: dense near zero, a long right tail. */
  LOGNORMAL;

  /** {@code n} distinct keys in random order, reproducible from {@code seed}. */
  public long[] generate(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] keys = new long[n];
    int count = 0;
    while (count < n) {
      int batch = n - count;
      long previous = 0;
      for (int i = 0; i < batch; i++) {
        keys[count + i] = switch (this) {
          case UNIFORM -> random.nextLong() >>> 1;
          case SEQ_GAPS -> previous += random.nextInt(50) == 0 ? 1 + random.nextInt(1_000_000) : 1 + random.nextInt(4);
          case LOGNORMAL -> (long) (Math.exp(2.0 * gaussian(random)) * 1e9);
        };
      }
      if (this == SEQ_GAPS) {
        long offset = count == 0 ? 0 : keys[count - 1];
        for (int i = 0; i < batch; i++) {
          keys[count + i] += offset;
        }
      }
      count = dedup(keys, count + batch);
    }
    shuffle(keys, random);
    return keys;
  }

  private static int dedup(long[] keys, int n) {
    Arrays.sort(keys, 0, n);
    int out = n == 0 ? 0 : 1;
    for (int i = 1; i < n; i++) {
      if (keys[i] != keys[out - 1]) {
        keys[out++] = keys[i];
      }
    }
    return out;
  }

  static void shuffle(long[] keys, SplittableRandom random) {
    for (int i = keys.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long t = keys[i];
      keys[i] = keys[j];
      keys[j] = t;
    }
  }

  private static double gaussian(SplittableRandom random) {
    double u = random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }
}
