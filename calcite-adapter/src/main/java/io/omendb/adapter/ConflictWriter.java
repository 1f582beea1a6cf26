package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.IndexDef;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.mvcc.KeyBound;
import io.omendb.engine.mvcc.RowCursor;
import io.omendb.engine.mvcc.Transaction;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes one proposed row of {@code INSERT ... ON CONFLICT}: DO NOTHING skips a row whose key the transaction already
 * sees in the target constraint (or any unique constraint); DO UPDATE updates the existing row the plan paired it
 * with, or inserts it, and fails with 21000 when one statement proposes the same key twice, as PostgreSQL does.
 * Conflicts with concurrent transactions are left to the engine: the first committer wins.
 */
final class ConflictWriter {
  private final TableDef table;
  private final List<ColumnType> types;
  /** The unique indexes that decide a conflict, besides the primary key when {@link #checksPrimaryKey}. */
  private final List<IndexDef> indexes;
  private final boolean checksPrimaryKey;
  private final int[] keyColumns;
  private final int[] updateColumns;
  private final boolean hasCondition;
  /** The target keys DO UPDATE has handled in this statement. */
  private final Set<List<Object>> handled = new HashSet<>();

  /**
   * A writer for {@code table} whose conflicts are decided by {@code index} (null: the primary key), or with
   * {@code anyConstraint} by the primary key and every unique index; {@code updateColumns} null for DO NOTHING.
   */
  ConflictWriter(TableDef table, List<IndexDef> tableIndexes, IndexDef index, boolean anyConstraint,
      int[] keyColumns, int[] updateColumns, boolean hasCondition) {
    this.table = requireNonNull(table, "table");
    this.types = table.columns().stream().map(c -> c.type()).toList();
    this.keyColumns = requireNonNull(keyColumns, "keyColumns");
    this.updateColumns = updateColumns;
    this.hasCondition = hasCondition;
    if (anyConstraint) {
      this.indexes = tableIndexes.stream().filter(IndexDef::unique).toList();
      this.checksPrimaryKey = !table.hasRowId();
    } else {
      this.indexes = index == null ? List.of() : List.of(index);
      this.checksPrimaryKey = index == null;
    }
  }

  /**
   * Writes {@code row} (engine values of the proposed row, for DO UPDATE followed by the existing row, whether it
   * exists, the SET values and the condition) and returns the row as written, or null when none was.
   */
  Object[] write(Transaction transaction, Object[] row, RowIdMatcher matcher) {
    int width = types.size();
    Object[] proposed = Arrays.copyOf(row, width);
    if (updateColumns == null) {
      if (conflicts(transaction, proposed)) {
        return null;
      }
      transaction.insert(table, proposed);
      return proposed;
    }
    Object[] key = new Object[keyColumns.length];
    for (int i = 0; i < key.length; i++) {
      key[i] = proposed[keyColumns[i]];
      if (key[i] == null) {
        transaction.insert(table, proposed); // a NULL never conflicts
        return proposed;
      }
    }
    if (!handled.add(comparable(key))) {
      throw new SqlStateException("21000", "ON CONFLICT DO UPDATE command cannot affect row a second time");
    }
    if (!Boolean.TRUE.equals(row[2 * width])) {
      transaction.insert(table, proposed);
      return proposed;
    }
    Object[] existing = new Object[width];
    for (int i = 0; i < width; i++) {
      existing[i] = ColumnTypes.toEngine(types.get(i), row[width + i]);
    }
    int values = 2 * width + 1;
    if (hasCondition && !Boolean.TRUE.equals(row[values + updateColumns.length])) {
      return null;
    }
    Object[] updated = existing.clone();
    for (int j = 0; j < updateColumns.length; j++) {
      updated[updateColumns[j]] = ColumnTypes.toEngine(types.get(updateColumns[j]), row[values + j]);
    }
    boolean written = table.hasRowId()
        ? transaction.updateKey(table, matcher.take(existing), updated)
        : transaction.update(table, table.keyOf(existing), updated);
    return written ? updated : null;
  }

  /** Whether the transaction sees a row with {@code proposed}'s key in a constraint that decides conflicts. */
  private boolean conflicts(Transaction transaction, Object[] proposed) {
    if (checksPrimaryKey) {
      Object[] key = table.keyOf(proposed);
      if (Arrays.stream(key).noneMatch(v -> v == null) && transaction.get(table, key) != null) {
        return true;
      }
    }
    for (IndexDef index : indexes) {
      Object[] values = index.valuesOf(proposed);
      if (Arrays.stream(values).anyMatch(v -> v == null)) {
        continue;
      }
      KeyBound bound = new KeyBound(values, true);
      try (RowCursor cursor = transaction.scanIndex(table, index, bound, bound)) {
        if (cursor.next() != null) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Object> comparable(Object[] key) {
    List<Object> values = new ArrayList<>(key.length);
    for (Object value : key) {
      values.add(value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value);
    }
    return values;
  }
}
