package io.omendb.engine.mvcc;

import io.omendb.engine.catalog.RowLayout;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.IndexDef;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.catalog.TableKeys;
import io.omendb.engine.codec.KeyCodec;
import io.omendb.engine.codec.RowCodec;
import io.omendb.engine.storage.KvCursor;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The rows of a table reached through a secondary index range, in index order, as one transaction sees them: stored
 * entries re-checked against the row version its snapshot sees (stale entries skipped), merged with the
 * transaction's own new rows in the range.
 *
 * <p>When covering (every needed column is in the entry), an entry needs no row read if it is provably current for the
 * snapshot: its value is the commit timestamp of the version that wrote it, and the primary-key directory says that
 * the row's newest version is live and has exactly that timestamp, at or before the snapshot. The newest version
 * wrote this entry, so it has the entry's values, and the snapshot sees that version. Any other entry falls back to
 * the re-check. See docs/decisions/0005-covering-index-scans.md.
 */
final class IndexRowCursor implements RowCursor {
  /** One of the transaction's own rows in the range, with its entry key (the merge order). */
  record OwnHit(byte[] entry, byte[] rowKey, Object[] row) {}

  private final KvCursor entries;
  private final TableDef table;
  private final IndexDef index;
  private final RowLayout rowTypes;
  private final List<ColumnType> indexTypes;
  private final VersionedStore versions;
  private final long snapshotTs;
  private final Set<byte[]> ownKeys;
  private final Iterator<OwnHit> own;
  private OwnHit ownHead;
  private byte[] storedEntry;
  private byte[] storedRowKey;
  private Object[] storedRow;
  private byte[] currentKey;
  private final boolean[] needed;
  private final boolean covering;
  private final List<ColumnType> keyTypes;

  /**
   * @param ownKeys every row key the transaction has written in the table (their stored versions are superseded)
   * @param own the transaction's own rows in the range, sorted by entry key
   * @param needed the columns to decode (null: all); the index's own columns are always decoded for the re-check
   * @param covering whether the needed columns are all in the entry and the table has a primary-key directory
   */
  IndexRowCursor(KvCursor entries, TableDef table, IndexDef index, VersionedStore versions, long snapshotTs,
      Set<byte[]> ownKeys, List<OwnHit> own, boolean[] needed, boolean covering) {
    this.entries = entries;
    this.table = table;
    this.index = index;
    this.rowTypes = Transaction.types(table);
    this.indexTypes = IndexMaintenance.types(table, index);
    this.versions = versions;
    this.snapshotTs = snapshotTs;
    this.ownKeys = ownKeys;
    this.own = own.iterator();
    this.ownHead = this.own.hasNext() ? this.own.next() : null;
    this.needed = needed == null ? null : needed.clone();
    if (this.needed != null) {
      for (int column : index.columns()) {
        this.needed[column] = true;
      }
    }
    this.covering = covering;
    this.keyTypes = java.util.Arrays.stream(table.primaryKey()).mapToObj(k -> table.columns().get(k).type()).toList();
    advanceStored();
  }

  private void advanceStored() {
    storedEntry = null;
    while (entries.next()) {
      byte[] entry = entries.key();
      int valuesEnd = IndexMaintenance.valuesEnd(indexTypes, entry);
      byte[] rowKey = IndexMaintenance.rowKeyOf(table.id(), entry, valuesEnd);
      if (ownKeys.contains(rowKey)) {
        continue;
      }
      if (covering && isCurrent(rowKey, entries.value())) {
        storedEntry = entry;
        storedRowKey = rowKey;
        storedRow = fromEntry(entry, rowKey);
        versions.countIndexOnlyHit();
        return;
      }
      byte[] bytes = versions.get(rowKey, snapshotTs);
      if (bytes == null) {
        continue;
      }
      Object[] row = RowCodec.decode(rowTypes, bytes, needed);
      // the re-check: an entry counts only if the version this snapshot sees still has the entry's values
      if (IndexMaintenance.matches(table, index, row, entry, valuesEnd)) {
        storedEntry = entry;
        storedRowKey = rowKey;
        storedRow = row;
        return;
      }
    }
  }

  /**
   * Whether the entry was written by the row's newest version and that version is live and visible at the snapshot,
   * per the directory (the directory is never ahead of the store, so a commit in flight only causes a fallback).
   */
  private boolean isCurrent(byte[] rowKey, byte[] entryValue) {
    long writtenAt = IndexMaintenance.entryTimestamp(entryValue);
    if (writtenAt <= 0) {
      return false;
    }
    long known = versions.directoryLookup(rowKey);
    return known != PrimaryKeyDirectory.UNKNOWN && known != PrimaryKeyDirectory.ABSENT
        && !PrimaryKeyDirectory.isTombstone(known) && known == writtenAt && writtenAt <= snapshotTs;
  }

  /** A full-width row holding the entry's index values and primary key (the other columns null). */
  private Object[] fromEntry(byte[] entry, byte[] rowKey) {
    Object[] row = new Object[table.columns().size()];
    Object[] indexValues = KeyCodec.decode(indexTypes, entry, TableKeys.PREFIX_LENGTH);
    int[] columns = index.columns();
    for (int i = 0; i < columns.length; i++) {
      row[columns[i]] = indexValues[i];
    }
    Object[] keyValues = KeyCodec.decode(keyTypes, rowKey, TableKeys.PREFIX_LENGTH);
    int[] pk = table.primaryKey();
    for (int i = 0; i < pk.length; i++) {
      row[pk[i]] = keyValues[i];
    }
    return row;
  }

  @Override
  public Object[] next() {
    if (storedEntry == null && ownHead == null) {
      currentKey = null;
      return null;
    }
    if (ownHead == null || (storedEntry != null && Arrays.compareUnsigned(storedEntry, ownHead.entry()) < 0)) {
      Object[] row = storedRow;
      currentKey = storedRowKey;
      advanceStored();
      return row;
    }
    OwnHit hit = ownHead;
    ownHead = own.hasNext() ? own.next() : null;
    currentKey = hit.rowKey();
    return hit.row().clone();
  }

  @Override
  public byte[] rowKey() {
    return currentKey;
  }

  @Override
  public void close() {
    entries.close();
  }
}
