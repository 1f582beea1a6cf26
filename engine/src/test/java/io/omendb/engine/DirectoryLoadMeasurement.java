package io.omendb.engine;

import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.mvcc.Transaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A one-off measurement (not a test): loads N rows (default 1,000,000) into a BIGINT-keyed table, reopens the engine
 * and prints how long rebuilding the ALEX primary-key directory took and its size. Run with
 * {@code java -cp <engine test classpath> io.omendb.engine.DirectoryLoadMeasurement [rows] [dir]}; the benchmarks
 * module holds the formal JMH measurements.
 */
public final class DirectoryLoadMeasurement {
  private static final int ROWS_PER_TRANSACTION = 10_000;

  private DirectoryLoadMeasurement() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("omendb-directory-load");
    EngineOptions options = EngineOptions.create(dir).withSyncCommits(false).withGcInterval(Duration.ZERO);
    long start = System.nanoTime();
    try (Engine engine = Engine.open(options)) {
      TableDef table = engine.catalog().createTable(new TableDef(0, "t",
          List.of(ColumnDef.create("id", ColumnType.BIGINT).withNullable(false),
              ColumnDef.create("v", ColumnType.VARCHAR)), new int[] {0}), false);
      for (int from = 0; from < rows; from += ROWS_PER_TRANSACTION) {
        try (Transaction tx = engine.begin()) {
          for (int i = from; i < Math.min(rows, from + ROWS_PER_TRANSACTION); i++) {
            tx.insert(table, new Object[] {(long) i * 3, "value " + i});
          }
          tx.commit();
        }
      }
    }
    System.out.printf("loaded %,d rows in %d ms%n", rows, (System.nanoTime() - start) / 1_000_000);
    long[] keys = new long[rows];
    long[] payloads = new long[rows];
    for (int i = 0; i < rows; i++) {
      keys[i] = (long) i * 3;
      payloads[i] = System.currentTimeMillis() * 1000 + i;
    }
    for (int run = 0; run < 3; run++) {
      long bulk = System.nanoTime();
      io.omendb.alex.AlexIndex.create().bulkLoad(keys, payloads);
      System.out.printf("bulkLoad alone %d: %d ms%n", run, (System.nanoTime() - bulk) / 1_000_000);
    }
    for (int run = 0; run < 3; run++) {
      long open = System.nanoTime();
      try (Engine engine = Engine.open(options)) {
        TableDef table = engine.catalog().table("t").orElseThrow();
        System.out.printf("open %d: %d ms in total, directory rebuild %d ms, %,d bytes (%.1f bytes/key), %,d rows%n",
            run, (System.nanoTime() - open) / 1_000_000, engine.alexDirectoryLoadTime().toMillis(),
            engine.alexDirectoryBytes(), engine.alexDirectoryBytes() / (double) rows,
            engine.estimatedRowCount(table));
      }
    }
  }
}
