package io.omendb.engine.mvcc;

import io.omendb.engine.catalog.RowLayout;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.codec.RowCodec;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/** Merges the rows of a key range visible at a snapshot with a transaction's own writes to that range, in key order. */
final class MergingRowCursor implements RowCursor {
  private final VersionedStore.VersionCursor stored;
  private final Iterator<Map.Entry<byte[], Transaction.PendingWrite>> own;
  private final RowLayout types;
  private final boolean[] needed;
  private boolean storedValid;
  private Map.Entry<byte[], Transaction.PendingWrite> ownHead;
  private byte[] currentKey;

  MergingRowCursor(VersionedStore.VersionCursor stored, NavigableMap<byte[], Transaction.PendingWrite> own,
      RowLayout types, boolean[] needed) {
    this.stored = stored;
    // a snapshot of the entries, so the transaction may write while this cursor is open (UPDATE reads and writes)
    this.own = own.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList().iterator();
    this.types = types;
    this.needed = needed;
    this.storedValid = stored.next();
    this.ownHead = this.own.hasNext() ? this.own.next() : null;
  }

  @Override
  public Object[] next() {
    while (storedValid || ownHead != null) {
      int cmp = !storedValid ? 1 : ownHead == null ? -1 : Arrays.compareUnsigned(stored.key(), ownHead.getKey());
      byte[] key;
      byte[] value;
      if (cmp < 0) {
        key = stored.key();
        value = stored.row();
        storedValid = stored.next();
      } else {
        key = ownHead.getKey();
        value = ownHead.getValue().row();
        if (cmp == 0) {
          storedValid = stored.next();
        }
        ownHead = own.hasNext() ? own.next() : null;
      }
      if (value != null) {
        currentKey = key;
        return RowCodec.decode(types, value, needed);
      }
    }
    currentKey = null;
    return null;
  }

  @Override
  public byte[] rowKey() {
    return currentKey;
  }

  @Override
  public void close() {
    stored.close();
  }
}
