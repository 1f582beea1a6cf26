package io.omendb.engine.catalog;

import static java.util.Objects.requireNonNull;

/**
 * A column of a table.
 *
 * @param name the column name as stored (already case-folded by the SQL layer)
 * @param type the storage type
 * @param precision declared precision or length, or -1 when none was declared
 * @param scale declared scale, or -1 when none was declared
 * @param nullable whether the column accepts NULL
 * @param defaultExpression the DEFAULT expression as SQL text, or null when the column has none
 */
public record ColumnDef(
    String name, ColumnType type, int precision, int scale, boolean nullable, String defaultExpression) {
  public ColumnDef {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("column name must not be empty");
    }
  }

  public static ColumnDef create(String name, ColumnType type) {
    return new ColumnDef(name, type, -1, -1, true, null);
  }

  public ColumnDef withNullable(boolean nullable) {
    return new ColumnDef(name, type, precision, scale, nullable, defaultExpression);
  }

  public ColumnDef withPrecision(int precision, int scale) {
    return new ColumnDef(name, type, precision, scale, nullable, defaultExpression);
  }

  public ColumnDef withDefault(String defaultExpression) {
    return new ColumnDef(name, type, precision, scale, nullable, defaultExpression);
  }
}
