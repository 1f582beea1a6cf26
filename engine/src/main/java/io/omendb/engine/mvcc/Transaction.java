package io.omendb.engine.mvcc;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.ConstraintViolationException;
import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.catalog.TableKeys;
import io.omendb.engine.codec.KeyCodec;
import io.omendb.engine.codec.RowCodec;
import io.omendb.engine.storage.KvBatch;
import io.omendb.engine.storage.KvCursor;
import io.omendb.engine.storage.KvSnapshot;
import io.omendb.engine.storage.KvStore;
import io.omendb.engine.storage.Space;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A unit of work: reads see the snapshot taken at begin merged with this transaction's own writes; writes are
 * buffered and applied atomically at {@link #commit()}. Used by one thread at a time.
 *
 * <p>Versioned storage with first-committer-wins conflict detection replaces the plain snapshot in the MVCC
 * issue; callers already hold a transaction for every read and write, so they do not change.
 */
public final class Transaction implements AutoCloseable {
  /** Marks a key this transaction deleted. */
  private static final byte[] TOMBSTONE = new byte[0];

  private final TransactionManager manager;
  private final KvStore store;
  private final KvSnapshot snapshot;
  private final NavigableMap<byte[], byte[]> writes = new TreeMap<>(Arrays::compareUnsigned);
  /** Keys inserted where the snapshot had none: they must still be absent when we commit. */
  private final TreeSet<byte[]> insertedKeys = new TreeSet<>(Arrays::compareUnsigned);
  private final TreeMap<byte[], String> insertedKeyDescriptions = new TreeMap<>(Arrays::compareUnsigned);
  private TransactionState state = TransactionState.ACTIVE;

  Transaction(TransactionManager manager, KvStore store, KvSnapshot snapshot) {
    this.manager = manager;
    this.store = store;
    this.snapshot = snapshot;
  }

  public TransactionState state() {
    return state;
  }

  /** The row with primary key {@code key} as this transaction sees it, or null. */
  public Object[] get(TableDef table, Object[] key) {
    checkActive();
    byte[] value = read(rowKey(table, key));
    return value == null ? null : RowCodec.decode(types(table), value);
  }

  /** All rows of {@code table} in primary-key order, as this transaction sees them. The caller closes the cursor. */
  public RowCursor scan(TableDef table) {
    checkActive();
    byte[] from = TableKeys.tablePrefix(table.id());
    byte[] to = TableKeys.tablePrefix(table.id() + 1);
    KvCursor stored = store.scan(snapshot, Space.DATA, from, to);
    return new MergingRowCursor(stored, writes.subMap(from, true, to, false), types(table));
  }

  /**
   * Inserts a row (values in column order).
   *
   * @throws ConstraintViolationException NOT_NULL for a null in a NOT NULL column, UNIQUE for a duplicate key
   */
  public void insert(TableDef table, Object[] row) {
    checkActive();
    Object[] values = checkRow(table, row);
    byte[] key;
    if (table.hasRowId()) {
      key = rowIdKey(table, manager.nextRowId(table));
    } else {
      key = rowKey(table, table.keyOf(values));
      if (read(key) != null) {
        throw duplicateKey(table, values);
      }
      if (!writes.containsKey(key)) {
        insertedKeys.add(key);
        insertedKeyDescriptions.put(key, describeKey(table, values));
      }
    }
    writes.put(key, RowCodec.encode(types(table), values));
  }

  /** Deletes the row with primary key {@code key}; returns whether it existed. */
  public boolean delete(TableDef table, Object[] key) {
    checkActive();
    return deleteKey(rowKey(table, key));
  }

  private boolean deleteKey(byte[] key) {
    if (read(key) == null) {
      return false;
    }
    if (insertedKeys.remove(key)) {
      writes.remove(key);
      insertedKeyDescriptions.remove(key);
    } else {
      writes.put(key, TOMBSTONE);
    }
    return true;
  }

  /** Makes this transaction's writes durable and visible, atomically. */
  public void commit() {
    checkActive();
    try {
      KvBatch batch = new KvBatch();
      writes.forEach((key, value) -> {
        if (value == TOMBSTONE) {
          batch.delete(Space.DATA, key);
        } else {
          batch.put(Space.DATA, key, value);
        }
      });
      manager.commit(this, batch, this::checkInsertedKeysStillAbsent);
      state = TransactionState.COMMITTED;
    } finally {
      if (state != TransactionState.COMMITTED) {
        state = TransactionState.ROLLED_BACK;
      }
      release();
    }
  }

  /** Discards this transaction's writes. Safe to call more than once. */
  public void rollback() {
    if (state == TransactionState.ACTIVE) {
      state = TransactionState.ROLLED_BACK;
      release();
    }
  }

  @Override
  public void close() {
    rollback();
  }

  private void checkInsertedKeysStillAbsent() {
    for (byte[] key : insertedKeys) {
      if (store.get(Space.DATA, key) != null) {
        throw new ConstraintViolationException(ConstraintViolationException.Kind.UNIQUE,
            "duplicate key value violates unique constraint", insertedKeyDescriptions.get(key));
      }
    }
  }

  private void release() {
    writes.clear();
    insertedKeys.clear();
    snapshot.close();
    manager.ended(this);
  }

  private byte[] read(byte[] key) {
    byte[] own = writes.get(key);
    if (own != null) {
      return own == TOMBSTONE ? null : own;
    }
    return store.get(snapshot, Space.DATA, key);
  }

  private void checkActive() {
    if (state != TransactionState.ACTIVE) {
      throw new IllegalStateException("transaction is " + state);
    }
  }

  private static Object[] checkRow(TableDef table, Object[] row) {
    requireNonNull(row, "row");
    List<ColumnDef> columns = table.columns();
    if (row.length != columns.size()) {
      throw new IllegalArgumentException(
          "table " + table.name() + " has " + columns.size() + " columns, row has " + row.length);
    }
    Object[] values = new Object[row.length];
    for (int i = 0; i < row.length; i++) {
      ColumnDef column = columns.get(i);
      if (row[i] == null && !column.nullable()) {
        throw new ConstraintViolationException(ConstraintViolationException.Kind.NOT_NULL,
            "null value in column \"" + column.name() + "\" of relation \"" + table.name()
                + "\" violates not-null constraint", null);
      }
      values[i] = Values.coerce(column.type(), row[i]);
    }
    return values;
  }

  private static ConstraintViolationException duplicateKey(TableDef table, Object[] row) {
    return new ConstraintViolationException(ConstraintViolationException.Kind.UNIQUE,
        "duplicate key value violates unique constraint \"" + table.name() + "_pkey\"", describeKey(table, row));
  }

  private static String describeKey(TableDef table, Object[] row) {
    StringBuilder names = new StringBuilder();
    StringBuilder values = new StringBuilder();
    for (int k : table.primaryKey()) {
      if (names.length() > 0) {
        names.append(", ");
        values.append(", ");
      }
      names.append(table.columns().get(k).name());
      values.append(row[k]);
    }
    return "Key (" + names + ")=(" + values + ") already exists.";
  }

  static List<ColumnType> types(TableDef table) {
    return table.columns().stream().map(ColumnDef::type).toList();
  }

  private static byte[] rowKey(TableDef table, Object[] key) {
    if (table.hasRowId()) {
      throw new IllegalArgumentException("table " + table.name() + " has no primary key");
    }
    int[] pk = table.primaryKey();
    ColumnType[] keyTypes = new ColumnType[pk.length];
    Object[] keyValues = new Object[pk.length];
    for (int i = 0; i < pk.length; i++) {
      keyTypes[i] = table.columns().get(pk[i]).type();
      keyValues[i] = Values.coerce(keyTypes[i], key[i]);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(16);
    out.writeBytes(TableKeys.tablePrefix(table.id()));
    KeyCodec.encode(List.of(keyTypes), keyValues, out);
    return out.toByteArray();
  }

  private static byte[] rowIdKey(TableDef table, long rowId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16);
    out.writeBytes(TableKeys.tablePrefix(table.id()));
    KeyCodec.encode(List.of(ColumnType.BIGINT), new Object[] {rowId}, out);
    return out.toByteArray();
  }
}
