package io.omendb.engine.mvcc;

import io.omendb.engine.ConstraintViolationException;
import io.omendb.engine.catalog.Catalog;
import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.RowLayout;
import io.omendb.engine.catalog.IndexDef;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.catalog.TableKeys;
import io.omendb.engine.codec.KeyCodec;
import io.omendb.engine.codec.RowCodec;
import io.omendb.engine.storage.KvBatch;
import io.omendb.engine.storage.KvCursor;
import io.omendb.engine.storage.KvStore;
import io.omendb.engine.storage.Space;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.Optional;

/**
 * Secondary index entries: their layout ({@code index id ‖ encoded index columns ‖ encoded primary key}, value the
 * commit timestamp of the row version that last wrote the entry, 8 bytes; empty in entries written before it was
 * recorded), the entries a commit adds, unique checks, backfill, and whether an entry is still needed.
 *
 * <p>Entries are not versioned: the timestamp only lets a covering scan tell that an entry belongs to the row's
 * newest version (see {@link IndexRowCursor}). A commit adds the entries of every new row version and leaves the entries of the
 * versions it supersedes; every reader re-checks a hit against the row version its snapshot sees, so an entry whose
 * values that version no longer has is skipped. The garbage collector deletes an entry once no version of its row
 * (newest or history) has its values, under the commit lock.
 */
final class IndexMaintenance {
  /** The value of an entry that records no timestamp (as all entries did before); covering scans re-check it. */
  static final byte[] EMPTY = new byte[0];
  private static final int TS_BYTES = Long.BYTES;
  private static final int BACKFILL_BATCH = 10_000;

  private final KvStore store;
  private final Catalog catalog;
  private final VersionedStore versions;

  IndexMaintenance(KvStore store, Catalog catalog, VersionedStore versions) {
    this.store = store;
    this.catalog = catalog;
    this.versions = versions;
  }

  // ---- layout ----

  static List<ColumnType> types(TableDef table, IndexDef index) {
    List<ColumnDef> columns = table.columns();
    return Arrays.stream(index.columns()).mapToObj(c -> columns.get(c).type()).toList();
  }

  /** {@code index id ‖ encoded values}: the prefix of every entry with these index values. */
  static byte[] valuesPrefix(TableDef table, IndexDef index, Object[] values) {
    List<ColumnType> types = types(table, index);
    Object[] coerced = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      coerced[i] = Values.coerce(types.get(i), values[i]);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(24);
    out.writeBytes(TableKeys.indexPrefix(index.id()));
    KeyCodec.encode(types, coerced, out);
    return out.toByteArray();
  }

  /** The entry of the row stored under {@code rowKey} with the given values prefix. */
  static byte[] entryKey(byte[] valuesPrefix, byte[] rowKey) {
    byte[] entry = Arrays.copyOf(valuesPrefix, valuesPrefix.length + rowKey.length - TableKeys.PREFIX_LENGTH);
    System.arraycopy(rowKey, TableKeys.PREFIX_LENGTH, entry, valuesPrefix.length,
        rowKey.length - TableKeys.PREFIX_LENGTH);
    return entry;
  }

  /** Where the encoded values of {@code entry} end (the length of its values prefix). */
  static int valuesEnd(List<ColumnType> indexTypes, byte[] entry) {
    return KeyCodec.skip(indexTypes, entry, TableKeys.PREFIX_LENGTH);
  }

  static byte[] rowKeyOf(int tableId, byte[] entry, int valuesEnd) {
    byte[] rowKey = Arrays.copyOf(TableKeys.tablePrefix(tableId), TableKeys.PREFIX_LENGTH + entry.length - valuesEnd);
    System.arraycopy(entry, valuesEnd, rowKey, TableKeys.PREFIX_LENGTH, entry.length - valuesEnd);
    return rowKey;
  }

  /** Whether {@code row} (decoded) has exactly the index values encoded in {@code entry}'s first bytes. */
  static boolean matches(TableDef table, IndexDef index, Object[] row, byte[] entry, int valuesEnd) {
    byte[] prefix = valuesPrefix(table, index, index.valuesOf(row));
    return prefix.length == valuesEnd && Arrays.equals(prefix, 0, valuesEnd, entry, 0, valuesEnd);
  }

  /** An entry's value: the commit timestamp of the version writing it. */
  static byte[] entryValue(long commitTs) {
    byte[] value = new byte[TS_BYTES];
    Versions.putLong(value, 0, commitTs);
    return value;
  }

  /** The commit timestamp recorded in an entry's value, or -1 for an entry without one. */
  static long entryTimestamp(byte[] value) {
    return value == null || value.length != TS_BYTES ? -1 : Versions.getLong(value, 0);
  }

  static boolean anyNull(Object[] values) {
    for (Object value : values) {
      if (value == null) {
        return true;
      }
    }
    return false;
  }

  // ---- commit ----

  /**
   * Adds the entries of a new row version committed at {@code commitTs} (nothing for a delete) to a commit's batch;
   * an entry whose values did not change is rewritten with the new timestamp.
   */
  void addEntries(KvBatch batch, byte[] rowKey, byte[] row, long commitTs) {
    if (row == null) {
      return;
    }
    Optional<TableDef> table = catalog.tableById(TableKeys.tableIdOf(rowKey));
    if (table.isEmpty()) {
      return;
    }
    List<IndexDef> indexes = catalog.indexes(table.get().name());
    if (indexes.isEmpty()) {
      return;
    }
    Object[] values = RowCodec.decode(Transaction.types(table.get()), row);
    for (IndexDef index : indexes) {
      batch.put(Space.INDEX, entryKey(valuesPrefix(table.get(), index, index.valuesOf(values)), rowKey),
          entryValue(commitTs));
    }
  }

  /**
   * Under the commit lock: no new row of {@code transaction} may share the non-null values of a unique index with a
   * live row in the latest committed state that the transaction does not itself overwrite. (Its own rows were checked
   * against each other as they were written, and are again here.)
   */
  void checkUnique(Transaction transaction) {
    Map<byte[], Transaction.PendingWrite> writes = transaction.writes();
    Map<Integer, TreeMap<byte[], byte[]>> seen = new HashMap<>();
    for (Map.Entry<byte[], Transaction.PendingWrite> entry : writes.entrySet()) {
      byte[] row = entry.getValue().row();
      if (row == null) {
        continue;
      }
      byte[] rowKey = entry.getKey();
      Optional<TableDef> table = catalog.tableById(TableKeys.tableIdOf(rowKey));
      if (table.isEmpty()) {
        continue;
      }
      List<IndexDef> indexes = catalog.indexes(table.get().name());
      if (indexes.isEmpty()) {
        continue;
      }
      Object[] values = RowCodec.decode(Transaction.types(table.get()), row);
      for (IndexDef index : indexes) {
        Object[] indexValues = index.valuesOf(values);
        if (!index.unique() || anyNull(indexValues)) {
          continue;
        }
        byte[] prefix = valuesPrefix(table.get(), index, indexValues);
        byte[] ownHolder = seen.computeIfAbsent(index.id(), id -> new TreeMap<>(Arrays::compareUnsigned))
            .putIfAbsent(prefix, rowKey);
        if (ownHolder != null || findHolder(table.get(), index, prefix, rowKey, writes, -1) != null) {
          throw violation(table.get(), index, indexValues);
        }
      }
    }
  }

  /**
   * A row other than {@code rowKey}, not among {@code own} writes, holding the values {@code prefix} of {@code index}:
   * in the latest committed state when {@code snapshotTs} is negative, else as seen at {@code snapshotTs}; or null.
   */
  byte[] findHolder(TableDef table, IndexDef index, byte[] prefix, byte[] rowKey,
      Map<byte[], Transaction.PendingWrite> own, long snapshotTs) {
    RowLayout rowTypes = Transaction.types(table);
    try (KvCursor cursor = store.scan(null, Space.INDEX, prefix, KeyCodec.prefixEnd(prefix))) {
      while (cursor.next()) {
        byte[] entry = cursor.key();
        byte[] other = rowKeyOf(table.id(), entry, prefix.length);
        if (Arrays.equals(other, rowKey) || own.containsKey(other)) {
          continue;
        }
        byte[] otherRow;
        if (snapshotTs < 0) {
          byte[] latest = versions.latest(other);
          otherRow = latest == null || Versions.isTombstone(latest) ? null : Versions.decodeData(latest).row();
        } else {
          otherRow = versions.get(other, snapshotTs);
        }
        if (otherRow != null && matches(table, index, RowCodec.decode(rowTypes, otherRow), entry, prefix.length)) {
          return other;
        }
      }
    }
    return null;
  }

  static ConstraintViolationException violation(TableDef table, IndexDef index, Object[] values) {
    return new ConstraintViolationException(ConstraintViolationException.Kind.UNIQUE,
        "duplicate key value violates unique constraint \"" + index.name() + "\"",
        "Key " + describe(table, index, values) + " already exists.");
  }

  static String describe(TableDef table, IndexDef index, Object[] values) {
    StringBuilder names = new StringBuilder();
    StringBuilder text = new StringBuilder();
    int[] columns = index.columns();
    for (int i = 0; i < columns.length; i++) {
      if (i > 0) {
        names.append(", ");
        text.append(", ");
      }
      names.append(table.columns().get(columns[i]).name());
      text.append(values[i]);
    }
    return "(" + names + ")=(" + text + ")";
  }

  // ---- build ----

  /**
   * Writes the entries of every version of {@code table}'s rows (newest and history, so older snapshots find theirs
   * too) for the new {@code index}; for a unique index, then checks that no two live rows share non-null values.
   * Called under the commit lock, so no commit interleaves. On failure the written entries are deleted.
   *
   * @return the number of entries written
   * @throws ConstraintViolationException UNIQUE if a unique index would be violated
   */
  long backfill(TableDef table, IndexDef index) {
    byte[] indexFrom = TableKeys.indexPrefix(index.id());
    byte[] indexTo = TableKeys.indexPrefix(index.id() + 1);
    try {
      long written = writeEntries(table, index);
      if (index.unique()) {
        checkNoDuplicates(table, index, indexFrom, indexTo);
      }
      return written;
    } catch (RuntimeException e) {
      store.write(new KvBatch().deleteRange(Space.INDEX, indexFrom, indexTo), false);
      throw e;
    }
  }

  private long writeEntries(TableDef table, IndexDef index) {
    RowLayout rowTypes = Transaction.types(table);
    byte[] from = TableKeys.tablePrefix(table.id());
    byte[] to = TableKeys.tablePrefix(table.id() + 1);
    long written = 0;
    KvBatch batch = new KvBatch();
    // history first, newest last: an entry shared by several versions ends with the newest one's timestamp
    try (KvCursor cursor = store.scan(null, Space.HISTORY, from, to)) {
      while (cursor.next()) {
        Versions.Version version = Versions.decodeHistory(cursor.key(), cursor.value());
        if (!version.isTombstone()) {
          Object[] row = RowCodec.decode(rowTypes, version.row());
          byte[] rowKey = Versions.rowKeyOfHistory(cursor.key());
          batch.put(Space.INDEX, entryKey(valuesPrefix(table, index, index.valuesOf(row)), rowKey),
              entryValue(version.commitTs()));
          batch = flushIfFull(batch);
          written++;
        }
      }
    }
    try (KvCursor cursor = store.scan(null, Space.DATA, from, to)) {
      while (cursor.next()) {
        byte[] value = cursor.value();
        if (!Versions.isTombstone(value)) {
          Object[] row = RowCodec.decode(rowTypes, Versions.decodeData(value).row());
          batch.put(Space.INDEX, entryKey(valuesPrefix(table, index, index.valuesOf(row)), cursor.key()),
              entryValue(Versions.dataTimestamp(value)));
          batch = flushIfFull(batch);
          written++;
        }
      }
    }
    if (!batch.isEmpty()) {
      store.write(batch, false);
    }
    return written;
  }

  private KvBatch flushIfFull(KvBatch batch) {
    if (batch.ops().size() < BACKFILL_BATCH) {
      return batch;
    }
    store.write(batch, false);
    return new KvBatch();
  }

  /** Entries are in value order, so two live rows with equal values have adjacent live entries. */
  private void checkNoDuplicates(TableDef table, IndexDef index, byte[] indexFrom, byte[] indexTo) {
    RowLayout rowTypes = Transaction.types(table);
    List<ColumnType> indexTypes = types(table, index);
    byte[] previous = null;
    try (KvCursor cursor = store.scan(null, Space.INDEX, indexFrom, indexTo)) {
      while (cursor.next()) {
        byte[] entry = cursor.key();
        int valuesEnd = valuesEnd(indexTypes, entry);
        Object[] indexValues = KeyCodec.decode(indexTypes, entry, TableKeys.PREFIX_LENGTH);
        if (anyNull(indexValues)) {
          continue;
        }
        byte[] latest = versions.latest(rowKeyOf(table.id(), entry, valuesEnd));
        if (latest == null || Versions.isTombstone(latest)
            || !matches(table, index, RowCodec.decode(rowTypes, Versions.decodeData(latest).row()), entry, valuesEnd)) {
          continue;
        }
        byte[] values = Arrays.copyOf(entry, valuesEnd);
        if (Arrays.equals(values, previous)) {
          throw new ConstraintViolationException(ConstraintViolationException.Kind.UNIQUE,
              "could not create unique index \"" + index.name() + "\"",
              "Key " + describe(table, index, indexValues) + " is duplicated.");
        }
        previous = values;
      }
    }
  }

  // ---- garbage collection ----

  /**
   * Whether some version of the entry's row, newest or in history, has the entry's values; an entry for which none
   * does can be deleted (every snapshot that could see such a version keeps it in history). Entries of dropped
   * indexes or tables are never needed.
   */
  boolean isNeeded(byte[] entry, boolean newestOnly) {
    Optional<IndexDef> index = catalog.indexById(TableKeys.tableIdOf(entry));
    if (index.isEmpty()) {
      return false;
    }
    Optional<TableDef> table = catalog.table(index.get().tableName());
    if (table.isEmpty()) {
      return false;
    }
    RowLayout rowTypes = Transaction.types(table.get());
    int valuesEnd = valuesEnd(types(table.get(), index.get()), entry);
    byte[] rowKey = rowKeyOf(table.get().id(), entry, valuesEnd);
    byte[] latest = versions.latest(rowKey);
    if (latest != null && !Versions.isTombstone(latest) && matches(table.get(), index.get(),
        RowCodec.decode(rowTypes, Versions.decodeData(latest).row()), entry, valuesEnd)) {
      return true;
    }
    if (newestOnly) {
      return false;
    }
    try (KvCursor cursor = store.scan(null, Space.HISTORY, rowKey, Versions.historyEnd(rowKey))) {
      while (cursor.next()) {
        Versions.Version version = Versions.decodeHistory(cursor.key(), cursor.value());
        if (!version.isTombstone()
            && matches(table.get(), index.get(), RowCodec.decode(rowTypes, version.row()), entry, valuesEnd)) {
          return true;
        }
      }
    }
    return false;
  }
}
