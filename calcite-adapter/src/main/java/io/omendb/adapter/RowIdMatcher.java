package io.omendb.adapter;

import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.mvcc.RowCursor;
import io.omendb.engine.mvcc.Transaction;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the storage keys of rows in a table without a primary key, whose rows carry no key Calcite could pass
 * back: UPDATE and DELETE hand over the old rows by value, and each is matched to a distinct stored row with equal
 * values. The table is scanned once, on the first lookup, so a statement costs one scan however many rows it
 * changes.
 */
final class RowIdMatcher {
  private final Transaction transaction;
  private final TableDef table;
  private Map<List<Object>, Deque<byte[]>> keysByContent;

  RowIdMatcher(Transaction transaction, TableDef table) {
    this.transaction = transaction;
    this.table = table;
  }

  /** The key of a not-yet-taken stored row equal to {@code row}; fails if there is none. */
  byte[] take(Object[] row) {
    if (keysByContent == null) {
      keysByContent = new HashMap<>();
      try (RowCursor cursor = transaction.scan(table)) {
        for (Object[] stored = cursor.next(); stored != null; stored = cursor.next()) {
          keysByContent.computeIfAbsent(content(stored), k -> new ArrayDeque<>()).add(cursor.rowKey());
        }
      }
    }
    Deque<byte[]> keys = keysByContent.get(content(row));
    if (keys == null || keys.isEmpty()) {
      throw new IllegalStateException("row to modify not found in table " + table.name());
    }
    return keys.poll();
  }

  private static List<Object> content(Object[] row) {
    List<Object> values = new ArrayList<>(row.length);
    for (Object value : row) {
      values.add(value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value);
    }
    return values;
  }
}
