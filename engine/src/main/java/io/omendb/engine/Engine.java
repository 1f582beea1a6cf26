package io.omendb.engine;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.catalog.Catalog;
import io.omendb.engine.mvcc.Transaction;
import io.omendb.engine.mvcc.TransactionManager;
import io.omendb.engine.storage.KvStore;

/**
 * An open database: the store, its catalog and the transactions over them. One per data directory per process.
 *
 * <p>Owns the {@link KvStore}; {@link #close()} rolls back open transactions and then closes the store.
 */
public final class Engine implements AutoCloseable {
  private final EngineOptions options;
  private final KvStore store;
  private final Catalog catalog;
  private final TransactionManager transactions;

  private Engine(EngineOptions options, KvStore store) {
    this.options = options;
    this.store = store;
    this.catalog = new Catalog(store);
    this.transactions = new TransactionManager(store, options.syncCommits());
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

  public EngineOptions options() {
    return options;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** Starts a transaction reading a consistent snapshot taken now. */
  public Transaction begin() {
    return transactions.begin();
  }

  @Override
  public void close() {
    // Transactions hold snapshots and cursors of the store: end them first, then close the store.
    transactions.close();
    store.close();
  }
}
