package io.omendb.engine.mvcc;

import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.catalog.TableKeys;
import io.omendb.engine.storage.KvCursor;
import io.omendb.engine.storage.KvStore;
import io.omendb.engine.storage.Space;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-table structures kept in memory beside the store: the ALEX primary-key directory of each table that has one,
 * and the number of live rows of every table (for the cost model). Both are rebuilt at open by one scan of each
 * table's rows and maintained under the commit lock.
 */
final class TableDirectories {
  private static final System.Logger LOG = System.getLogger(TableDirectories.class.getName());

  private final Map<Integer, PrimaryKeyDirectory> directories = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicLong> liveRows = new ConcurrentHashMap<>();
  private volatile long loadNanos;
  private final boolean enabled;

  TableDirectories(boolean enabled) {
    this.enabled = enabled;
  }

  /** Builds every table's directory and row count from the data key space; returns the time taken. */
  long load(KvStore store, Collection<TableDef> tables) {
    long start = System.nanoTime();
    long rows = 0;
    for (TableDef table : tables) {
      rows += load(store, table);
    }
    loadNanos = System.nanoTime() - start;
    if (!tables.isEmpty()) {
      LOG.log(System.Logger.Level.INFO, "loaded primary-key directories of {0} tables ({1} keys) in {2} ms",
          directories.size(), rows, loadNanos / 1_000_000);
    }
    return loadNanos;
  }

  long load(KvStore store, TableDef table) {
    PrimaryKeyDirectory directory = enabled && PrimaryKeyDirectory.supports(table) ? PrimaryKeyDirectory.of(table) : null;
    long[] keys = new long[directory == null ? 0 : 1024];
    long[] payloads = new long[keys.length];
    int n = 0;
    long live = 0;
    try (KvCursor cursor = store.scan(null, Space.DATA, TableKeys.tablePrefix(table.id()),
        TableKeys.tablePrefix(table.id() + 1))) {
      while (cursor.next()) {
        byte[] value = cursor.value();
        boolean tombstone = Versions.isTombstone(value);
        if (!tombstone) {
          live++;
        }
        if (directory != null) {
          byte[] rowKey = cursor.key();
          if (PrimaryKeyDirectory.isNullKey(rowKey)) {
            continue;
          }
          if (n == keys.length) {
            keys = Arrays.copyOf(keys, n * 2);
            payloads = Arrays.copyOf(payloads, n * 2);
          }
          keys[n] = directory.key(rowKey);
          payloads[n] = PrimaryKeyDirectory.payload(Versions.dataTimestamp(value), tombstone);
          n++;
        }
      }
    }
    if (directory != null) {
      directory.bulkLoad(Arrays.copyOf(keys, n), Arrays.copyOf(payloads, n));
      directories.put(table.id(), directory);
    }
    liveRows.put(table.id(), new AtomicLong(live));
    return directory == null ? 0 : n;
  }

  void created(TableDef table) {
    if (enabled && PrimaryKeyDirectory.supports(table)) {
      directories.put(table.id(), PrimaryKeyDirectory.of(table));
    }
    liveRows.put(table.id(), new AtomicLong());
  }

  void dropped(TableDef table) {
    directories.remove(table.id());
    liveRows.remove(table.id());
  }

  /** The directory of the table {@code rowKey} belongs to, or null. */
  PrimaryKeyDirectory forRowKey(byte[] rowKey) {
    return directories.get(TableKeys.tableIdOf(rowKey));
  }

  PrimaryKeyDirectory forTable(int tableId) {
    return directories.get(tableId);
  }

  /** The directory's answer for {@code rowKey}, or {@link PrimaryKeyDirectory#UNKNOWN} if its table has none. */
  long lookup(byte[] rowKey) {
    PrimaryKeyDirectory directory = forRowKey(rowKey);
    return directory == null ? PrimaryKeyDirectory.UNKNOWN : directory.lookup(rowKey);
  }

  void addLiveRows(int tableId, long delta) {
    AtomicLong count = liveRows.get(tableId);
    if (count != null) {
      count.addAndGet(delta);
    }
  }

  long liveRows(int tableId) {
    AtomicLong count = liveRows.get(tableId);
    return count == null ? 0 : Math.max(0, count.get());
  }

  long memoryBytes() {
    return directories.values().stream().mapToLong(PrimaryKeyDirectory::memoryBytes).sum();
  }

  long loadNanos() {
    return loadNanos;
  }
}
