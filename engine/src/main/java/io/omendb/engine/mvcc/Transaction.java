package io.omendb.engine.mvcc;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.ConstraintViolationException;
import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.RowLayout;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.catalog.TableKeys;
import io.omendb.engine.codec.KeyCodec;
import io.omendb.engine.codec.RowCodec;
import java.io.ByteArrayOutputStream;
import io.omendb.engine.catalog.IndexDef;
import io.omendb.engine.storage.KvCursor;
import io.omendb.engine.storage.Space;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A unit of work under multi-version concurrency control. Reads see the snapshot taken at begin (at each statement
 * under READ COMMITTED) merged with this transaction's own writes; writes are buffered and, at {@link #commit()},
 * checked (first committer wins; unique keys; under SERIALIZABLE, everything read) and applied as one atomic batch
 * with a fresh commit timestamp. Used by one thread at a time.
 */
public final class Transaction implements AutoCloseable {

  /** A buffered write: the new row bytes (null for a delete) and the snapshot it was based on. */
  record PendingWrite(byte[] row, long readTs, boolean insert, String keyDescription) {}

  /** A row locked by {@code SELECT ... FOR UPDATE/SHARE}: the snapshot it was read at and the lock's strength. */
  record LockIntent(long readTs, boolean exclusive) {}

  private final TransactionManager manager;
  private final VersionedStore versions;
  private final IsolationLevel isolation;
  private final long id;
  private long snapshotTs;
  private final NavigableMap<byte[], PendingWrite> writes = new TreeMap<>(Arrays::compareUnsigned);
  private final TreeSet<byte[]> readKeys = new TreeSet<>(Arrays::compareUnsigned);
  private final List<byte[][]> readRanges = new ArrayList<>();
  /** For each unique index: the non-null values prefix of each own new row → its row key. */
  private final Map<Integer, TreeMap<byte[], byte[]>> ownUnique = new HashMap<>();
  /** Rows locked by this transaction's reads, by row key; a lock writes no version (see {@link #lock}). */
  private final NavigableMap<byte[], LockIntent> locks = new TreeMap<>(Arrays::compareUnsigned);
  /** Tables whose rows the current statement's reads lock exclusively, resp. shared; empty for plain reads. */
  private Set<Integer> exclusiveReads = Set.of();
  private Set<Integer> sharedReads = Set.of();
  private TransactionState state = TransactionState.ACTIVE;
  /** Whether writes are refused: a transaction reading a past snapshot ({@link TransactionManager#beginAsOf}). */
  private final boolean readOnly;

  Transaction(TransactionManager manager, VersionedStore versions, IsolationLevel isolation, long id,
      long snapshotTs, boolean readOnly) {
    this.readOnly = readOnly;
    this.manager = manager;
    this.versions = versions;
    this.isolation = isolation;
    this.id = id;
    this.snapshotTs = snapshotTs;
  }

  public TransactionState state() {
    return state;
  }

  public IsolationLevel isolation() {
    return isolation;
  }

  /** Whether this transaction reads a past snapshot and refuses writes. */
  public boolean readOnly() {
    return readOnly;
  }

  /** The commit timestamp this transaction reads at. */
  public long snapshotTs() {
    return snapshotTs;
  }

  long id() {
    return id;
  }

  /** Whether the transaction has buffered writes. */
  public boolean hasWrites() {
    return !writes.isEmpty();
  }

  /**
   * Marks the start of a statement: under READ COMMITTED the transaction moves to a fresh snapshot; at the other
   * levels nothing changes.
   */
  public void beginStatement() {
    checkActive();
    if (isolation == IsolationLevel.READ_COMMITTED) {
      snapshotTs = manager.refreshSnapshot(this, snapshotTs);
    }
  }

  /** The row with primary key {@code key} as this transaction sees it, or null. */
  public Object[] get(TableDef table, Object[] key) {
    return get(table, key, null);
  }

  /**
   * As {@link #get(TableDef, Object[])}, decoding only {@code columns} (null: all); the other values of the returned
   * full-width row are null. The same holds for the other reads that take {@code columns}.
   */
  public Object[] get(TableDef table, Object[] key, int[] columns) {
    checkActive();
    byte[] rowKey = rowKey(table, key);
    if (isolation == IsolationLevel.SERIALIZABLE) {
      readKeys.add(rowKey);
    }
    byte[] value = read(rowKey);
    if (value != null) {
      lockIfLocking(table, rowKey);
    }
    return value == null ? null : RowCodec.decode(types(table), value, RowCodec.mask(table.columns().size(), columns));
  }

  /** All rows of {@code table} in primary-key order, as this transaction sees them. The caller closes the cursor. */
  public RowCursor scan(TableDef table) {
    return scan(table, null);
  }

  /** As {@link #scan(TableDef)}, decoding only {@code columns} (null: all). */
  public RowCursor scan(TableDef table, int[] columns) {
    checkActive();
    byte[] from = TableKeys.tablePrefix(table.id());
    byte[] to = TableKeys.tablePrefix(table.id() + 1);
    if (isolation == IsolationLevel.SERIALIZABLE) {
      readRanges.add(new byte[][] {from, to});
    }
    return locking(table, new MergingRowCursor(versions.scan(from, to, snapshotTs),
        writes.subMap(from, true, to, false), types(table), RowCodec.mask(table.columns().size(), columns)));
  }

  /** Whether point reads of {@code table} go through its ALEX primary-key directory. */
  public boolean usesAlex(TableDef table) {
    return manager.hasDirectory(table);
  }

  /**
   * The rows of {@code table} whose primary key lies between {@code lower} and {@code upper} (null: unbounded; see
   * {@link KeyBound} for prefix bounds), in key order, as this transaction sees them. Under SERIALIZABLE the range,
   * not the whole table, is recorded for validation. The caller closes the cursor.
   */
  public RowCursor scanRange(TableDef table, KeyBound lower, KeyBound upper) {
    return scanRange(table, lower, upper, null);
  }

  /** As {@link #scanRange(TableDef, KeyBound, KeyBound)}, decoding only {@code columns} (null: all). */
  public RowCursor scanRange(TableDef table, KeyBound lower, KeyBound upper, int[] columns) {
    checkActive();
    if (table.hasRowId()) {
      throw new IllegalArgumentException("table " + table.name() + " has no primary key to range over");
    }
    byte[][] range = KeyRanges.range(TableKeys.tablePrefix(table.id()), keyTypes(table), lower, upper);
    if (isolation == IsolationLevel.SERIALIZABLE) {
      readRanges.add(range);
    }
    return locking(table, new MergingRowCursor(versions.scan(range[0], range[1], snapshotTs),
        writes.subMap(range[0], true, range[1], false), types(table),
        RowCodec.mask(table.columns().size(), columns)));
  }

  /**
   * The rows with the given primary keys that this transaction sees, sorted by key, each once (an IN list); keys
   * without a row are left out.
   */
  public List<Object[]> getAll(TableDef table, List<Object[]> keys) {
    return getAll(table, keys, null);
  }

  /** As {@link #getAll(TableDef, List)}, decoding only {@code columns} (null: all). */
  public List<Object[]> getAll(TableDef table, List<Object[]> keys, int[] columns) {
    checkActive();
    TreeSet<byte[]> rowKeys = new TreeSet<>(Arrays::compareUnsigned);
    for (Object[] key : keys) {
      rowKeys.add(rowKey(table, key));
    }
    RowLayout types = types(table);
    boolean[] needed = RowCodec.mask(table.columns().size(), columns);
    List<Object[]> rows = new ArrayList<>(rowKeys.size());
    for (byte[] rowKey : rowKeys) {
      if (isolation == IsolationLevel.SERIALIZABLE) {
        readKeys.add(rowKey);
      }
      byte[] value = read(rowKey);
      if (value != null) {
        lockIfLocking(table, rowKey);
        rows.add(RowCodec.decode(types, value, needed));
      }
    }
    return rows;
  }

  /**
   * The rows of {@code table} whose values of {@code index}'s columns lie between {@code lower} and {@code upper}
   * (bounds over the index columns; null: unbounded), in index order (ties in primary-key order), as this transaction
   * sees them: every entry is re-checked against the row version this snapshot sees, and this transaction's own
   * writes are merged in. Under SERIALIZABLE the whole table counts as read. The caller closes the cursor.
   */
  public RowCursor scanIndex(TableDef table, IndexDef index, KeyBound lower, KeyBound upper) {
    return scanIndex(table, index, lower, upper, null);
  }

  /**
   * As {@link #scanIndex(TableDef, IndexDef, KeyBound, KeyBound)}, decoding only {@code columns} (null: all). When
   * the columns are all in the index or the primary key ({@link IndexDef#covers}) and the table has a primary-key
   * directory, this is an index-only scan: an entry written by the row's newest version, committed at or before the
   * snapshot, answers from the entry alone; only other entries read their row (see {@link IndexRowCursor}).
   */
  public RowCursor scanIndex(TableDef table, IndexDef index, KeyBound lower, KeyBound upper, int[] columns) {
    checkActive();
    if (!index.tableName().equals(table.name())) {
      throw new IllegalArgumentException("index " + index.name() + " is not on table " + table.name());
    }
    byte[] tableFrom = TableKeys.tablePrefix(table.id());
    byte[] tableTo = TableKeys.tablePrefix(table.id() + 1);
    if (isolation == IsolationLevel.SERIALIZABLE) {
      readRanges.add(new byte[][] {tableFrom, tableTo});
    }
    byte[][] range = KeyRanges.range(TableKeys.indexPrefix(index.id()), IndexMaintenance.types(table, index),
        lower, upper);
    NavigableMap<byte[], PendingWrite> ownWrites = writes.subMap(tableFrom, true, tableTo, false);
    Set<byte[]> ownKeys = new TreeSet<>(Arrays::compareUnsigned);
    ownKeys.addAll(ownWrites.keySet());
    RowLayout types = types(table);
    List<IndexRowCursor.OwnHit> own = new ArrayList<>();
    for (Map.Entry<byte[], PendingWrite> write : ownWrites.entrySet()) {
      if (write.getValue().row() == null) {
        continue;
      }
      Object[] row = RowCodec.decode(types, write.getValue().row());
      byte[] entry = IndexMaintenance.entryKey(
          IndexMaintenance.valuesPrefix(table, index, index.valuesOf(row)), write.getKey());
      if (KeyRanges.contains(range, entry)) {
        own.add(new IndexRowCursor.OwnHit(entry, write.getKey(), row));
      }
    }
    own.sort(Comparator.comparing(IndexRowCursor.OwnHit::entry, Arrays::compareUnsigned));
    KvCursor entries = versions.store().scan(null, Space.INDEX, range[0], range[1]);
    boolean covering = columns != null && index.covers(table, columns) && manager.hasDirectory(table);
    return locking(table, new IndexRowCursor(entries, table, index, versions, snapshotTs, ownKeys, own,
        RowCodec.mask(table.columns().size(), columns), covering));
  }

  /**
   * Makes the reads of the current statement lock the rows they return ({@code SELECT ... FOR UPDATE}): rows of the
   * tables in {@code exclusive} as by FOR UPDATE, rows of those in {@code shared} as by FOR SHARE (see {@link #lock}).
   * Empty sets end locking; cursors opened before the call keep their mode.
   */
  public void lockRowsReadFrom(Set<Integer> exclusive, Set<Integer> shared) {
    checkActive();
    exclusiveReads = Set.copyOf(exclusive);
    sharedReads = Set.copyOf(shared);
  }

  /**
   * Locks the row stored at {@code rowKey}, as read by this transaction's snapshot, without changing it. Under
   * snapshot isolation nothing waits: a row that a transaction committed after this snapshot fails here with
   * 40001, and at commit a locked row written (or, for an exclusive lock, exclusively locked) by a commit after the
   * snapshot fails this transaction. An exclusive lock is also remembered past the commit, so that a concurrent
   * transaction writing or locking the row fails at its own commit: first committer wins, as for writes. A shared
   * lock only guarantees that the row is unchanged until this transaction commits. Locks write no row version.
   *
   * @throws SerializationFailureException if the row was changed by a commit after this transaction's snapshot
   * @throws ReadOnlyTransactionException in a transaction reading a past snapshot
   */
  public void lock(byte[] rowKey, boolean exclusive) {
    checkActive();
    checkWritable();
    LockIntent held = locks.get(rowKey);
    if (held != null && (held.exclusive() || !exclusive)) {
      return;
    }
    PendingWrite own = writes.get(rowKey);
    long readTs = held != null ? held.readTs() : own != null ? own.readTs() : snapshotTs;
    if (own == null || !own.insert()) {
      manager.checkLockable(rowKey, readTs);
    }
    locks.put(rowKey, new LockIntent(readTs, exclusive));
  }

  private void lockIfLocking(TableDef table, byte[] rowKey) {
    if (exclusiveReads.contains(table.id())) {
      lock(rowKey, true);
    } else if (sharedReads.contains(table.id())) {
      lock(rowKey, false);
    }
  }

  private RowCursor locking(TableDef table, RowCursor rows) {
    if (exclusiveReads.contains(table.id())) {
      return new LockingRowCursor(rows, this, true);
    }
    return sharedReads.contains(table.id()) ? new LockingRowCursor(rows, this, false) : rows;
  }

  /**
   * Inserts a row (values in column order).
   *
   * @throws ConstraintViolationException NOT_NULL for a null in a NOT NULL column, UNIQUE for a duplicate key
   */
  public void insert(TableDef table, Object[] row) {
    checkActive();
    checkWritable();
    Object[] values = checkRow(table, row);
    byte[] rowKey;
    if (table.hasRowId()) {
      rowKey = rowIdKey(table, manager.nextRowId(table));
    } else {
      rowKey = rowKey(table, table.keyOf(values));
      if (read(rowKey) != null) {
        throw duplicateKey(table, values);
      }
    }
    PendingWrite earlier = writes.get(rowKey);
    checkUniqueIndexes(table, rowKey, earlier, values);
    boolean insert = earlier == null || earlier.insert();
    writes.put(rowKey, new PendingWrite(RowCodec.encode(types(table), values),
        earlier == null ? snapshotTs : earlier.readTs(), insert, table.hasRowId() ? null : describeKey(table, values)));
  }

  /** Deletes the row with primary key {@code key}; returns whether it existed. */
  public boolean delete(TableDef table, Object[] key) {
    checkActive();
    return deleteKey(rowKey(table, key));
  }

  /** Deletes the row whose storage key a {@link RowCursor} reported; returns whether it existed. */
  public boolean deleteKey(byte[] rowKey) {
    checkActive();
    checkWritable();
    if (read(rowKey) == null) {
      return false;
    }
    PendingWrite earlier = writes.get(rowKey);
    if (earlier != null && earlier.row() != null) {
      manager.catalog().tableById(TableKeys.tableIdOf(rowKey))
          .ifPresent(table -> trackUnique(table, rowKey, earlier, null));
    }
    if (earlier != null && earlier.insert()) {
      writes.remove(rowKey);
    } else {
      writes.put(rowKey, new PendingWrite(null, earlier == null ? snapshotTs : earlier.readTs(), false, null));
    }
    return true;
  }

  /**
   * Replaces the row with primary key {@code oldKey} by {@code newRow}; if the key changes this is a delete and an
   * insert. Returns whether the old row existed.
   */
  public boolean update(TableDef table, Object[] oldKey, Object[] newRow) {
    checkActive();
    checkWritable();
    Object[] values = checkRow(table, newRow);
    byte[] oldRowKey = rowKey(table, oldKey);
    if (table.hasRowId()) {
      throw new IllegalArgumentException("table " + table.name() + " has no primary key; use updateKey");
    }
    byte[] newRowKey = rowKey(table, table.keyOf(values));
    if (Arrays.equals(oldRowKey, newRowKey)) {
      return replace(table, oldRowKey, values);
    }
    if (read(oldRowKey) == null) {
      return false;
    }
    deleteKey(oldRowKey);
    insert(table, values);
    return true;
  }

  /** Replaces the row whose storage key a {@link RowCursor} reported (tables keyed by row id). */
  public boolean updateKey(TableDef table, byte[] rowKey, Object[] newRow) {
    checkActive();
    checkWritable();
    return replace(table, rowKey, checkRow(table, newRow));
  }

  private boolean replace(TableDef table, byte[] rowKey, Object[] values) {
    if (read(rowKey) == null) {
      return false;
    }
    PendingWrite earlier = writes.get(rowKey);
    checkUniqueIndexes(table, rowKey, earlier, values);
    writes.put(rowKey, new PendingWrite(RowCodec.encode(types(table), values),
        earlier == null ? snapshotTs : earlier.readTs(), earlier != null && earlier.insert(),
        table.hasRowId() ? null : describeKey(table, values)));
    return true;
  }

  /**
   * Makes this transaction's writes durable and visible, atomically.
   *
   * @throws SerializationFailureException if a concurrent transaction committed a conflicting change first
   * @throws ConstraintViolationException UNIQUE if a concurrent transaction committed the same new key first
   */
  public void commit() {
    checkActive();
    try {
      manager.commit(this);
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

  NavigableMap<byte[], PendingWrite> writes() {
    return writes;
  }

  NavigableMap<byte[], LockIntent> locks() {
    return locks;
  }

  TreeSet<byte[]> readKeys() {
    return readKeys;
  }

  List<byte[][]> readRanges() {
    return readRanges;
  }

  private void release() {
    writes.clear();
    locks.clear();
    readKeys.clear();
    readRanges.clear();
    ownUnique.clear();
    manager.ended(this, snapshotTs);
  }

  private byte[] read(byte[] rowKey) {
    PendingWrite own = writes.get(rowKey);
    if (own != null) {
      return own.row();
    }
    return versions.get(rowKey, snapshotTs);
  }

  /**
   * PostgreSQL checks unique indexes as each row is written: refuses {@code values} at {@code rowKey} if another row
   * has the same non-null values in a unique index — among this transaction's own rows, or a row it has not written
   * that is live in the latest committed state (PostgreSQL's "dirty snapshot"; it would wait for an in-progress
   * holder, we do not see those until they commit, and the commit repeats this check).
   */
  private void checkUniqueIndexes(TableDef table, byte[] rowKey, PendingWrite earlier, Object[] values) {
    List<IndexDef> indexes = manager.catalog().indexes(table.name());
    boolean anyUnique = false;
    for (IndexDef index : indexes) {
      if (!index.unique()) {
        continue;
      }
      anyUnique = true;
      Object[] indexValues = index.valuesOf(values);
      if (IndexMaintenance.anyNull(indexValues)) {
        continue;
      }
      byte[] prefix = IndexMaintenance.valuesPrefix(table, index, indexValues);
      TreeMap<byte[], byte[]> own = ownUnique.get(index.id());
      byte[] holder = own == null ? null : own.get(prefix);
      if ((holder != null && !Arrays.equals(holder, rowKey))
          || manager.indexes().findHolder(table, index, prefix, rowKey, writes, -1) != null) {
        throw IndexMaintenance.violation(table, index, indexValues);
      }
    }
    if (anyUnique) {
      trackUnique(table, rowKey, earlier, values);
    }
  }

  /** Moves {@code rowKey}'s entries in {@link #ownUnique} from its earlier own row (if any) to {@code values}. */
  private void trackUnique(TableDef table, byte[] rowKey, PendingWrite earlier, Object[] values) {
    Object[] old = earlier == null || earlier.row() == null ? null : RowCodec.decode(types(table), earlier.row());
    for (IndexDef index : manager.catalog().indexes(table.name())) {
      if (!index.unique()) {
        continue;
      }
      TreeMap<byte[], byte[]> own = ownUnique.computeIfAbsent(index.id(),
          id -> new TreeMap<>(Arrays::compareUnsigned));
      if (old != null) {
        byte[] oldPrefix = IndexMaintenance.valuesPrefix(table, index, index.valuesOf(old));
        if (Arrays.equals(own.get(oldPrefix), rowKey)) {
          own.remove(oldPrefix);
        }
      }
      if (values != null && !IndexMaintenance.anyNull(index.valuesOf(values))) {
        own.put(IndexMaintenance.valuesPrefix(table, index, index.valuesOf(values)), rowKey);
      }
    }
  }

  private static List<ColumnType> keyTypes(TableDef table) {
    return Arrays.stream(table.primaryKey()).mapToObj(k -> table.columns().get(k).type()).toList();
  }

  private void checkWritable() {
    if (readOnly) {
      throw new ReadOnlyTransactionException("cannot write in a read-only transaction reading a past snapshot");
    }
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
        "duplicate key value violates unique constraint \"" + table.primaryKeyName() + "\"",
        describeKey(table, row));
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

  /** Where the table's columns are stored in its rows: what row bytes are encoded and decoded with. */
  static RowLayout types(TableDef table) {
    return table.layout();
  }

  /** The storage key of the row with primary key {@code key}. */
  public static byte[] rowKey(TableDef table, Object[] key) {
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

  static byte[] rowIdKey(TableDef table, long rowId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16);
    out.writeBytes(TableKeys.tablePrefix(table.id()));
    KeyCodec.encode(List.of(ColumnType.BIGINT), new Object[] {rowId}, out);
    return out.toByteArray();
  }
}
