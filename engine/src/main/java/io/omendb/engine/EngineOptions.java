package io.omendb.engine;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to open an {@link Engine}.
 *
 * @param dataDir the directory holding the database; created if absent
 * @param syncCommits whether a commit returns only after its WAL write is synced (the default); false trades the
 *     last moments of acknowledged commits on power loss or OS crash for speed, like PostgreSQL's
 *     {@code synchronous_commit = off} (a process crash alone loses nothing: the WAL is in the OS page cache)
 * @param gcInterval how often garbage collection of dead row versions runs; zero turns it off
 * @param gcKeysPerPass the most keys of each key space one garbage-collection pass examines
 * @param alexDirectories whether tables with one integer-like primary-key column get an in-memory ALEX key
 *     directory (the default); off, every point read and conflict check goes to RocksDB (for comparisons)
 * @param rowCacheBytes bytes of newest row versions kept in memory for point reads that the directory validates
 *     (0: no cache)
 * @param historyRetention how far back {@code AS OF} reads may go: garbage collection keeps every row version some
 *     timestamp within this window before now can see (zero: only what active transactions see)
 */
public record EngineOptions(Path dataDir, boolean syncCommits, Duration gcInterval, int gcKeysPerPass,
    boolean alexDirectories, long rowCacheBytes, Duration historyRetention) {
  /** The default pause between garbage-collection passes. */
  public static final Duration DEFAULT_GC_INTERVAL = Duration.ofSeconds(1);
  /** The default bound on the work of one garbage-collection pass. */
  public static final int DEFAULT_GC_KEYS_PER_PASS = 10_000;
  /** The default window of history kept for {@code AS OF} reads. */
  public static final Duration DEFAULT_HISTORY_RETENTION = Duration.ofHours(1);

  public EngineOptions {
    requireNonNull(dataDir, "dataDir");
    requireNonNull(gcInterval, "gcInterval");
    if (gcInterval.isNegative()) {
      throw new IllegalArgumentException("gcInterval must not be negative: " + gcInterval);
    }
    if (gcKeysPerPass < 1) {
      throw new IllegalArgumentException("gcKeysPerPass must be positive: " + gcKeysPerPass);
    }
    requireNonNull(historyRetention, "historyRetention");
    if (historyRetention.isNegative()) {
      throw new IllegalArgumentException("historyRetention must not be negative: " + historyRetention);
    }
  }

  public static EngineOptions create(Path dataDir) {
    return new EngineOptions(dataDir, true, DEFAULT_GC_INTERVAL, DEFAULT_GC_KEYS_PER_PASS, true,
        io.omendb.engine.mvcc.TransactionManager.DEFAULT_ROW_CACHE_BYTES, DEFAULT_HISTORY_RETENTION);
  }

  public EngineOptions withDataDir(Path dataDir) {
    return new EngineOptions(dataDir, syncCommits, gcInterval, gcKeysPerPass, alexDirectories, rowCacheBytes,
        historyRetention);
  }

  public EngineOptions withSyncCommits(boolean syncCommits) {
    return new EngineOptions(dataDir, syncCommits, gcInterval, gcKeysPerPass, alexDirectories, rowCacheBytes,
        historyRetention);
  }

  public EngineOptions withGcInterval(Duration gcInterval) {
    return new EngineOptions(dataDir, syncCommits, gcInterval, gcKeysPerPass, alexDirectories, rowCacheBytes,
        historyRetention);
  }

  public EngineOptions withGcKeysPerPass(int gcKeysPerPass) {
    return new EngineOptions(dataDir, syncCommits, gcInterval, gcKeysPerPass, alexDirectories, rowCacheBytes,
        historyRetention);
  }

  public EngineOptions withAlexDirectories(boolean alexDirectories) {
    return new EngineOptions(dataDir, syncCommits, gcInterval, gcKeysPerPass, alexDirectories, rowCacheBytes,
        historyRetention);
  }

  public EngineOptions withRowCacheBytes(long rowCacheBytes) {
    return new EngineOptions(dataDir, syncCommits, gcInterval, gcKeysPerPass, alexDirectories, rowCacheBytes,
        historyRetention);
  }

  public EngineOptions withHistoryRetention(Duration historyRetention) {
    return new EngineOptions(dataDir, syncCommits, gcInterval, gcKeysPerPass, alexDirectories, rowCacheBytes,
        historyRetention);
  }
}
