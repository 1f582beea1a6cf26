package io.omendb.benchmarks.mvcc;

import io.omendb.engine.Engine;
import io.omendb.engine.EngineOptions;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.mvcc.Transaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Durable commits per second ({@code syncCommits = true}) with 1, 4 and 16 writer threads, each commit inserting
 * one small row in its own transaction, and the WAL syncs per commit that group commit achieves.
 *
 * <p>Each iteration's teardown prints a line {@code group-commit threads=T commits=C walSyncs=S syncsPerCommit=R}
 * from {@code TransactionManager.walSyncCount()}: about one sync per commit at one thread, well under one when
 * committers overlap. Compare the one-thread figure with the disk's fdatasync rate ({@code pg_test_fsync}). Garbage
 * collection is off (inserts leave nothing to collect). Run (from the repository root):
 *
 * <pre>
 * mvn -B -q install -DskipTests -pl alex,engine,calcite-adapter
 * mvn -B -q -pl benchmarks package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar 'mvcc.CommitBenchmark' -f 1 -wi 2 -i 3 -w 2s -r 3s
 * java -jar benchmarks/target/benchmarks.jar 'mvcc.CommitBenchmark.commitThreads01' -p durable=false -f 1 -wi 2 -i 3
 * </pre>
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CommitBenchmark {

  /** Bits of a row id below the writer's thread index: each writer inserts its own ids. */
  static final int THREAD_SHIFT = 40;

  /** An engine with durable commits over an empty table, in a temporary directory. */
  @State(Scope.Benchmark)
  public static class Db {
    /** Durable commits (the default); false measures the same path without the WAL sync, i.e. its CPU cost. */
    @Param({"true"})
    boolean durable;

    Path dir;
    Engine engine;
    TableDef table;
    final LongAdder commits = new LongAdder();
    private long commitsAtStart;
    private long syncsAtStart;
    private int threads;

    @Setup(Level.Trial)
    public void open(ThreadParams params) throws Exception {
      dir = Files.createTempDirectory("omendb-mvcc-commit");
      engine = Engine.open(EngineOptions.create(dir).withSyncCommits(durable).withGcInterval(Duration.ZERO));
      table = engine.catalog().createTable(KvTable.spec(), false);
      threads = params.getThreadCount();
    }

    @Setup(Level.Iteration)
    public void mark() {
      commitsAtStart = commits.sum();
      syncsAtStart = engine.transactions().walSyncCount();
    }

    @TearDown(Level.Iteration)
    public void report() {
      long c = commits.sum() - commitsAtStart;
      long s = engine.transactions().walSyncCount() - syncsAtStart;
      System.out.printf(Locale.ROOT,
          "%ngroup-commit durable=%b threads=%d commits=%d walSyncs=%d syncsPerCommit=%.3f%n",
          durable, threads, c, s, c == 0 ? Double.NaN : s / (double) c);
    }

    @TearDown(Level.Trial)
    public void close() {
      try {
        engine.close();
      } finally {
        KvTable.deleteTree(dir);
      }
    }
  }

  /** One writer's id sequence. */
  @State(Scope.Thread)
  public static class Writer {
    long nextId;

    @Setup(Level.Trial)
    public void start(ThreadParams params) {
      nextId = (long) params.getThreadIndex() << THREAD_SHIFT;
    }
  }

  static void commitOne(Db db, Writer writer) {
    try (Transaction tx = db.engine.begin()) {
      tx.insert(db.table, KvTable.row(writer.nextId++));
      tx.commit();
    }
    db.commits.increment();
  }

  @Benchmark
  @Threads(1)
  public void commitThreads01(Db db, Writer writer) {
    commitOne(db, writer);
  }

  @Benchmark
  @Threads(4)
  public void commitThreads04(Db db, Writer writer) {
    commitOne(db, writer);
  }

  @Benchmark
  @Threads(16)
  public void commitThreads16(Db db, Writer writer) {
    commitOne(db, writer);
  }
}
