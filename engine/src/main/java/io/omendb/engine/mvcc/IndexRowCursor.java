package io.omendb.engine.mvcc;

import io.omendb.engine.catalog.RowLayout;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.IndexDef;
import io.omendb.engine.catalog.TableDef;
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

  /**
   * @param ownKeys every row key the transaction has written in the table (their stored versions are superseded)
   * @param own the transaction's own rows in the range, sorted by entry key
   */
  IndexRowCursor(KvCursor entries, TableDef table, IndexDef index, VersionedStore versions, long snapshotTs,
      Set<byte[]> ownKeys, List<OwnHit> own) {
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
      byte[] bytes = versions.get(rowKey, snapshotTs);
      if (bytes == null) {
        continue;
      }
      Object[] row = RowCodec.decode(rowTypes, bytes);
      // the re-check: an entry counts only if the version this snapshot sees still has the entry's values
      if (IndexMaintenance.matches(table, index, row, entry, valuesEnd)) {
        storedEntry = entry;
        storedRowKey = rowKey;
        storedRow = row;
        return;
      }
    }
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
