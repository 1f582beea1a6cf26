package io.omendb.benchmarks.alex;

import java.util.Locale;

/**
 * Prints heap bytes per key of every structure in {@link AlexBenchmark}, measured as the used-heap delta after GC
 * around building it, next to the bytes the structure counts from its own arrays, plus ALEX's shape.
 *
 * <p>Run: {@code java -Xmx6g -cp benchmarks/target/benchmarks.jar io.omendb.benchmarks.alex.AlexFootprint 10000000}
 */
public final class AlexFootprint {

  private AlexFootprint() {
  }

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    System.out.printf(Locale.ROOT, "%-10s %-10s %12s %12s %14s%n", "dist", "impl", "measured B/k", "counted B/k",
        "build ms");
    for (KeyDistribution dist : KeyDistribution.values()) {
      BenchmarkKeys keys = new BenchmarkKeys(dist, n, 0, 1 << 16);
      for (OrderedLongMap.Kind kind : OrderedLongMap.Kind.values()) {
        long before = usedHeapAfterGc();
        long start = System.nanoTime();
        OrderedLongMap map = kind.build(keys.sortedKeys, keys.payloads);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long after = usedHeapAfterGc();
        keys.verify(map, 1000);
        long counted = map.structureBytes();
        System.out.printf(Locale.ROOT, "%-10s %-10s %12.1f %12s %14d%n", dist, kind, (after - before) / (double) n,
            counted < 0 ? "-" : String.format(Locale.ROOT, "%.1f", counted / (double) n), millis);
        if (map instanceof OrderedLongMap.Alex alex) {
          System.out.println("           " + alex.index.stats());
        }
        map = null;
      }
    }
  }

  /** Used heap after repeated full collections. */
  static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }

}
