package io.omendb.benchmarks.planning;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ratios of {@link PlanningBenchmark} measured interleaved: one JVM opens two clones of the same data, one with
 * the ALEX directories and one without (RocksDB-seek path), then runs rounds that each run every variant once, in a
 * rotating order, and reports the median over rounds of each variant's time and of each round's ratio. On the shared
 * 2-core machine load changes between JMH's separate forks; here both sides of every ratio see the same load.
 * Run (from the repository root; {@code scan} adds the full scan, meant for 1M rows only; {@code uniform} draws
 * every probe key uniformly from the whole key range instead of cycling 65,536 hot keys; {@code warm} first reads
 * every row once in both clones; {@code -Domendb.planning.rowCacheMiB=N} sizes the engine's row cache):
 *
 * <pre>
 * java -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar io.omendb.benchmarks.planning.PlanningRatio 1000000 8 scan
 * java -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar io.omendb.benchmarks.planning.PlanningRatio 1000000 8 scan uniform
 * java -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar io.omendb.benchmarks.planning.PlanningRatio 10000000 8
 * java -Xms4g -Xmx4g -Domendb.planning.rowCacheMiB=256 -cp benchmarks/target/benchmarks.jar \
 *     io.omendb.benchmarks.planning.PlanningRatio 1000000 6 uniform warm
 * </pre>
 */
public final class PlanningRatio {
  private static final long DEFAULT_ROWS = 1_000_000;
  private static final int DEFAULT_ROUNDS = 8;
  /** Rounds run before measuring, for the JIT and the caches. */
  private static final int WARM_UP_ROUNDS = 2;
  private static final long SEED = 42;
  private static final int SQL_POINTS = 4_000;
  private static final int SQL_RANGES = 400;
  private static final int ENGINE_GETS = 20_000;
  /** Full scans per round: each reads every row. */
  private static final int SCANS = 1;

  enum Query { POINT, ABSENT, RANGE_100, BY_K, BY_K_COVERED, ENGINE_GET, ENGINE_GET_ABSENT, FULL_SCAN }

  /** What one round measures: a query on the ALEX session or the seek session, repeated {@code ops} times. */
  enum Variant {
    POINT_ALEX(Query.POINT, true, SQL_POINTS), POINT_SEEK(Query.POINT, false, SQL_POINTS),
    ABSENT_ALEX(Query.ABSENT, true, SQL_POINTS), ABSENT_SEEK(Query.ABSENT, false, SQL_POINTS),
    RANGE_100_ALEX(Query.RANGE_100, true, SQL_RANGES), RANGE_100_SEEK(Query.RANGE_100, false, SQL_RANGES),
    BY_K_ALEX(Query.BY_K, true, SQL_POINTS), BY_K_SEEK(Query.BY_K, false, SQL_POINTS),
    BY_K_COVERED_ALEX(Query.BY_K_COVERED, true, SQL_POINTS), BY_K_COVERED_SEEK(Query.BY_K_COVERED, false, SQL_POINTS),
    ENGINE_GET_ALEX(Query.ENGINE_GET, true, ENGINE_GETS), ENGINE_GET_SEEK(Query.ENGINE_GET, false, ENGINE_GETS),
    ENGINE_GET_ABSENT_ALEX(Query.ENGINE_GET_ABSENT, true, ENGINE_GETS),
    ENGINE_GET_ABSENT_SEEK(Query.ENGINE_GET_ABSENT, false, ENGINE_GETS),
    FULL_SCAN(Query.FULL_SCAN, true, SCANS);

    final Query query;
    final boolean alex;
    final int ops;

    Variant(Query query, boolean alex, int ops) {
      this.query = query;
      this.alex = alex;
      this.ops = ops;
    }
  }

  /** A reported ratio: numerator time over denominator time, per round. */
  private record Ratio(Variant numerator, Variant denominator, String meaning) {}

  private static final List<Ratio> RATIOS = List.of(
      new Ratio(Variant.POINT_ALEX, Variant.POINT_SEEK, "point select, ALEX / RocksDB seek"),
      new Ratio(Variant.ABSENT_ALEX, Variant.ABSENT_SEEK, "absent-key select, ALEX / RocksDB seek"),
      new Ratio(Variant.RANGE_100_ALEX, Variant.RANGE_100_SEEK, "100-row range, ALEX on / off"),
      new Ratio(Variant.BY_K_ALEX, Variant.BY_K_SEEK, "index k = ?, ALEX on / off"),
      new Ratio(Variant.BY_K_COVERED_ALEX, Variant.BY_K_COVERED_SEEK, "id, k by k: index-only / row reads"),
      new Ratio(Variant.BY_K_COVERED_ALEX, Variant.BY_K_ALEX, "index-only id, k / whole row (ALEX)"),
      new Ratio(Variant.ENGINE_GET_ALEX, Variant.ENGINE_GET_SEEK, "Transaction.get, ALEX / RocksDB"),
      new Ratio(Variant.ENGINE_GET_ABSENT_ALEX, Variant.ENGINE_GET_ABSENT_SEEK,
          "Transaction.get absent, ALEX / RocksDB"),
      new Ratio(Variant.FULL_SCAN, Variant.POINT_SEEK, "full scan / point seek (RocksDB)"),
      new Ratio(Variant.FULL_SCAN, Variant.POINT_ALEX, "full scan / point seek (ALEX)"));

  private final PlanningSession alex;
  private final PlanningSession seek;
  private final List<Variant> variants;
  private long sink;

  private PlanningRatio(PlanningSession alex, PlanningSession seek, boolean withScan) {
    this.alex = alex;
    this.seek = seek;
    this.variants = new ArrayList<>(List.of(Variant.values()));
    if (!withScan) {
      variants.remove(Variant.FULL_SCAN);
    }
  }

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : DEFAULT_ROWS;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_ROUNDS;
    List<String> flags = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
    boolean withScan = flags.contains("scan");
    boolean uniform = flags.contains("uniform");
    Path prepared = PlanningData.prepared(rows);
    try (PlanningSession alex = PlanningSession.open(prepared, rows, true, SEED, uniform);
        PlanningSession seek = PlanningSession.open(prepared, rows, false, SEED, uniform)) {
      System.out.println(uniform ? "probe keys: uniform over all " + rows + " rows"
          : "probe keys: 65,536 drawn once and cycled");
      System.out.println(alex.startupLine());
      System.out.println(seek.startupLine());
      System.out.printf(Locale.ROOT, "row cache: %d MiB (-D%s)%n", PlanningData.rowCacheBytes() >> 20,
          PlanningData.ROW_CACHE_PROPERTY);
      if (flags.contains("warm")) {
        for (PlanningSession session : List.of(alex, seek)) {
          long started = System.nanoTime();
          long found = session.warmAllRows();
          System.out.printf(Locale.ROOT, "warm alex=%s: read all %d rows once in %.1f s%n", session.alex, found,
              (System.nanoTime() - started) / 1e9);
        }
      }
      for (String sql : List.of(PlanningSession.POINT, PlanningSession.RANGE, PlanningSession.BY_K,
          PlanningSession.BY_K_COVERED, PlanningSession.FULL_SCAN)) {
        System.out.printf(Locale.ROOT, "%s%n  alex: %s%n  seek: %s%n", sql, alex.explain(sql), seek.explain(sql));
      }
      new PlanningRatio(alex, seek, withScan).run(rounds);
    }
  }

  private void run(int rounds) throws SQLException {
    Map<Variant, List<Double>> times = new EnumMap<>(Variant.class);
    for (Variant v : variants) {
      times.put(v, new ArrayList<>());
    }
    List<List<Double>> ratios = new ArrayList<>();
    RATIOS.forEach(r -> ratios.add(new ArrayList<>()));
    for (int round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
      Map<Variant, Double> roundTimes = new EnumMap<>(Variant.class);
      for (int i = 0; i < variants.size(); i++) {
        Variant v = variants.get((i + round) % variants.size());
        roundTimes.put(v, measure(v));
      }
      System.out.printf(Locale.ROOT, "round %d%s: %s%n", round, round < WARM_UP_ROUNDS ? " (warm-up)" : "",
          roundTimes);
      if (round < WARM_UP_ROUNDS) {
        continue;
      }
      roundTimes.forEach((v, t) -> times.get(v).add(t));
      for (int i = 0; i < RATIOS.size(); i++) {
        Ratio r = RATIOS.get(i);
        if (roundTimes.containsKey(r.numerator()) && roundTimes.containsKey(r.denominator())) {
          ratios.get(i).add(roundTimes.get(r.numerator()) / roundTimes.get(r.denominator()));
        }
      }
    }
    System.out.printf(Locale.ROOT, "%nrows=%d rounds=%d (after %d warm-up) sink=%d%n", alex.rows, rounds,
        WARM_UP_ROUNDS, sink);
    System.out.printf(Locale.ROOT, "%-24s %6s %12s %12s %12s %12s%n", "variant", "ops", "median us", "min us",
        "max us", "median op/s");
    for (Variant v : variants) {
      double[] t = sorted(times.get(v));
      System.out.printf(Locale.ROOT, "%-24s %6d %12.2f %12.2f %12.2f %12.0f%n", v, v.ops, median(t) / 1e3,
          t[0] / 1e3, t[t.length - 1] / 1e3, 1e9 / median(t));
    }
    System.out.printf(Locale.ROOT, "%n%-42s %10s %10s %10s%n", "ratio (per round, time / time)", "median", "min",
        "max");
    for (int i = 0; i < RATIOS.size(); i++) {
      if (ratios.get(i).isEmpty()) {
        continue;
      }
      double[] r = sorted(ratios.get(i));
      System.out.printf(Locale.ROOT, "%-42s %10.3f %10.3f %10.3f%n", RATIOS.get(i).meaning(), median(r), r[0],
          r[r.length - 1]);
    }
  }

  private static double[] sorted(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Runs one variant once; returns ns per operation. */
  private double measure(Variant v) throws SQLException {
    PlanningSession s = v.alex ? alex : seek;
    long start = System.nanoTime();
    for (int i = 0; i < v.ops; i++) {
      sink += switch (v.query) {
        case POINT -> s.pointSelect(s.nextPresent());
        case ABSENT -> s.pointSelect(s.nextAbsent());
        case RANGE_100 -> s.rangeSelect(s.nextRangeStart());
        case BY_K -> s.byK(s.nextPresent());
        case BY_K_COVERED -> s.byKCovered(s.nextPresent());
        case ENGINE_GET -> s.engineGet(s.nextPresent());
        case ENGINE_GET_ABSENT -> s.engineGet(s.nextAbsent());
        case FULL_SCAN -> s.fullScan(s.nextPresent());
      };
    }
    return (System.nanoTime() - start) / (double) v.ops;
  }
}
