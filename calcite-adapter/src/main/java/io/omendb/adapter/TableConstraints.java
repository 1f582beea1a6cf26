package io.omendb.adapter;

import io.omendb.engine.Engine;
import io.omendb.engine.catalog.TableDef;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.ddl.SqlKeyConstraint;

/** The UNIQUE constraints of a CREATE TABLE, created as constraint-backed unique indexes once the table exists. */
final class TableConstraints {
  private TableConstraints() {}

  static void addUniques(Engine engine, TableDef table, List<SqlKeyConstraint> uniques) {
    for (SqlKeyConstraint unique : uniques) {
      List<SqlNode> operands = unique.getOperandList();
      SqlIdentifier name = (SqlIdentifier) operands.get(0);
      List<String> columns = ((SqlNodeList) operands.get(1)).stream()
          .map(column -> ((SqlIdentifier) column).getSimple())
          .toList();
      engine.alterations().addUnique(table.name(), columns,
          name != null ? name.getSimple() : defaultName(table.name(), columns));
    }
  }

  /** PostgreSQL's name for an unnamed UNIQUE constraint: {@code table_col1_col2_key}. */
  static String defaultName(String table, List<String> columns) {
    return table + "_" + String.join("_", columns) + "_key";
  }
}
