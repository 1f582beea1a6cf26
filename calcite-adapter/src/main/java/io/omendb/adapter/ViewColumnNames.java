package io.omendb.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;

/**
 * The names PostgreSQL gives a view's unnamed columns where Calcite says {@code EXPR$n}: a function's name
 * ({@code count}, also over a window), {@code case} for CASE, the type of a cast, else {@code ?column?} (so, as in
 * PostgreSQL, two unnamed expressions collide and need aliases).
 */
final class ViewColumnNames {
  private static final String UNNAMED = "?column?";

  private ViewColumnNames() {}

  /** The names of {@code query}'s columns, given those Calcite reports ({@code labels}). */
  static List<String> of(SqlNode query, List<String> labels) {
    List<String> names = new ArrayList<>(labels);
    SqlSelect select = firstSelect(query);
    List<SqlNode> items = select == null || select.getSelectList() == null ? List.of() : select.getSelectList();
    boolean positional = items.size() == labels.size()
        && items.stream().noneMatch(item -> item instanceof SqlIdentifier id && id.isStar());
    for (int i = 0; i < names.size(); i++) {
      if (!names.get(i).startsWith("EXPR$")) {
        continue;
      }
      names.set(i, positional ? nameOf(items.get(i)) : UNNAMED);
    }
    return names;
  }

  private static SqlSelect firstSelect(SqlNode node) {
    if (node instanceof SqlSelect select) {
      return select;
    }
    if (node instanceof SqlOrderBy orderBy) {
      return firstSelect(orderBy.query);
    }
    if (node instanceof SqlWith with) {
      return firstSelect(with.body);
    }
    if (node instanceof SqlCall call && call.getKind().belongsTo(SqlKind.SET_QUERY)) {
      return firstSelect(call.operand(0));
    }
    return null;
  }

  private static String nameOf(SqlNode item) {
    if (item instanceof SqlCall call) {
      SqlKind kind = call.getKind();
      if (kind == SqlKind.OVER) {
        return nameOf(call.operand(0));
      }
      if (kind == SqlKind.CASE) {
        return "case";
      }
      if (kind == SqlKind.CAST && call.operandCount() == 2) {
        String type = call.operand(1).toString().toLowerCase(Locale.ROOT).replaceAll("\\(.*", "").trim();
        return switch (type) {
          case "integer", "int" -> "int4";
          case "bigint" -> "int8";
          case "smallint" -> "int2";
          case "boolean" -> "bool";
          case "double" -> "float8";
          case "real" -> "float4";
          case "varchar" -> "varchar";
          default -> type;
        };
      }
      if (call.getOperator() instanceof SqlFunction) {
        return call.getOperator().getName().toLowerCase(Locale.ROOT);
      }
    }
    return UNNAMED;
  }
}
