package io.omendb.benchmarks.mvcc;

import io.omendb.engine.Engine;
import io.omendb.engine.EngineOptions;
import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.catalog.TableKeys;
import io.omendb.engine.codec.RowCodec;
import io.omendb.engine.mvcc.RowCursor;
import io.omendb.engine.mvcc.Transaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * MVCC reads against plain RocksDB reads of the same bytes, in one run.
 *
 * <p>Each trial loads {@code rows} rows of {@code kv (id BIGINT PRIMARY KEY, v BIGINT, payload VARCHAR)} (50-byte
 * payloads) through the engine in large relaxed-durability transactions, closes it, flushes and compacts the
 * directory with plain RocksDB, and checkpoints it (hard links: the very same SST files). The engine reopens one
 * copy, a plain {@code RocksDB} with the engine's options the other; both read the same keys and values.
 *
 * <ul>
 *   <li>{@code rawGet}: {@code RocksDB.get} of the data-family key (built by hand) of a random row: the baseline.
 *   <li>{@code engineVisibleGet}: the engine's key encoding ({@code Transaction.rowKey}) and its versioned read
 *       ({@code VersionedStore.get}: the ALEX primary-key directory lookup, the get, the visibility check, the copy
 *       of the row bytes), no decoding.
 *   <li>{@code mvccGetBatch}: {@code Transaction.get} (returns the decoded {@code Object[]}), {@value #BATCH} reads
 *       per transaction, begin and commit included.
 *   <li>{@code mvccGetPerRead}: begin, one {@code Transaction.get}, commit.
 *   <li>{@code partRowKey}, {@code partColumnTypes}, {@code partDecode}, {@code partBeginCommit}: the CPU-only
 *       pieces of that path (no storage), to attribute the difference.
 *   <li>{@code rawScan}, {@code engineVisibleScan}, {@code mvccScan}: every row of the table through a RocksDB
 *       iterator, through the engine's versioned cursor without decoding, and through {@code Transaction.scan}.
 * </ul>
 *
 * <p>Run (from the repository root):
 *
 * <pre>
 * mvn -B -q install -DskipTests -pl alex,engine,calcite-adapter
 * mvn -B -q -pl benchmarks package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar 'mvcc.MvccReadBenchmark' -f 1 -wi 2 -i 3 -w 2s -r 3s
 * </pre>
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class MvccReadBenchmark {

  /** Reads per transaction in {@code mvccGetBatch}. */
  static final int BATCH = 100;
  /** Rows per loading transaction. */
  static final int LOAD_BATCH = 50_000;
  /** Random probe ids per thread (a power of two). */
  static final int PROBES = 1 << 16;
  private static final long SEED = 42;

  /** The loaded data, opened twice: by the engine and by plain RocksDB. */
  @State(Scope.Benchmark)
  public static class Loaded {
    @Param({"1000000"})
    int rows;

    Path base;
    Engine engine;
    TableDef table;
    RawRocks raw;
    EngineProbe probe;
    byte[] scanFrom;
    byte[] scanTo;

    @Setup(Level.Trial)
    public void load() throws Exception {
      base = Files.createTempDirectory("omendb-mvcc-read");
      Path engineDir = base.resolve("engine");
      Path rawDir = base.resolve("raw");
      EngineOptions options = EngineOptions.create(engineDir).withGcInterval(Duration.ZERO);
      long started = System.nanoTime();
      try (Engine loader = Engine.open(options.withSyncCommits(false))) {
        TableDef created = loader.catalog().createTable(KvTable.spec(), false);
        for (int from = 0; from < rows; from += LOAD_BATCH) {
          try (Transaction tx = loader.begin()) {
            for (long id = from; id < Math.min(rows, from + LOAD_BATCH); id++) {
              tx.insert(created, KvTable.row(id));
            }
            tx.commit();
          }
        }
      }
      long loaded = System.nanoTime();
      try (RawRocks compactor = RawRocks.open(engineDir)) {
        compactor.flushAndCompact();
        compactor.checkpointTo(rawDir);
      }
      engine = Engine.open(options);
      table = engine.catalog().table("kv").orElseThrow();
      raw = RawRocks.open(rawDir);
      probe = EngineProbe.create(engine);
      scanFrom = TableKeys.tablePrefix(table.id());
      scanTo = TableKeys.tablePrefix(table.id() + 1);
      verify();
      System.out.printf(Locale.ROOT, "%nloaded %d rows in %.1f s, flushed+compacted in %.1f s; data L0 files=%s,"
              + " live SST bytes=%s%n", rows, (loaded - started) / 1e9, (System.nanoTime() - loaded) / 1e9,
          raw.dataProperty("rocksdb.num-files-at-level0"), raw.dataProperty("rocksdb.live-sst-files-size"));
    }

    /** Both sides must see the same keys and values, and the engine's key encoding must match the raw one. */
    private void verify() throws RocksDBException {
      SplittableRandom random = new SplittableRandom(SEED);
      List<ColumnType> types = columnTypes(table);
      try (Transaction tx = engine.begin()) {
        for (int i = 0; i < 1_000; i++) {
          long id = random.nextLong(rows);
          byte[] key = KvTable.rawKey(table.id(), id);
          if (!Arrays.equals(key, Transaction.rowKey(table, new Object[] {id}))) {
            throw new IllegalStateException("hand-built key differs from the engine's for id " + id);
          }
          byte[] value = raw.get(key);
          Object[] viaRaw = RowCodec.decode(types, Arrays.copyOfRange(value, Long.BYTES + 1, value.length));
          Object[] viaEngine = tx.get(table, new Object[] {id});
          if (!Arrays.equals(viaRaw, viaEngine) || !Arrays.equals(viaEngine, KvTable.row(id))) {
            throw new IllegalStateException("row " + id + " differs: raw " + Arrays.toString(viaRaw)
                + ", engine " + Arrays.toString(viaEngine));
          }
        }
      }
    }

    @TearDown(Level.Trial)
    public void close() {
      try {
        if (raw != null) {
          raw.close();
        }
      } finally {
        try {
          if (engine != null) {
            engine.close();
          }
        } finally {
          KvTable.deleteTree(base);
        }
      }
    }
  }

  /** Random row ids, the same sequence for every benchmark; one cursor per thread. */
  @State(Scope.Thread)
  public static class Probes {
    long[] ids;
    int next;

    @Setup(Level.Trial)
    public void generate(Loaded loaded) {
      SplittableRandom random = new SplittableRandom(SEED);
      ids = new long[PROBES];
      for (int i = 0; i < PROBES; i++) {
        ids[i] = random.nextLong(loaded.rows);
      }
    }

    long nextId() {
      return ids[next++ & (PROBES - 1)];
    }
  }

  /** What the CPU-only pieces work on: the table definition and one stored row, no storage. */
  @State(Scope.Benchmark)
  public static class Parts {
    TableDef table;
    List<ColumnType> types;
    byte[] rowBytes;
    Engine engine;
    Path dir;
    long id = 123_456;

    @Setup(Level.Trial)
    public void setup() throws Exception {
      dir = Files.createTempDirectory("omendb-mvcc-parts");
      engine = Engine.open(EngineOptions.create(dir).withGcInterval(Duration.ZERO));
      table = engine.catalog().createTable(KvTable.spec(), false);
      types = columnTypes(table);
      rowBytes = RowCodec.encode(types, KvTable.row(id));
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

  /** The column types as {@code Transaction.get} computes them on every call. */
  static List<ColumnType> columnTypes(TableDef table) {
    return table.columns().stream().map(ColumnDef::type).toList();
  }

  // ---- point reads --------------------------------------------------------------------------------------------

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public byte[] rawGet(Loaded s, Probes p) throws RocksDBException {
    return s.raw.get(KvTable.rawKey(s.table.id(), p.nextId()));
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @OperationsPerInvocation(BATCH)
  public void engineVisibleGet(Loaded s, Probes p, Blackhole bh) {
    try (Transaction tx = s.engine.begin()) {
      long snapshot = tx.snapshotTs();
      for (int i = 0; i < BATCH; i++) {
        bh.consume(s.probe.visibleGet(Transaction.rowKey(s.table, new Object[] {p.nextId()}), snapshot));
      }
      tx.commit();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @OperationsPerInvocation(BATCH)
  public void mvccGetBatch(Loaded s, Probes p, Blackhole bh) {
    try (Transaction tx = s.engine.begin()) {
      for (int i = 0; i < BATCH; i++) {
        bh.consume(tx.get(s.table, new Object[] {p.nextId()}));
      }
      tx.commit();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Object[] mvccGetPerRead(Loaded s, Probes p) {
    try (Transaction tx = s.engine.begin()) {
      Object[] row = tx.get(s.table, new Object[] {p.nextId()});
      tx.commit();
      return row;
    }
  }

  // ---- CPU-only pieces of Transaction.get ---------------------------------------------------------------------

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public byte[] partRowKey(Parts s) {
    return Transaction.rowKey(s.table, new Object[] {s.id++});
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public List<ColumnType> partColumnTypes(Parts s) {
    return columnTypes(s.table);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Object[] partDecode(Parts s) {
    return RowCodec.decode(s.types, s.rowBytes);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public long partBeginCommit(Parts s) {
    try (Transaction tx = s.engine.begin()) {
      long snapshot = tx.snapshotTs();
      tx.commit();
      return snapshot;
    }
  }

  // ---- full scans ---------------------------------------------------------------------------------------------

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long rawScan(Loaded s, Blackhole bh) {
    long count = 0;
    try (RocksIterator iterator = s.raw.newDataIterator()) {
      for (iterator.seek(s.scanFrom); iterator.isValid(); iterator.next()) {
        byte[] key = iterator.key();
        if (Arrays.compareUnsigned(key, s.scanTo) >= 0) {
          break;
        }
        bh.consume(key);
        bh.consume(iterator.value());
        count++;
      }
    }
    return checkCount(s, count);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long engineVisibleScan(Loaded s, Blackhole bh) {
    long count = 0;
    try (Transaction tx = s.engine.begin()) {
      Object cursor = s.probe.scan(s.scanFrom, s.scanTo, tx.snapshotTs());
      try {
        while (s.probe.next(cursor)) {
          bh.consume(s.probe.key(cursor));
          bh.consume(s.probe.row(cursor));
          count++;
        }
      } finally {
        s.probe.close(cursor);
      }
      tx.commit();
    }
    return checkCount(s, count);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long mvccScan(Loaded s, Blackhole bh) {
    long count = 0;
    try (Transaction tx = s.engine.begin(); RowCursor cursor = tx.scan(s.table)) {
      for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
        bh.consume(row);
        count++;
      }
      tx.commit();
    }
    return checkCount(s, count);
  }

  private static long checkCount(Loaded s, long count) {
    if (count != s.rows) {
      throw new IllegalStateException("scan saw " + count + " rows, expected " + s.rows);
    }
    return count;
  }
}
