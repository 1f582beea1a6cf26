package io.omendb.pg.server;

import io.omendb.adapter.ColumnMeta;
import io.omendb.pg.message.DataRow;
import io.omendb.pg.message.RowDescription;
import io.omendb.pg.types.PgType;
import io.omendb.pg.types.TextFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Describes a statement's result columns to the client and encodes its rows in text format. */
final class RowEncoder {
  private final List<ColumnMeta> columns;
  private final PgType[] types;

  RowEncoder(List<ColumnMeta> columns) {
    this.columns = List.copyOf(columns);
    this.types = new PgType[columns.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = PgType.fromJdbcType(columns.get(i).jdbcType());
    }
  }

  /** The RowDescription for the columns. */
  RowDescription describe() {
    List<RowDescription.Field> fields = new ArrayList<>(types.length);
    for (int i = 0; i < types.length; i++) {
      ColumnMeta column = columns.get(i);
      PgType type = types[i];
      fields.add(RowDescription.Field.text(
          column.name(), type.oid(), type.length(), type.typeModifier(column.precision(), column.scale())));
    }
    return new RowDescription(fields);
  }

  /** One row as a DataRow of text-format values. */
  DataRow encode(Object[] row) {
    if (row.length != types.length) {
      throw new IllegalStateException(
          "row has " + row.length + " values for " + types.length + " columns: " + Arrays.toString(row));
    }
    List<byte[]> values = new ArrayList<>(row.length);
    for (int i = 0; i < row.length; i++) {
      values.add(TextFormat.encodeBytes(types[i], row[i]));
    }
    return new DataRow(values);
  }
}
