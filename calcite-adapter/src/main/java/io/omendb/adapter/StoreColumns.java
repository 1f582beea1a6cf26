package io.omendb.adapter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.util.BuiltInMethod;

/**
 * The columns a store rel reads (projection pushdown): null for all of the table's columns, else table column
 * indexes in output order. Helpers shared by {@link StoreTableScan} and {@link StoreIndexSeek} for their row type,
 * collation, EXPLAIN text and generated code.
 */
final class StoreColumns {
  private StoreColumns() {}

  /** The columns read by {@code rel}, a store scan or seek; null if it reads all of them or is no store rel. */
  static int[] of(RelNode rel) {
    if (rel instanceof StoreTableScan scan) {
      return scan.columns();
    }
    if (rel instanceof StoreIndexSeek seek) {
      return seek.columns();
    }
    return null;
  }

  /** The row type of the table's {@code columns} (null: the table's own). */
  static RelDataType rowType(RelOptTable table, int[] columns, RelDataTypeFactory typeFactory) {
    if (columns == null) {
      return table.getRowType();
    }
    List<RelDataTypeField> fields = table.getRowType().getFieldList();
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (int column : columns) {
      builder.add(fields.get(column));
    }
    return builder.uniquify().build();
  }

  /** The table's collations over the output columns: each cut at its first field that is not read. */
  static List<RelCollation> collations(RelOptTable table, int[] columns) {
    if (columns == null) {
      return table.getCollationList();
    }
    List<RelCollation> collations = new ArrayList<>();
    for (RelCollation collation : table.getCollationList()) {
      List<RelFieldCollation> fields = new ArrayList<>();
      for (RelFieldCollation field : collation.getFieldCollations()) {
        int position = position(columns, field.getFieldIndex());
        if (position < 0) {
          break;
        }
        fields.add(field.withFieldIndex(position));
      }
      if (!fields.isEmpty()) {
        collations.add(RelCollations.of(fields));
      }
    }
    return collations;
  }

  /** The output position of table column {@code column}, or -1 if it is not read. */
  static int position(int[] columns, int column) {
    if (columns == null) {
      return column;
    }
    for (int i = 0; i < columns.length; i++) {
      if (columns[i] == column) {
        return i;
      }
    }
    return -1;
  }

  /** The table column at output position {@code field}. */
  static int tableColumn(int[] columns, int field) {
    return columns == null ? field : columns[field];
  }

  /** The EXPLAIN value, e.g. {@code [0, 2]}. */
  static String explain(int[] columns) {
    return Arrays.toString(columns);
  }

  /** The {@code int[]} argument passed to the store table from generated code (null: all columns). */
  static Expression expression(int[] columns) {
    if (columns == null) {
      return Expressions.constant(null, int[].class);
    }
    List<Expression> values = new ArrayList<>();
    for (int column : columns) {
      values.add(Expressions.constant(column));
    }
    return Expressions.newArrayInit(int.class, values);
  }

  /**
   * The physical type of a store rel's rows: arrays, or plain values when there is one column (Calcite's convention
   * for one-field rows, which its operators above assume).
   */
  static PhysType physType(JavaTypeFactory typeFactory, RelDataType rowType) {
    return PhysTypeImpl.of(typeFactory, rowType,
        rowType.getFieldCount() == 1 ? JavaRowFormat.SCALAR : JavaRowFormat.ARRAY, false);
  }

  /** The rows of {@code call} (an {@code Enumerable<Object[]>}) in the format of {@link #physType}. */
  static Expression rows(Expression call, RelDataType rowType) {
    return rowType.getFieldCount() == 1 ? Expressions.call(BuiltInMethod.SLICE0.method, call) : call;
  }

  /**
   * The cost of reading {@code rows} rows of {@code width} columns, {@code read} of them decoded: each row costs half
   * for being found and half for being decoded, in proportion to the columns decoded.
   */
  static double rowCost(double rows, int width, int[] columns) {
    if (columns == null || width == 0) {
      return rows;
    }
    return rows * (0.5 + 0.5 * Math.min(columns.length, width) / width);
  }
}
