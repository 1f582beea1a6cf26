package io.omendb.benchmarks.alex;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ALEX against {@code TreeMap<Long, Long>}, {@code ConcurrentSkipListMap<Long, Long>}, a sorted {@code long[]} with
 * {@code Arrays.binarySearch} (read-only yardstick) and {@link BPlusTree} (primitive arrays, fanout 64, bulk-loaded
 * full, leaf chain), at 1M and 10M keys, on uniform, sequential-with-gaps and lognormal keys.
 *
 * <ul>
 *   <li>{@code lookupThroughput}: independent lookups of random present keys (the CPU may overlap their misses).
 *   <li>{@code lookupLatency}: dependent lookups: each key is the previous lookup's payload (one random cycle).
 *   <li>{@code rangeScan100}: 100 ascending entries from a random present key.
 *   <li>{@code insert}: {@value #BATCH_OPS} fresh keys of the same distribution into a freshly built structure.
 *   <li>{@code mixed}: {@value #BATCH_OPS} operations alternating a lookup and an insert of a fresh key.
 *   <li>{@code bulkLoad}: building the structure from sorted arrays (TreeMap and the skip list by in-order puts).
 * </ul>
 *
 * <p>Every structure is measured in the same run, so ratios come from one machine state. Heap bytes per key are
 * measured from used-heap deltas after GC by {@link AlexFootprint} (and printed by each read trial's setup). Run:
 *
 * <pre>
 * mvn -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar 'alex.AlexBenchmark.(lookupLatency|lookupThroughput|rangeScan100)' \
 *     -f 1 -wi 2 -i 3 -w 1s -r 1s -p n=10000000 -rf json -rff read10m.json
 * java -jar benchmarks/target/benchmarks.jar 'alex.AlexBenchmark.(insert|mixed|bulkLoad)' \
 *     -f 1 -wi 2 -i 3 -rf json -rff write.json
 * java -Xmx6g -cp benchmarks/target/benchmarks.jar io.omendb.benchmarks.alex.AlexFootprint 10000000
 * </pre>
 *
 * <p>(Use {@code -p n=1000000} for the 1M read matrix; docs/alex.md records the results and the conditions.)
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class AlexBenchmark {

  /** Lookups per invocation of the lookup benchmarks. */
  static final int LOOKUPS = 1024;
  /** Scans per invocation of the range benchmark. */
  static final int SCANS = 16;
  /** Entries per scan. */
  static final int SCAN_LENGTH = 100;
  /** Operations per invocation of the insert and mixed benchmarks. */
  static final int BATCH_OPS = 200_000;
  /** Probe keys (a power of two). */
  static final int PROBES = 1 << 20;

  /** The data set: distribution and size. */
  @State(Scope.Benchmark)
  public static class Keys {
    @Param({"1000000", "10000000"})
    int n;

    @Param({"UNIFORM", "SEQ_GAPS", "LOGNORMAL"})
    KeyDistribution dist;

    BenchmarkKeys data;

    @Setup(Level.Trial)
    public void generate() {
      data = new BenchmarkKeys(dist, n, BATCH_OPS, PROBES);
    }
  }

  /** A structure built once per trial, for the read benchmarks. */
  @State(Scope.Benchmark)
  public static class Read {
    @Param({"ALEX", "BTREE", "TREEMAP", "SKIPLIST", "ARRAY"})
    OrderedLongMap.Kind impl;

    OrderedLongMap map;
    long[] probes;
    int next;
    long chase;

    @Setup(Level.Trial)
    public void build(Keys keys) {
      long before = AlexFootprint.usedHeapAfterGc();
      map = impl.build(keys.data.sortedKeys, keys.data.payloads);
      long after = AlexFootprint.usedHeapAfterGc();
      keys.data.verify(map, 10_000);
      probes = keys.data.probes;
      chase = probes[0];
      System.out.printf(Locale.ROOT, "%nfootprint %s %s n=%d: %.1f bytes/key measured, %.1f bytes/key counted%n",
          impl, keys.dist, keys.n, (after - before) / (double) keys.n,
          map.structureBytes() / (double) keys.n);
    }
  }

  /** A structure rebuilt before every single-shot iteration, for the write benchmarks. */
  @State(Scope.Benchmark)
  public static class Write {
    @Param({"ALEX", "BTREE", "TREEMAP", "SKIPLIST"})
    OrderedLongMap.Kind mutableImpl;

    OrderedLongMap map;
    long[] probes;
    long[] fresh;

    @Setup(Level.Iteration)
    public void build(Keys keys) {
      map = null;
      map = mutableImpl.build(keys.data.sortedKeys, keys.data.payloads);
      probes = keys.data.probes;
      fresh = keys.data.freshKeys;
    }
  }

  /** The structure to bulk load. */
  @State(Scope.Benchmark)
  public static class Bulk {
    @Param({"ALEX", "BTREE", "TREEMAP", "SKIPLIST", "ARRAY"})
    OrderedLongMap.Kind loadImpl;

    OrderedLongMap last;

    @Setup(Level.Iteration)
    public void release() {
      last = null;
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @OperationsPerInvocation(LOOKUPS)
  public long lookupThroughput(Read s) {
    long sum = 0;
    int base = s.next;
    OrderedLongMap map = s.map;
    long[] probes = s.probes;
    for (int i = 0; i < LOOKUPS; i++) {
      sum += map.get(probes[(base + i) & (PROBES - 1)]);
    }
    s.next = base + LOOKUPS;
    return sum;
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @OperationsPerInvocation(LOOKUPS)
  public long lookupLatency(Read s) {
    long key = s.chase;
    OrderedLongMap map = s.map;
    for (int i = 0; i < LOOKUPS; i++) {
      key = map.get(key);
    }
    s.chase = key;
    return key;
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @OperationsPerInvocation(SCANS)
  public long rangeScan100(Read s) {
    long sum = 0;
    int base = s.next;
    for (int i = 0; i < SCANS; i++) {
      sum += s.map.scan(s.probes[(base + i) & (PROBES - 1)], SCAN_LENGTH);
    }
    s.next = base + SCANS;
    return sum;
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @OperationsPerInvocation(BATCH_OPS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 3)
  public OrderedLongMap insert(Write s) {
    OrderedLongMap map = s.map;
    long[] fresh = s.fresh;
    for (int i = 0; i < BATCH_OPS; i++) {
      map.put(fresh[i], i);
    }
    return map;
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @OperationsPerInvocation(BATCH_OPS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 3)
  public long mixed(Write s) {
    OrderedLongMap map = s.map;
    long[] fresh = s.fresh;
    long[] probes = s.probes;
    long sum = 0;
    for (int i = 0; i < BATCH_OPS; i += 2) {
      sum += map.get(probes[i & (PROBES - 1)]);
      map.put(fresh[i], i);
    }
    return sum;
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 3)
  public OrderedLongMap bulkLoad(Keys keys, Bulk s) {
    s.last = null;
    s.last = s.loadImpl.build(keys.data.sortedKeys, keys.data.payloads);
    return s.last;
  }
}
