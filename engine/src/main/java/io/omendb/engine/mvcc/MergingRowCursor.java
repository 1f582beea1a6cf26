package io.omendb.engine.mvcc;

import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.codec.RowCodec;
import io.omendb.engine.storage.KvCursor;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/** Merges the stored rows of a key range with a transaction's own writes to the same range, in key order. */
final class MergingRowCursor implements RowCursor {
  private final KvCursor stored;
  private final Iterator<Map.Entry<byte[], byte[]>> own;
  private final List<ColumnType> types;
  private boolean storedValid;
  private Map.Entry<byte[], byte[]> ownHead;

  MergingRowCursor(KvCursor stored, NavigableMap<byte[], byte[]> own, List<ColumnType> types) {
    this.stored = stored;
    this.own = own.entrySet().iterator();
    this.types = types;
    this.storedValid = stored.next();
    this.ownHead = this.own.hasNext() ? this.own.next() : null;
  }

  @Override
  public Object[] next() {
    while (storedValid || ownHead != null) {
      int cmp = !storedValid ? 1 : ownHead == null ? -1 : Arrays.compareUnsigned(stored.key(), ownHead.getKey());
      byte[] value;
      if (cmp < 0) {
        value = stored.value();
        storedValid = stored.next();
      } else {
        value = ownHead.getValue();
        if (cmp == 0) {
          storedValid = stored.next();
        }
        ownHead = own.hasNext() ? own.next() : null;
      }
      if (value.length > 0) {
        return RowCodec.decode(types, value);
      }
    }
    return null;
  }

  @Override
  public void close() {
    stored.close();
  }
}
