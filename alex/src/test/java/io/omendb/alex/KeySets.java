package io.omendb.alex;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Key distributions for the property tests: uniform, sequential, gapped, lognormal and adversarial. */
enum KeySets {
  UNIFORM {
    @Override
    long next(SplittableRandom r, long i) {
      return r.nextLong();
    }
  },
  SEQUENTIAL {
    @Override
    long next(SplittableRandom r, long i) {
      return i;
    }
  },
  SEQUENTIAL_WITH_GAPS {
    @Override
    long next(SplittableRandom r, long i) {
      // Runs of consecutive keys separated by gaps of varying size.
      return i * 4 + (i / 1000) * 100_000 + (i % 7 == 0 ? 2 : 0);
    }
  },
  LOGNORMAL {
    @Override
    long next(SplittableRandom r, long i) {
      double g = gaussian(r);
      return (long) (Math.exp(2.0 * g) * 1_000_000_000L);
    }
  },
  CLUSTERED {
    @Override
    long next(SplittableRandom r, long i) {
      long cluster = r.nextInt(8) * (1L << 40);
      return cluster + r.nextInt(1 << 20);
    }
  },
  EXTREMES {
    @Override
    long next(SplittableRandom r, long i) {
      switch (r.nextInt(4)) {
        case 0:
          return Long.MIN_VALUE + r.nextInt(1000);
        case 1:
          return Long.MAX_VALUE - r.nextInt(1000);
        case 2:
          return r.nextInt(2000) - 1000;
        default:
          return r.nextLong();
      }
    }
  };

  abstract long next(SplittableRandom r, long i);

  /** {@code n} distinct keys in generation order (not sorted). */
  long[] distinct(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    java.util.HashSet<Long> seen = new java.util.HashSet<>();
    long[] out = new long[n];
    int k = 0;
    long i = 0;
    while (k < n) {
      long key = next(r, i++);
      if (seen.add(key)) {
        out[k++] = key;
      }
    }
    return out;
  }

  static long[] sorted(long[] keys) {
    long[] copy = keys.clone();
    Arrays.sort(copy);
    return copy;
  }

  static double gaussian(SplittableRandom r) {
    double u = r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }
}
