package io.omendb.adapter;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * Refuses statements too large to plan before Calcite spends seconds on them: an IN list longer than
 * {@link #MAX_IN_LIST_ITEMS} becomes a condition whose generated code exceeds the JVM's 64 KB method limit, so it
 * is answered at once with SQLSTATE 54000 instead of after the planner gives up.
 */
final class StatementLimits {
  /** The longest IN list accepted; a few thousand more items already overflow the generated code. */
  static final int MAX_IN_LIST_ITEMS = 4_000;

  private StatementLimits() {}

  /**
   * Checks a parsed statement, walking it without recursion so that deep nesting cannot overflow the stack here;
   * a refused statement fails the session's open transaction block, as any failed statement does. A null statement
   * (one the session runs without parsing, such as SET TRANSACTION AS OF SYSTEM TIME) passes.
   *
   * @throws SQLException 54000 if an IN list is too long
   */
  static void check(SqlNode statement, StoreSession session) throws SQLException {
    if (statement == null) {
      return;
    }
    Deque<SqlNode> pending = new ArrayDeque<>();
    pending.push(statement);
    while (!pending.isEmpty()) {
      SqlNode node = pending.pop();
      if (node instanceof SqlNodeList list) {
        for (SqlNode element : list) {
          if (element != null) {
            pending.push(element);
          }
        }
      } else if (node instanceof SqlCall call) {
        if ((call.getKind() == SqlKind.IN || call.getKind() == SqlKind.NOT_IN) && call.operandCount() == 2
            && call.operand(1) instanceof SqlNodeList items && items.size() > MAX_IN_LIST_ITEMS) {
          session.failBlock();
          throw new SQLException(
              "IN list has too many items: " + items.size() + " (at most " + MAX_IN_LIST_ITEMS + ")", "54000");
        }
        for (SqlNode operand : call.getOperandList()) {
          if (operand != null) {
            pending.push(operand);
          }
        }
      }
    }
  }
}
