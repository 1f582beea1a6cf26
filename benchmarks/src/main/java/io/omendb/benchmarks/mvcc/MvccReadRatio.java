package io.omendb.benchmarks.mvcc;

import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.codec.RowCodec;
import io.omendb.engine.mvcc.RowCursor;
import io.omendb.engine.mvcc.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * The ratios of {@link MvccReadBenchmark} measured interleaved: one JVM, one load, then rounds that each run every
 * variant once (in a rotating order) and report the median over rounds of each variant's time and of its ratio to
 * the raw RocksDB read of the same round. On a machine shared with other work, load changes between JMH's
 * separate forks; interleaving exposes both sides of every ratio to the same load. Run (from the repository root):
 *
 * <pre>
 * java -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar io.omendb.benchmarks.mvcc.MvccReadRatio 1000000 12
 * </pre>
 */
public final class MvccReadRatio {
  private static final int DEFAULT_ROWS = 1_000_000;
  private static final int DEFAULT_ROUNDS = 12;
  /** Rounds run before measuring, for the JIT and the caches. */
  private static final int WARM_UP_ROUNDS = 3;
  /** Point reads (or CPU-only pieces) per variant per round. */
  private static final int READS = 20_000;

  /** What one round measures; point variants report ns per read, scans ns per row. */
  enum Variant {
    RAW_GET, ENGINE_VISIBLE_GET, MVCC_GET_BATCH, MVCC_GET_PER_READ, RAW_GET_ABSENT, MVCC_GET_ABSENT,
    PART_ROW_KEY, PART_COLUMN_TYPES, PART_DECODE, PART_BEGIN_COMMIT,
    RAW_SCAN, ENGINE_VISIBLE_SCAN, MVCC_SCAN;

    boolean isScan() {
      return this == RAW_SCAN || this == ENGINE_VISIBLE_SCAN || this == MVCC_SCAN;
    }

    Variant baseline() {
      return isScan() ? RAW_SCAN : this == MVCC_GET_ABSENT ? RAW_GET_ABSENT : RAW_GET;
    }
  }

  private final MvccReadBenchmark.Loaded s;
  private final MvccReadBenchmark.Probes p;
  private final List<ColumnType> types;
  private final byte[] sampleRow;
  private long sink;

  private MvccReadRatio(MvccReadBenchmark.Loaded s, MvccReadBenchmark.Probes p) {
    this.s = s;
    this.p = p;
    this.types = MvccReadBenchmark.columnTypes(s.table);
    this.sampleRow = RowCodec.encode(types, KvTable.row(123_456));
  }

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_ROWS;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_ROUNDS;
    MvccReadBenchmark.Loaded loaded = new MvccReadBenchmark.Loaded();
    loaded.rows = rows;
    loaded.load();
    try {
      MvccReadBenchmark.Probes probes = new MvccReadBenchmark.Probes();
      probes.generate(loaded);
      new MvccReadRatio(loaded, probes).run(rounds);
    } finally {
      loaded.close();
    }
  }

  private void run(int rounds) throws RocksDBException {
    Variant[] variants = Variant.values();
    Map<Variant, List<Double>> times = new EnumMap<>(Variant.class);
    Map<Variant, List<Double>> ratios = new EnumMap<>(Variant.class);
    for (Variant v : variants) {
      times.put(v, new ArrayList<>());
      ratios.put(v, new ArrayList<>());
    }
    for (int round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
      Map<Variant, Double> roundTimes = new EnumMap<>(Variant.class);
      for (int i = 0; i < variants.length; i++) {
        Variant v = variants[(i + round) % variants.length];
        roundTimes.put(v, measure(v));
      }
      if (round < WARM_UP_ROUNDS) {
        continue;
      }
      for (Variant v : variants) {
        double t = roundTimes.get(v);
        times.get(v).add(t);
        double base = roundTimes.get(v.baseline());
        ratios.get(v).add(t / base);
      }
    }
    System.out.printf(Locale.ROOT, "%nrows=%d rounds=%d (after %d warm-up) reads/round=%d sink=%d%n", s.rows, rounds,
        WARM_UP_ROUNDS, READS, sink);
    System.out.printf(Locale.ROOT, "%-20s %12s %12s %12s %14s%n", "variant", "median", "min", "max",
        "median ratio");
    for (Variant v : variants) {
      double[] t = times.get(v).stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double[] r = ratios.get(v).stream().mapToDouble(Double::doubleValue).sorted().toArray();
      System.out.printf(Locale.ROOT, "%-20s %12.1f %12.1f %12.1f %14.3f  %s%n", v, median(t), t[0], t[t.length - 1],
          median(r), (v.isScan() ? "ns/row" : "ns/op") + " (vs " + v.baseline() + ")");
    }
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Runs one variant once; returns ns per read (or per row for scans). */
  private double measure(Variant v) throws RocksDBException {
    long start = System.nanoTime();
    long ops = switch (v) {
      case RAW_GET -> rawGets();
      case ENGINE_VISIBLE_GET -> engineVisibleGets();
      case MVCC_GET_BATCH -> mvccGetsBatched();
      case MVCC_GET_PER_READ -> mvccGetsPerRead();
      case RAW_GET_ABSENT -> rawGetsAbsent();
      case MVCC_GET_ABSENT -> mvccGetsAbsent();
      case PART_ROW_KEY -> rowKeys();
      case PART_COLUMN_TYPES -> columnTypes();
      case PART_DECODE -> decodes();
      case PART_BEGIN_COMMIT -> beginCommits();
      case RAW_SCAN -> rawScan();
      case ENGINE_VISIBLE_SCAN -> engineVisibleScan();
      case MVCC_SCAN -> mvccScan();
    };
    return (System.nanoTime() - start) / (double) ops;
  }

  private long rawGets() throws RocksDBException {
    for (int i = 0; i < READS; i++) {
      sink += s.raw.get(KvTable.rawKey(s.table.id(), p.nextId())).length;
    }
    return READS;
  }

  /** Keys past the loaded ones: RocksDB still searches; the engine's primary-key directory answers alone. */
  private long rawGetsAbsent() throws RocksDBException {
    for (int i = 0; i < READS; i++) {
      sink += s.raw.get(KvTable.rawKey(s.table.id(), s.rows + p.nextId())) == null ? 1 : 0;
    }
    return READS;
  }

  private long mvccGetsAbsent() {
    for (int done = 0; done < READS; done += MvccReadBenchmark.BATCH) {
      try (Transaction tx = s.engine.begin()) {
        for (int i = 0; i < MvccReadBenchmark.BATCH; i++) {
          sink += tx.get(s.table, new Object[] {s.rows + p.nextId()}) == null ? 1 : 0;
        }
        tx.commit();
      }
    }
    return READS;
  }

  private long engineVisibleGets() {
    for (int done = 0; done < READS; done += MvccReadBenchmark.BATCH) {
      try (Transaction tx = s.engine.begin()) {
        for (int i = 0; i < MvccReadBenchmark.BATCH; i++) {
          sink += s.probe.visibleGet(Transaction.rowKey(s.table, new Object[] {p.nextId()}), tx.snapshotTs()).length;
        }
        tx.commit();
      }
    }
    return READS;
  }

  private long mvccGetsBatched() {
    for (int done = 0; done < READS; done += MvccReadBenchmark.BATCH) {
      try (Transaction tx = s.engine.begin()) {
        for (int i = 0; i < MvccReadBenchmark.BATCH; i++) {
          sink += tx.get(s.table, new Object[] {p.nextId()}).length;
        }
        tx.commit();
      }
    }
    return READS;
  }

  private long mvccGetsPerRead() {
    for (int i = 0; i < READS; i++) {
      try (Transaction tx = s.engine.begin()) {
        sink += tx.get(s.table, new Object[] {p.nextId()}).length;
        tx.commit();
      }
    }
    return READS;
  }

  private long rowKeys() {
    for (int i = 0; i < READS; i++) {
      sink += Transaction.rowKey(s.table, new Object[] {p.nextId()}).length;
    }
    return READS;
  }

  private long columnTypes() {
    for (int i = 0; i < READS; i++) {
      sink += MvccReadBenchmark.columnTypes(s.table).size();
    }
    return READS;
  }

  private long decodes() {
    for (int i = 0; i < READS; i++) {
      sink += RowCodec.decode(types, sampleRow).length;
    }
    return READS;
  }

  private long beginCommits() {
    for (int i = 0; i < READS; i++) {
      try (Transaction tx = s.engine.begin()) {
        sink += tx.snapshotTs();
        tx.commit();
      }
    }
    return READS;
  }

  private long rawScan() {
    long count = 0;
    try (RocksIterator iterator = s.raw.newDataIterator()) {
      for (iterator.seek(s.scanFrom); iterator.isValid(); iterator.next()) {
        byte[] key = iterator.key();
        if (Arrays.compareUnsigned(key, s.scanTo) >= 0) {
          break;
        }
        sink += key.length + iterator.value().length;
        count++;
      }
    }
    return count;
  }

  private long engineVisibleScan() {
    long count = 0;
    try (Transaction tx = s.engine.begin()) {
      Object cursor = s.probe.scan(s.scanFrom, s.scanTo, tx.snapshotTs());
      try {
        while (s.probe.next(cursor)) {
          sink += s.probe.key(cursor).length + s.probe.row(cursor).length;
          count++;
        }
      } finally {
        s.probe.close(cursor);
      }
      tx.commit();
    }
    return count;
  }

  private long mvccScan() {
    long count = 0;
    try (Transaction tx = s.engine.begin(); RowCursor cursor = tx.scan(s.table)) {
      for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
        sink += row.length;
        count++;
      }
      tx.commit();
    }
    return count;
  }
}
