package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

/**
 * A result column: its label and SQL type.
 *
 * @param name the column label the client sees
 * @param jdbcType a {@link java.sql.Types} constant
 * @param typeName the SQL type name, e.g. {@code INTEGER} or {@code VARCHAR}
 * @param precision the declared precision or length, or -1 when not applicable
 * @param scale the declared scale, or -1 when not applicable
 * @param tableName the table the column comes from, or null
 * @param nullable whether the column may hold NULL
 */
public record ColumnMeta(
    String name, int jdbcType, String typeName, int precision, int scale, String tableName, boolean nullable) {
  public ColumnMeta {
    requireNonNull(name, "name");
    requireNonNull(typeName, "typeName");
  }
}
