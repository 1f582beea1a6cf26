package io.omendb.benchmarks.planning;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Plans the Calcite rules choose, measured through the embedded JDBC driver with one prepared statement per query
 * shape: primary-key point select ({@code StoreIndexSeek index=[PRIMARY]}) with the ALEX directory
 * ({@code alex=true}) or the RocksDB seek ({@code alex=false}), absent keys, a 100-row primary-key range, secondary
 * index equality, the full scan of {@code ABS(id) = ?} ({@code id + 0 = ?} is simplified into a seek), and
 * {@code Transaction.get} below SQL. The data ({@link PlanningTable}) is loaded once into a cached directory
 * ({@link PlanningData}); each fork opens a clone.
 * Separate forks see different load on a shared machine: take ratios from {@link PlanningRatio}, not from these.
 *
 * <p>Run (from the repository root; the full scan separately, at 1M rows, with few iterations):
 *
 * <pre>
 * mvn -B -q install -DskipTests -pl alex,engine,calcite-adapter
 * mvn -B -q -pl benchmarks package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar 'planning.PlanningBenchmark.(point|absent|range|byK|engine)' \
 *     -f 1 -wi 2 -i 3 -w 2s -r 3s
 * java -jar benchmarks/target/benchmarks.jar 'planning.PlanningBenchmark.fullScan' -p alex=true -p uniform=true \
 *     -f 1 -wi 1 -i 3 -w 1s -r 1s
 * </pre>
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class PlanningBenchmark {
  private static final long SEED = 42;

  @Param({"true", "false"})
  boolean alex;

  @Param({"1000000"})
  long rows;

  /** Probe keys drawn uniformly over the whole table ({@code true}) or 65,536 hot keys cycled ({@code false}). */
  @Param({"false", "true"})
  boolean uniform;

  private PlanningSession session;

  @Setup(Level.Trial)
  public void open() throws Exception {
    Path prepared = PlanningData.prepared(rows);
    session = PlanningSession.open(prepared, rows, alex, SEED, uniform);
    System.out.printf("%n%s%n", session.startupLine());
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    session.close();
  }

  /** {@code SELECT id, k, payload FROM t WHERE id = ?}, a present key. */
  @Benchmark
  public long pointSelect() throws SQLException {
    return session.pointSelect(session.nextPresent());
  }

  /** The same statement for an absent key (odd id inside the key range). */
  @Benchmark
  public long absentSelect() throws SQLException {
    return session.pointSelect(session.nextAbsent());
  }

  /** {@code WHERE id BETWEEN ? AND ?}, 100 rows. */
  @Benchmark
  public long rangeSelect100() throws SQLException {
    return session.rangeSelect(session.nextRangeStart());
  }

  /** {@code WHERE k = ?} through the secondary index, one row. */
  @Benchmark
  public long byKSelect() throws SQLException {
    return session.byK(session.nextPresent());
  }

  /** {@code WHERE ABS(id) = ?}: a full scan of every row. */
  @Benchmark
  public long fullScan() throws SQLException {
    return session.fullScan(session.nextPresent());
  }

  /** Begin, {@code Transaction.get} of a present key, commit: what the directory buys below SQL. */
  @Benchmark
  public long engineGet() {
    return session.engineGet(session.nextPresent());
  }

  /** Begin, {@code Transaction.get} of an absent key, commit. */
  @Benchmark
  public long engineGetAbsent() {
    return session.engineGet(session.nextAbsent());
  }
}
