package io.omendb.adapter.parser;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * PostgreSQL's rule for a function in FROM with a table alias and no column aliases ({@code FROM
 * generate_series(1, 3) s}, {@code FROM unnest(a) x}): its single column takes the alias as its name, so {@code s}
 * is usable as a column.
 * Applied to each parsed statement, in place.
 */
public final class PgFromFunctionAliases extends SqlBasicVisitor<Void> {

  private PgFromFunctionAliases() {
  }

  /** Adds the column alias to every aliased function call in the FROM clauses of {@code node}. */
  public static SqlNode apply(SqlNode node) {
    if (node != null) {
      node.accept(new PgFromFunctionAliases());
    }
    return node;
  }

  @Override
  public Void visit(SqlCall call) {
    if (call instanceof SqlSelect select && select.getFrom() != null) {
      select.setFrom(aliasColumns(select.getFrom()));
    }
    return super.visit(call);
  }

  private static SqlNode aliasColumns(SqlNode from) {
    if (from instanceof SqlJoin join) {
      join.setLeft(aliasColumns(join.getLeft()));
      join.setRight(aliasColumns(join.getRight()));
      return join;
    }
    if (from.getKind() == SqlKind.AS && from instanceof SqlCall as && as.operandCount() == 2
        && (as.operand(0).getKind() == SqlKind.COLLECTION_TABLE || as.operand(0).getKind() == SqlKind.UNNEST)) {
      SqlNode alias = as.operand(1);
      return SqlStdOperatorTable.AS.createCall(as.getParserPosition(), as.operand(0), alias, alias);
    }
    return from;
  }
}
