package io.omendb.pg.server;

import io.omendb.adapter.ColumnMeta;
import io.omendb.pg.message.Bind;
import io.omendb.pg.message.DataRow;
import io.omendb.pg.message.RowDescription;
import io.omendb.pg.types.BinaryFormat;
import io.omendb.pg.types.PgType;
import io.omendb.pg.types.TextFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Describes a statement's result columns to the client and encodes its rows, each column in the text or binary
 * format the client asked for (text unless told otherwise).
 */
final class RowEncoder {
  private final List<ColumnMeta> columns;
  private final PgType[] types;
  private final boolean[] binary;

  RowEncoder(List<ColumnMeta> columns) {
    this(columns, List.of());
  }

  /**
   * @param formats the result format codes of a Bind: none (all text), one for all columns, or one per column
   * @throws IllegalArgumentException if there are more than one format code but not one per column
   */
  RowEncoder(List<ColumnMeta> columns, List<Short> formats) {
    this.columns = List.copyOf(columns);
    this.types = new PgType[columns.size()];
    this.binary = new boolean[columns.size()];
    if (formats.size() > 1 && formats.size() != columns.size()) {
      throw new IllegalArgumentException(
          "bind message has " + formats.size() + " result formats but query has " + columns.size() + " columns");
    }
    for (int i = 0; i < types.length; i++) {
      types[i] = PgType.fromSqlType(columns.get(i).jdbcType(), columns.get(i).typeName());
      binary[i] = Bind.formatOf(formats, i) == Bind.BINARY_FORMAT;
    }
  }

  /** The RowDescription for the columns. */
  RowDescription describe() {
    List<RowDescription.Field> fields = new ArrayList<>(types.length);
    for (int i = 0; i < types.length; i++) {
      ColumnMeta column = columns.get(i);
      PgType type = types[i];
      fields.add(new RowDescription.Field(column.name(), 0, (short) 0, type.oid(), type.length(),
          type.typeModifier(column.precision(), column.scale()),
          binary[i] ? RowDescription.BINARY_FORMAT : RowDescription.TEXT_FORMAT));
    }
    return new RowDescription(fields);
  }

  /** One row as a DataRow. */
  DataRow encode(Object[] row) {
    if (row.length != types.length) {
      throw new IllegalStateException(
          "row has " + row.length + " values for " + types.length + " columns: " + Arrays.toString(row));
    }
    List<byte[]> values = new ArrayList<>(row.length);
    for (int i = 0; i < row.length; i++) {
      values.add(binary[i] ? BinaryFormat.encode(types[i], row[i]) : TextFormat.encodeBytes(types[i], row[i]));
    }
    return new DataRow(values);
  }
}
