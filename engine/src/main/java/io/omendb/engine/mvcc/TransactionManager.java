package io.omendb.engine.mvcc;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.ConstraintViolationException;
import io.omendb.engine.catalog.Catalog;
import io.omendb.engine.catalog.CatalogException;
import io.omendb.engine.catalog.CatalogListener;
import io.omendb.engine.catalog.IndexDef;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.catalog.TableKeys;
import io.omendb.engine.codec.KeyCodec;
import io.omendb.engine.storage.KvBatch;
import io.omendb.engine.storage.KvStore;
import io.omendb.engine.storage.Space;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts transactions, validates and applies their commits in timestamp order, tracks the snapshots in use (the
 * garbage-collection watermark), and allocates hidden row ids.
 */
public final class TransactionManager implements AutoCloseable {
  private final KvStore store;
  private final Catalog catalog;
  private final TableDirectories directories;
  private final VersionedStore versions;
  private final boolean syncCommits;
  private final TimestampOracle oracle;
  private final GroupCommit groupCommit;
  private final IndexMaintenance indexes;
  /** How far before now {@code AS OF} reads may go, in microseconds; garbage collection keeps what they see. */
  private final long retentionMicros;
  private final Object commitLock = new Object();
  private final AtomicLong ids = new AtomicLong();
  private final Map<Integer, AtomicLong> rowIds = new ConcurrentHashMap<>();
  private final Set<Transaction> active = ConcurrentHashMap.newKeySet();

  /** Snapshot timestamps in use, with how many transactions hold each; guarded by itself. */
  private final TreeMap<Long, Integer> snapshots = new TreeMap<>();
  /** Snapshot timestamps of active SERIALIZABLE transactions; guarded by {@link #snapshots}. */
  private final TreeMap<Long, Integer> serializableSnapshots = new TreeMap<>();
  /** Write sets of recent commits, oldest first, for SERIALIZABLE validation; guarded by {@link #commitLock}. */
  private final Deque<CommittedWrites> recentCommits = new ArrayDeque<>();
  /** Exclusive row locks of recent commits, which wrote no version ({@code SELECT ... FOR UPDATE}). */
  private final RowLocks rowLocks = new RowLocks();

  /** The keys one commit wrote. */
  private record CommittedWrites(long commitTs, byte[][] keys) {}

  /**
   * A manager over {@code store} whose tables are those of {@code catalog}: builds the primary-key directories and row
   * counts of the existing tables (one scan of each) and follows the catalog's later changes.
   */
  public TransactionManager(KvStore store, Catalog catalog, boolean syncCommits) {
    this(store, catalog, syncCommits, true, DEFAULT_ROW_CACHE_BYTES);
  }

  /** Bytes of row versions the row cache keeps by default. */
  public static final long DEFAULT_ROW_CACHE_BYTES = 64L << 20;

  /**
   * As above; {@code alexDirectories} false keeps every key lookup in RocksDB; {@code rowCacheBytes} bounds the cache
   * of newest row versions that directory lookups validate (0: none).
   */
  public TransactionManager(KvStore store, Catalog catalog, boolean syncCommits, boolean alexDirectories,
      long rowCacheBytes) {
    this(store, catalog, syncCommits, alexDirectories, rowCacheBytes, java.time.Duration.ZERO);
  }

  /** As above; {@code historyRetention} is how far back {@link #beginAsOf} may read. */
  public TransactionManager(KvStore store, Catalog catalog, boolean syncCommits, boolean alexDirectories,
      long rowCacheBytes, java.time.Duration historyRetention) {
    this.retentionMicros = java.util.concurrent.TimeUnit.MICROSECONDS.convert(
        requireNonNull(historyRetention, "historyRetention"));
    this.store = requireNonNull(store, "store");
    this.catalog = requireNonNull(catalog, "catalog");
    this.directories = new TableDirectories(alexDirectories);
    catalog.addListener(new CatalogListener() {
      @Override
      public void tableCreated(TableDef table) {
        directories.created(table);
      }

      @Override
      public void tableDropped(TableDef table) {
        directories.dropped(table);
      }
    });
    directories.load(store, catalog.tables());
    this.versions = new VersionedStore(store, directories, new RowCache(rowCacheBytes));
    this.syncCommits = syncCommits;
    this.oracle = new TimestampOracle(store);
    this.groupCommit = new GroupCommit(store, oracle);
    this.indexes = new IndexMaintenance(store, catalog, versions);
  }

  /** Starts a REPEATABLE READ transaction. */
  public Transaction begin() {
    return begin(IsolationLevel.REPEATABLE_READ);
  }

  /** Starts a transaction reading the newest durable snapshot. */
  public Transaction begin(IsolationLevel isolation) {
    requireNonNull(isolation, "isolation");
    long snapshot;
    synchronized (snapshots) {
      snapshot = oracle.visible();
      increment(snapshots, snapshot);
      if (isolation == IsolationLevel.SERIALIZABLE) {
        increment(serializableSnapshots, snapshot);
      }
    }
    Transaction transaction = new Transaction(this, versions, isolation, ids.incrementAndGet(), snapshot, false);
    active.add(transaction);
    return transaction;
  }

  /**
   * Starts a read-only transaction whose snapshot is commit timestamp {@code ts} (microseconds since the epoch):
   * it sees exactly the commits at or before {@code ts}. A time later than the newest visible commit but not after
   * now waits for commits already under way and makes every later commit's timestamp exceed it, so the read is
   * repeatable.
   *
   * @throws TimeTravelException SNAPSHOT_TOO_OLD before the retention window, FUTURE_TIMESTAMP after now
   */
  public Transaction beginAsOf(long ts) {
    long now = TimestampOracle.wallClock();
    if (ts > now + MICROS_PER_MILLI - 1) {
      throw new TimeTravelException(TimeTravelException.Kind.FUTURE_TIMESTAMP,
          "AS OF timestamp " + instant(ts) + " is in the future (now " + instant(now) + ")");
    }
    if (ts > oracle.visible()) {
      long written;
      synchronized (commitLock) {
        oracle.reserveReadAt(ts);
        written = groupCommit.written();
      }
      if (written > oracle.visible()) {
        // commits with timestamps up to ts are in the WAL but not yet durable: wait for them to become visible
        groupCommit.awaitDurable(written);
      }
    }
    synchronized (snapshots) {
      long horizon = horizon(oracle.visible());
      if (ts < horizon) {
        throw new TimeTravelException(TimeTravelException.Kind.SNAPSHOT_TOO_OLD,
            "snapshot too old: AS OF timestamp " + instant(ts) + " is before the history kept (from "
                + instant(horizon) + ")");
      }
      increment(snapshots, ts);
    }
    Transaction transaction = new Transaction(this, versions, IsolationLevel.REPEATABLE_READ, ids.incrementAndGet(),
        ts, true);
    active.add(transaction);
    return transaction;
  }

  private static final long MICROS_PER_MILLI = 1000;

  /** A commit timestamp as an ISO instant, for messages. */
  private static String instant(long micros) {
    return java.time.Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS).toString();
  }

  /** The oldest timestamp an {@code AS OF} read may start at now: the retention window back from now. */
  private long horizon(long visible) {
    return retentionMicros == 0 ? visible : Math.min(visible, TimestampOracle.wallClock() - retentionMicros);
  }

  /** The oldest timestamp a new {@code AS OF} read may use now (microseconds since the epoch). */
  public long historyHorizon() {
    return horizon(oracle.visible());
  }

  /** Moves a READ COMMITTED transaction to the newest snapshot; returns it. */
  long refreshSnapshot(Transaction transaction, long previous) {
    synchronized (snapshots) {
      long snapshot = oracle.visible();
      decrement(snapshots, previous);
      increment(snapshots, snapshot);
      return snapshot;
    }
  }

  /**
   * The oldest snapshot any transaction may still read: versions superseded at or before it by a newer version
   * that is itself at or before it can be collected.
   */
  public long watermark() {
    synchronized (snapshots) {
      long horizon = horizon(oracle.visible());
      return snapshots.isEmpty() ? horizon : Math.min(snapshots.firstKey(), horizon);
    }
  }

  /**
   * The snapshots in use at one moment, for the garbage collector: the active ones and the horizon, the oldest
   * timestamp a future snapshot may read at (the visible timestamp, or earlier by the history retention window).
   */
  record SnapshotView(long[] active, long horizon) {
    /** The oldest snapshot anyone may read at: the oldest active one, or the horizon. */
    long watermark() {
      return active.length == 0 ? horizon : Math.min(active[0], horizon);
    }

    /** Whether some active or future snapshot lies in {@code [from, to)}; future snapshots are at least horizon. */
    boolean anySnapshotIn(long from, long to) {
      if (to > horizon) {
        return true;
      }
      int i = Arrays.binarySearch(active, from);
      int ceiling = i >= 0 ? i : -i - 1;
      return ceiling < active.length && active[ceiling] < to;
    }
  }

  /** The snapshots in use now. */
  SnapshotView snapshotView() {
    synchronized (snapshots) {
      return new SnapshotView(snapshots.keySet().stream().mapToLong(Long::longValue).toArray(),
          horizon(oracle.visible()));
    }
  }

  /** The newest commit timestamp visible to new transactions. */
  public long visibleTimestamp() {
    return oracle.visible();
  }

  /** Number of WAL syncs commits have performed (group commit shares them). */
  public long walSyncCount() {
    return groupCommit.syncCount();
  }

  /** The next hidden row id of a table without a primary key; ids are unique but may have gaps. */
  long nextRowId(TableDef table) {
    return rowIds.computeIfAbsent(table.id(), id -> new AtomicLong(lastRowId(id))).incrementAndGet();
  }

  private long lastRowId(int tableId) {
    byte[] last = store.lastKey(Space.DATA, TableKeys.tablePrefix(tableId), TableKeys.tablePrefix(tableId + 1));
    if (last == null) {
      return 0;
    }
    return (Long) KeyCodec.decode(List.of(ColumnType.BIGINT), last, TableKeys.PREFIX_LENGTH)[0];
  }

  /** Validates and applies a transaction's writes; returns when they are durable (unless commits are relaxed). */
  void commit(Transaction transaction) {
    Map<byte[], Transaction.PendingWrite> writes = transaction.writes();
    Map<byte[], Transaction.LockIntent> locks = transaction.locks();
    boolean serializable = transaction.isolation() == IsolationLevel.SERIALIZABLE;
    if (writes.isEmpty() && locks.isEmpty() && !serializable) {
      return;
    }
    long commitTs;
    synchronized (commitLock) {
      int n = writes.size();
      byte[][] keys = new byte[n][];
      byte[][] latest = new byte[n][];
      // whether latest[i] is known: read from the store, or known absent from the directory
      boolean[] known = new boolean[n];
      int i = 0;
      for (Map.Entry<byte[], Transaction.PendingWrite> entry : writes.entrySet()) {
        byte[] rowKey = entry.getKey();
        Transaction.PendingWrite write = entry.getValue();
        long directory = directories.lookup(rowKey);
        if (directory == PrimaryKeyDirectory.UNKNOWN) {
          latest[i] = versions.latest(rowKey);
          known[i] = true;
          checkConflict(write, latest[i] == null ? -1 : Versions.dataTimestamp(latest[i]),
              latest[i] != null && !Versions.isTombstone(latest[i]));
        } else {
          known[i] = directory == PrimaryKeyDirectory.ABSENT;
          checkConflict(write, known[i] ? -1 : PrimaryKeyDirectory.timestamp(directory),
              !known[i] && !PrimaryKeyDirectory.isTombstone(directory));
        }
        if (!write.insert() && rowLocks.lockedAfter(rowKey, write.readTs())) {
          throw concurrentUpdate();
        }
        keys[i++] = rowKey;
      }
      List<byte[]> exclusiveLocks = new java.util.ArrayList<>();
      for (Map.Entry<byte[], Transaction.LockIntent> lock : locks.entrySet()) {
        checkLockable(lock.getKey(), lock.getValue().readTs());
        if (lock.getValue().exclusive() && !writes.containsKey(lock.getKey())) {
          exclusiveLocks.add(lock.getKey());
        }
      }
      if (serializable) {
        validateReads(transaction);
      }
      if (writes.isEmpty() && exclusiveLocks.isEmpty()) {
        return;
      }
      indexes.checkUnique(transaction);
      commitTs = oracle.next();
      KvBatch batch = new KvBatch();
      long[] liveDelta = new long[n];
      i = 0;
      for (Map.Entry<byte[], Transaction.PendingWrite> entry : writes.entrySet()) {
        byte[] rowKey = entry.getKey();
        byte[] row = entry.getValue().row();
        byte[] old = known[i] ? latest[i] : versions.latest(rowKey);
        if (old != null) {
          // the superseded version moves to the history space, where older snapshots still find it
          batch.put(Space.HISTORY, Versions.historyKey(rowKey, Versions.dataTimestamp(old)),
              Versions.historyValueOf(old));
        }
        batch.put(Space.DATA, rowKey, Versions.dataValue(commitTs, row));
        indexes.addEntries(batch, rowKey, row, commitTs);
        liveDelta[i] = (row != null ? 1 : 0) - (old != null && !Versions.isTombstone(old) ? 1 : 0);
        i++;
      }
      TimestampOracle.record(batch, commitTs);
      store.write(batch, false);
      // in memory only once the batch is in: readers may see the directory behind the store, never ahead of it
      i = 0;
      for (Map.Entry<byte[], Transaction.PendingWrite> entry : writes.entrySet()) {
        byte[] rowKey = entry.getKey();
        PrimaryKeyDirectory directory = directories.forRowKey(rowKey);
        if (directory != null) {
          directory.record(rowKey, commitTs, entry.getValue().row() == null);
        }
        if (liveDelta[i] != 0) {
          directories.addLiveRows(TableKeys.tableIdOf(rowKey), liveDelta[i]);
        }
        i++;
      }
      groupCommit.written(commitTs);
      recentCommits.addLast(new CommittedWrites(commitTs, keys));
      pruneRecentCommits();
      rowLocks.record(exclusiveLocks, commitTs);
      rowLocks.prune(oldestSnapshot());
      if (!syncCommits) {
        groupCommit.publishUnsynced(commitTs);
      }
    }
    if (syncCommits) {
      groupCommit.awaitDurable(commitTs);
    }
  }

  /**
   * Throws 40001 if the row at {@code rowKey} was written, or exclusively locked, by a commit after {@code readTs}:
   * a row a transaction locks ({@link Transaction#lock}) must be unchanged since the snapshot it was read at.
   */
  void checkLockable(byte[] rowKey, long readTs) {
    long directory = directories.lookup(rowKey);
    long latestTs;
    if (directory == PrimaryKeyDirectory.UNKNOWN) {
      byte[] latest = versions.latest(rowKey);
      latestTs = latest == null ? -1 : Versions.dataTimestamp(latest);
    } else {
      latestTs = directory == PrimaryKeyDirectory.ABSENT ? -1 : PrimaryKeyDirectory.timestamp(directory);
    }
    if (latestTs > readTs || rowLocks.lockedAfter(rowKey, readTs)) {
      throw concurrentUpdate();
    }
  }

  private static SerializationFailureException concurrentUpdate() {
    return new SerializationFailureException("could not serialize access due to concurrent update");
  }

  /** The oldest snapshot an active transaction reads at, or the visible timestamp if none is active. */
  private long oldestSnapshot() {
    synchronized (snapshots) {
      return snapshots.isEmpty() ? oracle.visible() : Math.min(snapshots.firstKey(), oracle.visible());
    }
  }

  /** Number of rows whose exclusive lock by a recent commit is still remembered; for tests. */
  int rememberedLocks() {
    return rowLocks.size();
  }

  /**
   * First committer wins, given the newest version's commit timestamp (-1 if none) and whether it is a live row.
   */
  private static void checkConflict(Transaction.PendingWrite write, long latestTs, boolean latestIsRow) {
    if (write.insert()) {
      if (latestIsRow) {
        throw new ConstraintViolationException(ConstraintViolationException.Kind.UNIQUE,
            "duplicate key value violates unique constraint", write.keyDescription());
      }
      return;
    }
    if (latestTs > write.readTs()) {
      throw concurrentUpdate();
    }
  }

  /** SERIALIZABLE: nothing this transaction read may have been written by a commit after its snapshot. */
  private void validateReads(Transaction transaction) {
    long snapshot = transaction.snapshotTs();
    for (CommittedWrites commit : recentCommits) {
      if (commit.commitTs() <= snapshot) {
        continue;
      }
      for (byte[] key : commit.keys()) {
        if (transaction.readKeys().contains(key) || inRanges(transaction.readRanges(), key)) {
          throw new SerializationFailureException(
              "could not serialize access due to read/write dependencies among transactions");
        }
      }
    }
  }

  private static boolean inRanges(List<byte[][]> ranges, byte[] key) {
    for (byte[][] range : ranges) {
      if (Arrays.compareUnsigned(key, range[0]) >= 0 && Arrays.compareUnsigned(key, range[1]) < 0) {
        return true;
      }
    }
    return false;
  }

  /** Drops write sets no SERIALIZABLE transaction can need: those at or before every such snapshot. */
  private void pruneRecentCommits() {
    long keepAfter;
    synchronized (snapshots) {
      keepAfter = serializableSnapshots.isEmpty() ? oracle.visible() : serializableSnapshots.firstKey();
    }
    while (!recentCommits.isEmpty() && recentCommits.peekFirst().commitTs() <= keepAfter) {
      recentCommits.removeFirst();
    }
  }

  void ended(Transaction transaction, long snapshotTs) {
    synchronized (snapshots) {
      decrement(snapshots, snapshotTs);
      if (transaction.isolation() == IsolationLevel.SERIALIZABLE) {
        decrement(serializableSnapshots, snapshotTs);
      }
    }
    active.remove(transaction);
  }

  /**
   * Creates {@code spec} (its id is assigned here): writes its entries for every row version and publishes it, all
   * under the commit lock, so commits wait for the build (as PostgreSQL's CREATE INDEX blocks writers of the table).
   *
   * @throws CatalogException DUPLICATE_TABLE on a name clash, UNDEFINED_TABLE for an unknown table
   * @throws ConstraintViolationException UNIQUE if a unique index would be violated by existing rows
   */
  public IndexDef createIndex(IndexDef spec) {
    requireNonNull(spec, "spec");
    synchronized (commitLock) {
      catalog.checkIndexName(spec.name());
      TableDef table = catalog.table(spec.tableName()).orElseThrow(() -> new CatalogException(
          CatalogException.Kind.UNDEFINED_TABLE, "relation \"" + spec.tableName() + "\" does not exist"));
      IndexDef def = spec.withId(catalog.reserveIndexId());
      indexes.backfill(table, def);
      return catalog.addIndex(def);
    }
  }

  /** Drops an index and its entries, between commits; see {@link Catalog#dropIndex}. */
  public boolean dropIndex(String name, boolean ifExists) {
    synchronized (commitLock) {
      return catalog.dropIndex(name, ifExists) != null;
    }
  }

  /** Runs {@code work} while no commit can be applied and returns its result; ALTER TABLE runs so. */
  <T> T locked(java.util.function.Supplier<T> work) {
    synchronized (commitLock) {
      return work.get();
    }
  }

  /** Re-keys {@code old}'s rows as {@code keyed} says, under the commit lock; see {@link TableRewrite}. */
  TableDef rekey(TableDef old, TableDef keyed) {
    synchronized (commitLock) {
      return new TableRewrite(this, store).rekey(old, keyed, oracle, groupCommit);
    }
  }

  /** Throws NOT_NULL if a committed row of {@code table} holds NULL in {@code column}; under the commit lock. */
  void checkNoNulls(TableDef table, int column) {
    synchronized (commitLock) {
      Transaction reader = begin(IsolationLevel.READ_COMMITTED);
      try (RowCursor cursor = reader.scan(table)) {
        for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
          if (row[column] == null) {
            throw new ConstraintViolationException(ConstraintViolationException.Kind.NOT_NULL,
                "column \"" + table.columns().get(column).name() + "\" of relation \"" + table.name()
                    + "\" contains null values", null);
          }
        }
      } finally {
        reader.rollback();
      }
    }
  }

  /** Forgets the cached last row id of a table that was re-keyed; the next insert reads it from the store. */
  void forgetRowIds(TableDef table) {
    rowIds.remove(table.id());
  }

  /** ALTER TABLE: column and constraint changes of existing tables. */
  public TableAlterations alterations() {
    return new TableAlterations(this);
  }

  /** Runs {@code work} while no commit can be applied; the garbage collector's re-checks use it. */
  void underCommitLock(Runnable work) {
    synchronized (commitLock) {
      work.run();
    }
  }

  VersionedStore versions() {
    return versions;
  }

  TableDirectories directories() {
    return directories;
  }

  Catalog catalog() {
    return catalog;
  }

  IndexMaintenance indexes() {
    return indexes;
  }

  /** Whether {@code table} has an ALEX primary-key directory. */
  public boolean hasDirectory(TableDef table) {
    return directories.forTable(table.id()) != null;
  }

  /** Estimated heap bytes of every primary-key directory. */
  public long directoryBytes() {
    return directories.memoryBytes();
  }

  /** How long building the primary-key directories and row counts took when the engine opened. */
  public java.time.Duration directoryLoadTime() {
    return java.time.Duration.ofNanos(directories.loadNanos());
  }

  /** The number of live rows of {@code table} in the latest committed state (maintained at commit). */
  public long liveRowCount(TableDef table) {
    return directories.liveRows(table.id());
  }

  /** The smallest primary key of a live row of a table with a directory, if any. */
  public java.util.OptionalLong minKey(TableDef table) {
    PrimaryKeyDirectory directory = directories.forTable(table.id());
    return directory == null ? java.util.OptionalLong.empty() : directory.minLiveKey();
  }

  /** The largest primary key of a live row of a table with a directory, if any. */
  public java.util.OptionalLong maxKey(TableDef table) {
    PrimaryKeyDirectory directory = directories.forTable(table.id());
    return directory == null ? java.util.OptionalLong.empty() : directory.maxLiveKey();
  }

  /** Number of transactions not yet committed or rolled back. */
  public int activeCount() {
    return active.size();
  }

  private static void increment(TreeMap<Long, Integer> counts, long ts) {
    counts.merge(ts, 1, Integer::sum);
  }

  private static void decrement(TreeMap<Long, Integer> counts, long ts) {
    counts.computeIfPresent(ts, (k, v) -> v == 1 ? null : v - 1);
  }

  @Override
  public void close() {
    for (Transaction transaction : active.toArray(new Transaction[0])) {
      transaction.rollback();
    }
  }
}
