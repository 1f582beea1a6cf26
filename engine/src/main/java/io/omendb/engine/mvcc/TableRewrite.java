package io.omendb.engine.mvcc;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.ConstraintViolationException;
import io.omendb.engine.catalog.Catalog;
import io.omendb.engine.catalog.IndexDef;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.catalog.TableKeys;
import io.omendb.engine.codec.RowCodec;
import io.omendb.engine.storage.KvBatch;
import io.omendb.engine.storage.KvStore;
import io.omendb.engine.storage.Space;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Re-keys a table that already holds rows: {@code ADD PRIMARY KEY} on a rowid table, or dropping the primary key of a
 * keyed one. Runs under the commit lock: reads the newest committed rows, validates the new key (23502 for a NULL,
 * 23505 naming a duplicated key), and replaces the table's rows in one batch at a fresh commit timestamp under the
 * new keys; then rebuilds the primary-key directory and every index. Older versions are discarded, so a snapshot
 * taken before the re-key sees the table empty (PostgreSQL instead blocks readers with its lock).
 */
final class TableRewrite {
  private final TransactionManager manager;
  private final KvStore store;

  TableRewrite(TransactionManager manager, KvStore store) {
    this.manager = requireNonNull(manager, "manager");
    this.store = requireNonNull(store, "store");
  }

  /** Stores the rows of {@code old} under the keys of {@code keyed} (same id and columns) and publishes it. */
  TableDef rekey(TableDef old, TableDef keyed, TimestampOracle oracle, GroupCommit groupCommit) {
    List<Object[]> rows = liveRows(old);
    TreeMap<byte[], Object[]> byKey = new TreeMap<>(Arrays::compareUnsigned);
    long rowId = 0;
    for (Object[] row : rows) {
      byte[] key;
      if (keyed.hasRowId()) {
        key = Transaction.rowIdKey(keyed, ++rowId);
      } else {
        checkKey(keyed, row);
        key = Transaction.rowKey(keyed, keyed.keyOf(row));
      }
      if (byKey.put(key, row) != null) {
        throw new ConstraintViolationException(ConstraintViolationException.Kind.UNIQUE,
            "could not create unique index \"" + keyed.primaryKeyName() + "\"", describe(keyed, row));
      }
    }
    Catalog catalog = manager.catalog();
    List<IndexDef> indexes = catalog.indexes(old.name());
    byte[] from = TableKeys.tablePrefix(old.id());
    byte[] to = TableKeys.tablePrefix(old.id() + 1);
    long commitTs = oracle.next();
    KvBatch batch = new KvBatch()
        .deleteRange(Space.DATA, from, to)
        .deleteRange(Space.HISTORY, from, to);
    for (IndexDef index : indexes) {
      batch.deleteRange(Space.INDEX, TableKeys.indexPrefix(index.id()), TableKeys.indexPrefix(index.id() + 1));
    }
    byKey.forEach((key, row) -> batch.put(Space.DATA, key,
        Versions.dataValue(commitTs, RowCodec.encode(keyed.layout(), row))));
    TimestampOracle.record(batch, commitTs);
    store.write(batch, true);
    groupCommit.written(commitTs);
    groupCommit.publishUnsynced(commitTs);
    catalog.alterTable(old.name(), keyed, indexes);
    TableDirectories directories = manager.directories();
    directories.dropped(old);
    directories.load(store, keyed);
    manager.forgetRowIds(keyed);
    for (IndexDef index : indexes) {
      manager.indexes().backfill(keyed, index);
    }
    return keyed;
  }

  private List<Object[]> liveRows(TableDef table) {
    List<Object[]> rows = new ArrayList<>();
    Transaction reader = manager.begin(IsolationLevel.READ_COMMITTED);
    try (RowCursor cursor = reader.scan(table)) {
      for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
        rows.add(row);
      }
    } finally {
      reader.rollback();
    }
    return rows;
  }

  private static void checkKey(TableDef keyed, Object[] row) {
    for (int k : keyed.primaryKey()) {
      if (row[k] == null) {
        throw new ConstraintViolationException(ConstraintViolationException.Kind.NOT_NULL,
            "column \"" + keyed.columns().get(k).name() + "\" of relation \"" + keyed.name()
                + "\" contains null values", null);
      }
    }
  }

  private static String describe(TableDef keyed, Object[] row) {
    StringBuilder names = new StringBuilder();
    StringBuilder values = new StringBuilder();
    for (int k : keyed.primaryKey()) {
      if (names.length() > 0) {
        names.append(", ");
        values.append(", ");
      }
      names.append(keyed.columns().get(k).name());
      values.append(row[k]);
    }
    return "Key (" + names + ")=(" + values + ") is duplicated.";
  }
}
