package io.omendb.adapter.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlRowTypeNameSpec;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * PostgreSQL's {@code information_schema._pg_expandarray(array)}, a set-returning function in a SELECT list (pgjdbc's
 * getPrimaryKeys, getIndexInfo and getBestRowIdentifier call it on {@code pg_index.indkey}): each row of the query
 * is repeated once per array element, and the call stands for the composite {@code (x, n)} of the element and its
 * 1-based position. Calcite has no set-returning functions in SELECT lists, so the call is rewritten into what it
 * means: the SELECT's FROM is cross-joined with {@code UNNEST(array) WITH ORDINALITY AS e(x, n)} (no rows for an
 * empty or null array, as PostgreSQL gives none), {@code (_pg_expandarray(a)).x} becomes {@code e.x}, and a bare
 * call becomes the row {@code (e.x, e.n)} with fields named x and n, x as an integer (the function expands the
 * integer vectors of the catalogs). Calls with the same argument share one expansion, as PostgreSQL runs them in
 * lockstep.
 */
public final class PgSetReturningFunctions extends SqlShuttle {
  private static final String EXPANDARRAY = "_pg_expandarray";
  private static final String ALIAS = "_pg_expandarray_";

  private PgSetReturningFunctions() {
  }

  /** Rewrites the calls in the SELECT lists of a query; other statements are returned as they are. */
  public static SqlNode apply(SqlNode node) {
    if (node == null || !node.getKind().belongsTo(SqlKind.QUERY)) {
      return node;
    }
    return node.accept(new PgSetReturningFunctions());
  }

  @Override
  public SqlNode visit(SqlCall call) {
    SqlNode visited = super.visit(call);
    if (visited instanceof SqlSelect select && select.getSelectList() != null) {
      expand(select);
    }
    return visited;
  }

  private static boolean isExpandArray(SqlNode node) {
    return node instanceof SqlCall call && call.getOperator() instanceof SqlFunction function
        && call.operandCount() == 1
        && function.getName().toLowerCase(Locale.ROOT).equals(EXPANDARRAY);
  }

  private static void expand(SqlSelect select) {
    List<SqlNode> arguments = new ArrayList<>();
    SqlNodeList items = new SqlNodeList(select.getSelectList().getParserPosition());
    for (SqlNode item : select.getSelectList()) {
      items.add(item.accept(new Replacer(arguments)));
    }
    if (arguments.isEmpty()) {
      return;
    }
    select.setSelectList(items);
    SqlNode from = select.getFrom();
    for (int i = 0; i < arguments.size(); i++) {
      SqlParserPos pos = arguments.get(i).getParserPosition();
      SqlNode unnest = SqlStdOperatorTable.UNNEST_WITH_ORDINALITY.createCall(pos, arguments.get(i));
      SqlNode expansion = SqlStdOperatorTable.AS.createCall(pos, unnest, new SqlIdentifier(ALIAS + i, pos),
          new SqlIdentifier("x", pos), new SqlIdentifier("n", pos));
      from = from == null ? expansion : new SqlJoin(pos, from, SqlLiteral.createBoolean(false, pos),
          JoinType.CROSS.symbol(pos), expansion, JoinConditionType.NONE.symbol(pos), null);
    }
    select.setFrom(from);
  }

  /** Replaces the calls in one SELECT item, collecting their distinct arguments. */
  private static final class Replacer extends SqlShuttle {
    private final List<SqlNode> arguments;

    Replacer(List<SqlNode> arguments) {
      this.arguments = arguments;
    }

    private String alias(SqlCall expandArray) {
      SqlNode argument = expandArray.operand(0);
      for (int i = 0; i < arguments.size(); i++) {
        if (arguments.get(i).equalsDeep(argument, org.apache.calcite.util.Litmus.IGNORE)) {
          return ALIAS + i;
        }
      }
      arguments.add(argument);
      return ALIAS + (arguments.size() - 1);
    }

    @Override
    public SqlNode visit(SqlCall call) {
      SqlParserPos pos = call.getParserPosition();
      if (call.getKind() == SqlKind.DOT && isExpandArray(call.operand(0))
          && call.operand(1) instanceof SqlIdentifier field && field.isSimple()) {
        return new SqlIdentifier(List.of(alias(call.operand(0)), field.getSimple().toLowerCase(Locale.ROOT)), pos);
      }
      if (isExpandArray(call)) {
        String alias = alias(call);
        SqlNode row = SqlStdOperatorTable.ROW.createCall(pos, new SqlIdentifier(List.of(alias, "x"), pos),
            new SqlIdentifier(List.of(alias, "n"), pos));
        SqlDataTypeSpec integer = new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.INTEGER, pos), pos);
        SqlDataTypeSpec composite = new SqlDataTypeSpec(new SqlRowTypeNameSpec(pos,
            List.of(new SqlIdentifier("x", pos), new SqlIdentifier("n", pos)), List.of(integer, integer)), pos);
        return SqlStdOperatorTable.CAST.createCall(pos, row, composite);
      }
      return super.visit(call);
    }
  }
}
