package io.omendb.benchmarks.alex;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The data set of one benchmark trial: sorted base keys, payloads that chain the keys into one random cycle, probe
 * keys, and fresh keys (absent from the base) for inserts.
 *
 * <p>The payload of every key is another key, so a dependent lookup chain {@code k = get(k)} visits the keys in a
 * random order without touching any side array: each step costs exactly one index lookup.
 */
final class BenchmarkKeys {

  static final long SEED = 42;

  final long[] sortedKeys;
  final long[] payloads;
  final long[] probes;
  final long[] freshKeys;

  BenchmarkKeys(KeyDistribution distribution, int n, int fresh, int probeCount) {
    long[] all = distribution.generate(n + fresh, SEED);
    SplittableRandom random = new SplittableRandom(SEED + 1);
    sortedKeys = Arrays.copyOf(all, n);
    Arrays.sort(sortedKeys);
    freshKeys = Arrays.copyOfRange(all, n, n + fresh);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    payloads = new long[n];
    for (int j = 0; j < n; j++) {
      payloads[order[j]] = sortedKeys[order[(j + 1) % n]];
    }
    probes = new long[probeCount];
    for (int i = 0; i < probeCount; i++) {
      probes[i] = sortedKeys[random.nextInt(n)];
    }
  }

  /** The payload the structures must return for {@code key}, or -1. */
  long expected(long key) {
    int i = Arrays.binarySearch(sortedKeys, key);
    return i >= 0 ? payloads[i] : -1;
  }

  /** Checks {@code map} against the data set on a sample of probes. */
  void verify(OrderedLongMap map, int samples) {
    for (int i = 0; i < samples; i++) {
      long key = probes[i];
      long got = map.get(key);
      if (got != expected(key)) {
        throw new IllegalStateException("wrong payload for " + key + ": " + got + " != " + expected(key));
      }
      if (map.get(key + 1) != expected(key + 1)) {
        throw new IllegalStateException("wrong answer for " + (key + 1));
      }
    }
  }
}
