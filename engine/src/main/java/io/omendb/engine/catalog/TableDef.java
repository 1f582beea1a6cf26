package io.omendb.engine.catalog;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A table's definition: its id (the prefix of its keys in the store), name, columns and primary key.
 *
 * <p>A table without a declared primary key is keyed by a hidden, engine-assigned row id (SQLite's rowid model).
 *
 * @param id the table id, unique for the life of the database; 0 for a definition not yet created
 * @param name the table name as stored
 * @param columns the columns in declaration order
 * @param primaryKey indexes into {@code columns} of the primary key columns, in key order; empty for a rowid table
 * @param layout where each column is stored in the rows (see {@link RowLayout}); identity unless columns were
 *     added or dropped
 * @param primaryKeyName the name of the primary key constraint ({@code name_pkey} unless named otherwise); null for
 *     a rowid table
 */
public record TableDef(int id, String name, List<ColumnDef> columns, int[] primaryKey, RowLayout layout,
    String primaryKeyName) {
  public TableDef {
    requireNonNull(name, "name");
    columns = List.copyOf(requireNonNull(columns, "columns"));
    primaryKey = requireNonNull(primaryKey, "primaryKey").clone();
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("table " + name + " must have at least one column");
    }
    if (layout == null) {
      layout = RowLayout.identity(columns);
    }
    if (layout.columnCount() != columns.size()) {
      throw new IllegalArgumentException("layout of " + layout.columnCount() + " columns for " + columns.size());
    }
    for (int i = 0; i < columns.size(); i++) {
      if (layout.slotTypes().get(layout.slotOf(i)) != columns.get(i).type()) {
        throw new IllegalArgumentException("column " + columns.get(i).name() + " stored as another type");
      }
    }
    if (primaryKey.length == 0) {
      primaryKeyName = null;
    } else if (primaryKeyName == null) {
      primaryKeyName = name + "_pkey";
    }
    Set<String> names = new HashSet<>();
    for (ColumnDef column : columns) {
      if (!names.add(column.name())) {
        throw new CatalogException(CatalogException.Kind.DUPLICATE_COLUMN,
            "column \"" + column.name() + "\" specified more than once");
      }
    }
    for (int k : primaryKey) {
      if (k < 0 || k >= columns.size()) {
        throw new IllegalArgumentException("primary key column index " + k + " out of range");
      }
      if (!columns.get(k).type().isKeyable()) {
        throw UnkeyableType.error(columns.get(k).type(), "a primary key");
      }
    }
  }

  /** A table whose columns were never added or dropped, its primary key named {@code name_pkey}. */
  public TableDef(int id, String name, List<ColumnDef> columns, int[] primaryKey) {
    this(id, name, columns, primaryKey, null, null);
  }

  public TableDef withId(int id) {
    return new TableDef(id, name, columns, primaryKey, layout, primaryKeyName);
  }

  public TableDef withName(String name) {
    return new TableDef(id, name, columns, primaryKey, layout, primaryKeyName);
  }

  /** This table with other columns stored as {@code layout} says (an ALTER TABLE). */
  public TableDef withColumns(List<ColumnDef> columns, int[] primaryKey, RowLayout layout) {
    return new TableDef(id, name, columns, primaryKey, layout, primaryKeyName);
  }

  /** This table keyed by {@code primaryKey} (empty: a rowid table) under the constraint name given. */
  public TableDef withPrimaryKey(int[] primaryKey, String primaryKeyName) {
    return new TableDef(id, name, columns, primaryKey, layout, primaryKeyName);
  }

  /** Whether the table is keyed by a hidden row id rather than a declared primary key. */
  public boolean hasRowId() {
    return primaryKey.length == 0;
  }

  /** The index of the named column, or -1. */
  public int columnIndex(String columnName) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(columnName)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int[] primaryKey() {
    return primaryKey.clone();
  }

  /** The primary key values of {@code row}, in key order. */
  public Object[] keyOf(Object[] row) {
    Object[] key = new Object[primaryKey.length];
    for (int i = 0; i < primaryKey.length; i++) {
      key[i] = row[primaryKey[i]];
    }
    return key;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TableDef t && t.id == id && t.name.equals(name) && t.columns.equals(columns)
        && Arrays.equals(t.primaryKey, primaryKey) && t.layout.equals(layout)
        && java.util.Objects.equals(t.primaryKeyName, primaryKeyName);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * id + name.hashCode()) + Arrays.hashCode(primaryKey);
  }

  @Override
  public String toString() {
    return "TableDef[" + id + ", " + name + ", " + columns + ", pk=" + Arrays.toString(primaryKey) + "]";
  }
}
