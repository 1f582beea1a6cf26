package io.omendb.engine;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.catalog.Catalog;
import io.omendb.engine.catalog.CatalogException;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.Comments;
import io.omendb.engine.catalog.IndexDef;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.catalog.UnkeyableType;
import io.omendb.engine.mvcc.GarbageCollector;
import io.omendb.engine.mvcc.IndexStatistics;
import io.omendb.engine.mvcc.IsolationLevel;
import io.omendb.engine.mvcc.Transaction;
import io.omendb.engine.mvcc.TransactionManager;
import io.omendb.engine.storage.KvStore;
import io.omendb.engine.users.RoleStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An open database: the store, its catalog, the transactions over them and the garbage collector of dead
 * versions. One per data directory per process.
 *
 * <p>Owns the {@link KvStore}; {@link #close()} stops the collector, rolls back open transactions and then closes
 * the store.
 */
public final class Engine implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Engine.class.getName());

  private final EngineOptions options;
  private final KvStore store;
  private final Catalog catalog;
  private final RoleStore roles;
  private final Comments comments;
  private final TransactionManager transactions;
  private final GarbageCollector garbageCollector;
  private final IndexStatistics indexStatistics;
  private final ScheduledExecutorService gcThread;

  private Engine(EngineOptions options, KvStore store) {
    this.options = options;
    this.store = store;
    this.catalog = new Catalog(store);
    this.roles = new RoleStore(store);
    catalog.addListener(roles);
    this.comments = new Comments(store);
    catalog.addListener(comments);
    this.transactions = new TransactionManager(store, catalog, options.syncCommits(), options.alexDirectories(),
        options.rowCacheBytes(), options.historyRetention());
    this.garbageCollector = new GarbageCollector(transactions, store);
    this.indexStatistics = new IndexStatistics(store);
    if (options.gcInterval().isZero()) {
      this.gcThread = null;
    } else {
      this.gcThread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "omendb-gc");
        thread.setDaemon(true);
        return thread;
      });
      long millis = options.gcInterval().toMillis();
      gcThread.scheduleWithFixedDelay(this::collectGarbage, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  /** Opens the database in {@code options.dataDir()}, creating it if needed. */
  public static Engine open(EngineOptions options) {
    requireNonNull(options, "options");
    KvStore store = KvStore.open(options.dataDir());
    try {
      return new Engine(options, store);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private void collectGarbage() {
    try {
      garbageCollector.runPass(options.gcKeysPerPass());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "garbage collection pass failed; will retry", e);
    }
  }

  public EngineOptions options() {
    return options;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** The persisted roles and table ACLs. */
  public RoleStore roles() {
    return roles;
  }

  /** Starts a REPEATABLE READ (snapshot isolation) transaction. */
  public Transaction begin() {
    return transactions.begin();
  }

  /** Starts a transaction at the given isolation level. */
  public Transaction begin(IsolationLevel isolation) {
    return transactions.begin(isolation);
  }

  /**
   * Starts a read-only transaction seeing the database as of commit timestamp {@code ts} (microseconds since the
   * epoch); see {@link TransactionManager#beginAsOf}.
   */
  public Transaction beginAsOf(long ts) {
    return transactions.beginAsOf(ts);
  }

  /** Whether point reads and commits of {@code table} use an ALEX primary-key directory (one integer-like key column). */
  public boolean hasAlexDirectory(TableDef table) {
    return transactions.hasDirectory(requireNonNull(table, "table"));
  }

  /** Estimated heap bytes of all ALEX primary-key directories. */
  public long alexDirectoryBytes() {
    return transactions.directoryBytes();
  }

  /** How long rebuilding the primary-key directories and row counts took when this engine opened. */
  public Duration alexDirectoryLoadTime() {
    return transactions.directoryLoadTime();
  }

  /**
   * The number of live rows of {@code table} in the latest committed state: counted when the engine opens and kept
   * up to date by every commit, so exact for committed data (uncommitted writes are not counted).
   */
  public long estimatedRowCount(TableDef table) {
    return transactions.liveRowCount(requireNonNull(table, "table"));
  }

  /**
   * The approximate bytes {@code table}'s rows take in the store: current versions and the history older snapshots
   * may read (RocksDB's estimate of files and memtables, so small recent tables may show little).
   */
  public long approximateBytes(TableDef table) {
    requireNonNull(table, "table");
    byte[] from = io.omendb.engine.catalog.TableKeys.tablePrefix(table.id());
    byte[] to = io.omendb.engine.catalog.TableKeys.tablePrefix(table.id() + 1);
    return store.approximateSize(io.omendb.engine.storage.Space.DATA, from, to)
        + store.approximateSize(io.omendb.engine.storage.Space.HISTORY, from, to);
  }

  /** The approximate bytes the entries of a secondary {@code index} take in the store (see above). */
  public long approximateBytes(IndexDef index) {
    requireNonNull(index, "index");
    return store.approximateSize(io.omendb.engine.storage.Space.INDEX,
        io.omendb.engine.catalog.TableKeys.indexPrefix(index.id()),
        io.omendb.engine.catalog.TableKeys.indexPrefix(index.id() + 1));
  }

  /** The smallest primary key of a live row, for a table with an ALEX directory (else empty); engine value as long. */
  public OptionalLong minKey(TableDef table) {
    return transactions.minKey(requireNonNull(table, "table"));
  }

  /** The largest primary key of a live row, for a table with an ALEX directory (else empty); engine value as long. */
  public OptionalLong maxKey(TableDef table) {
    return transactions.maxKey(requireNonNull(table, "table"));
  }

  /**
   * The estimated number of distinct values of the first {@code prefixLength} columns of {@code index} among the
   * table's live rows (NULLs count as a value), sampled from the index (see {@link IndexStatistics}); at least 1.
   *
   * @throws IllegalArgumentException if {@code prefixLength} is not between 1 and the index's column count
   */
  public long distinctValues(IndexDef index, int prefixLength) {
    requireNonNull(index, "index");
    TableDef table = catalog.table(index.tableName()).orElseThrow(() -> new CatalogException(
        CatalogException.Kind.UNDEFINED_TABLE, "relation \"" + index.tableName() + "\" does not exist"));
    return indexStatistics.distinctValues(table, index, prefixLength, transactions.liveRowCount(table));
  }

  /**
   * Creates a secondary index on {@code columns} of {@code tableName} and fills it from the table's rows. Commits wait
   * while it is built. With {@code ifNotExists} an existing index of that name is returned unchanged (and null if a
   * table has that name).
   *
   * @throws CatalogException UNDEFINED_TABLE, UNDEFINED_COLUMN, UNSUPPORTED (a column type that cannot be indexed) or
   *     DUPLICATE_TABLE (a table or index has that name)
   * @throws ConstraintViolationException UNIQUE if {@code unique} and two rows share non-null values
   */
  public IndexDef createIndex(String name, String tableName, List<String> columns, boolean unique,
      boolean ifNotExists) {
    requireNonNull(name, "name");
    requireNonNull(tableName, "tableName");
    requireNonNull(columns, "columns");
    if (ifNotExists) {
      Optional<IndexDef> existing = catalog.index(name);
      if (existing.isPresent()) {
        return existing.get();
      }
      if (catalog.table(name).isPresent()) {
        return null;
      }
    }
    TableDef table = catalog.table(tableName).orElseThrow(() -> new CatalogException(
        CatalogException.Kind.UNDEFINED_TABLE, "relation \"" + tableName + "\" does not exist"));
    if (columns.isEmpty()) {
      throw new CatalogException(CatalogException.Kind.INVALID_DEFINITION, "an index needs at least one column");
    }
    int[] indexColumns = new int[columns.size()];
    for (int i = 0; i < indexColumns.length; i++) {
      int column = table.columnIndex(columns.get(i));
      if (column < 0) {
        throw new CatalogException(CatalogException.Kind.UNDEFINED_COLUMN,
            "column \"" + columns.get(i) + "\" does not exist");
      }
      ColumnType type = table.columns().get(column).type();
      if (!type.isKeyable()) {
        throw UnkeyableType.error(type, "an index");
      }
      indexColumns[i] = column;
    }
    try {
      return transactions.createIndex(new IndexDef(0, name, tableName, indexColumns, unique));
    } catch (CatalogException e) {
      if (ifNotExists && e.kind() == CatalogException.Kind.DUPLICATE_TABLE) {
        return catalog.index(name).orElse(null);
      }
      throw e;
    }
  }

  /**
   * Drops an index and its entries. Returns false if it did not exist and {@code ifExists} is set.
   *
   * @throws CatalogException UNDEFINED_OBJECT if it does not exist and {@code ifExists} is not set
   */
  public boolean dropIndex(String name, boolean ifExists) {
    catalog.index(requireNonNull(name, "name")).ifPresent(index -> indexStatistics.forget(index.id()));
    return transactions.dropIndex(name, ifExists);
  }

  /** The descriptions set by COMMENT ON. */
  public Comments comments() {
    return comments;
  }

  /** ALTER TABLE: adds, drops and renames columns and constraints of existing tables. */
  public io.omendb.engine.mvcc.TableAlterations alterations() {
    return transactions.alterations();
  }

  /** The transaction manager, for diagnostics (watermark, WAL syncs). */
  public TransactionManager transactions() {
    return transactions;
  }

  /** The garbage collector, for diagnostics and tests. */
  public GarbageCollector garbageCollector() {
    return garbageCollector;
  }

  @Override
  public void close() {
    // 1. Stop the collector, which reads and writes the store.
    if (gcThread != null) {
      gcThread.shutdownNow();
      try {
        gcThread.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // 2. Transactions hold cursors of the store: end them.
    transactions.close();
    // 3. The store last.
    store.close();
  }
}
