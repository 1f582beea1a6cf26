package io.omendb.adapter;

import java.sql.SQLException;

/** Called once when a statement's result is finished: commits or rolls back what the statement began. */
@FunctionalInterface
interface StatementEnd {
  void end(boolean success) throws SQLException;
}
