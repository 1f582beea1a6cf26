package io.omendb.benchmarks.planning;

import io.omendb.engine.Engine;
import io.omendb.engine.EngineOptions;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.mvcc.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * A loaded, compacted data directory of {@link PlanningTable}, kept between runs (loading 10M rows takes minutes),
 * and throw-away clones of it (SST files hard-linked) that a run opens and modifies (WAL, manifest) freely.
 *
 * <p>The cache lives in {@code omendb.planning.dir} (system property), by default {@code omendb-planning} under
 * {@code java.io.tmpdir}; a directory without its {@value #READY} marker (an interrupted load) is loaded again.
 */
final class PlanningData {
  static {
    RocksDB.loadLibrary();
  }

  /** Rows per loading transaction. */
  static final int LOAD_BATCH = 50_000;
  private static final String READY = "READY";
  /** System property: the row cache size in MiB (the engine's default without it). */
  static final String ROW_CACHE_PROPERTY = "omendb.planning.rowCacheMiB";
  /** Same as the engine's {@code KvStore}. */
  private static final int MAX_BACKGROUND_JOBS = 2;

  private PlanningData() {}

  /**
   * The options every benchmark opens a clone with: no commit syncs (reads only), garbage collection off, and the
   * engine's default row cache unless the system property {@code omendb.planning.rowCacheMiB} sizes it.
   */
  static EngineOptions options(Path dir, boolean alex) {
    EngineOptions options =
        EngineOptions.create(dir).withSyncCommits(false).withGcInterval(Duration.ZERO).withAlexDirectories(alex);
    String rowCacheMiB = System.getProperty(ROW_CACHE_PROPERTY);
    return rowCacheMiB == null ? options : options.withRowCacheBytes(Long.parseLong(rowCacheMiB) << 20);
  }

  /** The row cache size in bytes the clones are opened with. */
  static long rowCacheBytes() {
    return options(Path.of("."), true).rowCacheBytes();
  }

  /** The cached directory of {@code rows} rows, loading it first if absent. */
  static Path prepared(long rows) throws Exception {
    Path base = Path.of(System.getProperty("omendb.planning.dir",
        Path.of(System.getProperty("java.io.tmpdir"), "omendb-planning").toString()));
    Path dir = base.resolve("rows-" + rows);
    if (Files.exists(dir.resolve(READY))) {
      System.out.printf(Locale.ROOT, "%nreusing %s: %s%n", dir, Files.readString(dir.resolve(READY)).strip());
      return dir;
    }
    deleteTree(dir);
    Files.createDirectories(dir);
    long started = System.nanoTime();
    try (Engine loader = Engine.open(options(dir, true))) {
      TableDef table = loader.catalog().createTable(PlanningTable.spec(), false);
      // Before the rows: each commit then writes the index entries in the same batch as the rows.
      loader.createIndex(PlanningTable.INDEX, PlanningTable.NAME, List.of("k"), false, false);
      for (long from = 0; from < rows; from += LOAD_BATCH) {
        try (Transaction tx = loader.begin()) {
          for (long i = from; i < Math.min(rows, from + LOAD_BATCH); i++) {
            tx.insert(table, PlanningTable.row(PlanningTable.id(i)));
          }
          tx.commit();
        }
      }
    }
    long loaded = System.nanoTime();
    flushAndCompact(dir);
    long compacted = System.nanoTime();
    String note = String.format(Locale.ROOT, "%d rows loaded (with index) in %.1f s, flushed+compacted in %.1f s,"
        + " %d MB on disk", rows, (loaded - started) / 1e9, (compacted - loaded) / 1e9, sizeOf(dir) >> 20);
    Files.writeString(dir.resolve(READY), note + "\n");
    System.out.printf(Locale.ROOT, "%n%s%n", note);
    return dir;
  }

  /** A fresh copy of {@code source} in a new temporary directory: SST files hard-linked, other files copied. */
  static Path cloneOf(Path source, String label) throws IOException {
    Path target = Files.createTempDirectory(source.getParent(), "clone-" + label + "-");
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.equals(READY) || Files.isDirectory(file)) {
          continue;
        }
        if (name.endsWith(".sst")) {
          Files.createLink(target.resolve(name), file);
        } else {
          Files.copy(file, target.resolve(name));
        }
      }
    }
    return target;
  }

  /** Deletes a directory tree; for clones. */
  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  private static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  /**
   * Opens the directory with plain RocksDB (the options {@code KvStore} uses), flushes every family and compacts
   * each into its last level, so every run reads the same SST layout without L0 files.
   */
  private static void flushAndCompact(Path dir) throws RocksDBException {
    List<byte[]> names;
    try (Options listOptions = new Options()) {
      names = RocksDB.listColumnFamilies(listOptions, dir.toString());
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (DBOptions dbOptions = new DBOptions().setMaxBackgroundJobs(MAX_BACKGROUND_JOBS);
        ColumnFamilyOptions cfOptions = new ColumnFamilyOptions()) {
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (byte[] name : names) {
        descriptors.add(new ColumnFamilyDescriptor(name, cfOptions));
      }
      try (RocksDB db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
          FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
        db.flush(flush, handles);
        for (ColumnFamilyHandle handle : handles) {
          db.compactRange(handle);
        }
        // Column family handles belong to the database and must be closed before it.
        handles.forEach(ColumnFamilyHandle::close);
        handles.clear();
      } finally {
        handles.forEach(ColumnFamilyHandle::close);
      }
    }
    System.out.printf(Locale.ROOT, "compacted families %s%n",
        names.stream().map(n -> new String(n, StandardCharsets.UTF_8)).toList());
  }
}
