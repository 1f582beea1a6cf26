package io.omendb.engine.mvcc;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.catalog.TableKeys;
import io.omendb.engine.codec.KeyCodec;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.storage.KvBatch;
import io.omendb.engine.storage.KvStore;
import io.omendb.engine.storage.Space;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Starts transactions, serialises their commits, and allocates hidden row ids. */
public final class TransactionManager implements AutoCloseable {
  private final KvStore store;
  private final boolean syncCommits;
  private final Object commitLock = new Object();
  private final Set<Transaction> active = ConcurrentHashMap.newKeySet();
  private final Map<Integer, AtomicLong> rowIds = new ConcurrentHashMap<>();

  public TransactionManager(KvStore store, boolean syncCommits) {
    this.store = requireNonNull(store, "store");
    this.syncCommits = syncCommits;
  }

  public Transaction begin() {
    Transaction transaction = new Transaction(this, store, store.snapshot());
    active.add(transaction);
    return transaction;
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

  /** Runs the commit-time checks and writes the batch as one atomic, (by default) synced unit. */
  void commit(Transaction transaction, KvBatch batch, Runnable checks) {
    synchronized (commitLock) {
      checks.run();
      if (!batch.isEmpty()) {
        store.write(batch, syncCommits);
      }
    }
  }

  void ended(Transaction transaction) {
    active.remove(transaction);
  }

  @Override
  public void close() {
    for (Transaction transaction : active.toArray(new Transaction[0])) {
      transaction.rollback();
    }
  }
}
