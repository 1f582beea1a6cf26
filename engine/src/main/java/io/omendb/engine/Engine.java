package io.omendb.engine;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.catalog.Catalog;
import io.omendb.engine.mvcc.GarbageCollector;
import io.omendb.engine.mvcc.IsolationLevel;
import io.omendb.engine.mvcc.Transaction;
import io.omendb.engine.mvcc.TransactionManager;
import io.omendb.engine.storage.KvStore;
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
  private final TransactionManager transactions;
  private final GarbageCollector garbageCollector;
  private final ScheduledExecutorService gcThread;

  private Engine(EngineOptions options, KvStore store) {
    this.options = options;
    this.store = store;
    this.catalog = new Catalog(store);
    this.transactions = new TransactionManager(store, options.syncCommits());
    this.garbageCollector = new GarbageCollector(transactions, store);
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

  /** Starts a REPEATABLE READ (snapshot isolation) transaction. */
  public Transaction begin() {
    return transactions.begin();
  }

  /** Starts a transaction at the given isolation level. */
  public Transaction begin(IsolationLevel isolation) {
    return transactions.begin(isolation);
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
