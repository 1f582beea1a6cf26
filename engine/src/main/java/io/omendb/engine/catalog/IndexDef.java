package io.omendb.engine.catalog;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A secondary index of a table: its id (the prefix of its entries in the index key space), name, table, indexed
 * columns and whether it is unique.
 *
 * @param id the index id, unique for the life of the database; 0 for a definition not yet created
 * @param name the index name as stored; shares the namespace of tables, as PostgreSQL's relations do
 * @param tableName the indexed table
 * @param columns indexes into the table's columns, in index key order
 * @param unique whether two live rows may not share non-null values of the indexed columns (NULLs never conflict)
 * @param constraint whether the index backs a UNIQUE constraint ({@code ADD CONSTRAINT name UNIQUE}), which
 *     {@code DROP CONSTRAINT} drops, rather than being a {@code CREATE UNIQUE INDEX}
 */
public record IndexDef(int id, String name, String tableName, int[] columns, boolean unique, boolean constraint) {
  public IndexDef {
    requireNonNull(name, "name");
    requireNonNull(tableName, "tableName");
    columns = requireNonNull(columns, "columns").clone();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("index name must not be empty");
    }
    if (columns.length == 0) {
      throw new IllegalArgumentException("index " + name + " must have at least one column");
    }
  }

  /** An index made by CREATE INDEX (not backing a constraint). */
  public IndexDef(int id, String name, String tableName, int[] columns, boolean unique) {
    this(id, name, tableName, columns, unique, false);
  }

  public IndexDef withId(int id) {
    return new IndexDef(id, name, tableName, columns, unique, constraint);
  }

  /** This index on the renamed table {@code tableName} with its columns at {@code columns}. */
  public IndexDef withTable(String tableName, int[] columns) {
    return new IndexDef(id, name, tableName, columns, unique, constraint);
  }

  @Override
  public int[] columns() {
    return columns.clone();
  }

  /** The indexed values of {@code row}, in index key order. */
  public Object[] valuesOf(Object[] row) {
    Object[] values = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      values[i] = row[columns[i]];
    }
    return values;
  }

  /**
   * Whether every one of {@code columns} of {@code table} is an indexed column or a primary-key column, so an entry
   * (index values ‖ primary key) holds all of them.
   */
  public boolean covers(TableDef table, int[] columns) {
    if (table.hasRowId()) {
      return false;
    }
    for (int column : columns) {
      if (Arrays.stream(this.columns).noneMatch(c -> c == column)
          && Arrays.stream(table.primaryKey()).noneMatch(c -> c == column)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IndexDef d && d.id == id && d.name.equals(name) && d.tableName.equals(tableName)
        && Arrays.equals(d.columns, columns) && d.unique == unique
        && d.constraint == constraint;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * id + name.hashCode()) + Arrays.hashCode(columns);
  }

  @Override
  public String toString() {
    return "IndexDef[" + id + ", " + name + " on " + tableName + Arrays.toString(columns) + (unique ? ", unique" : "")
        + "]";
  }
}
