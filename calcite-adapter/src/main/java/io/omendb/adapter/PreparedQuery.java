package io.omendb.adapter;

import java.sql.SQLException;
import java.util.List;

/**
 * One statement prepared by {@link Session#prepare}: parsed and planned once, then executed any number of times with
 * bound parameter values (the wire protocol's Parse, then Bind/Execute). Belongs to the session that prepared it
 * and is used on that session's thread.
 */
public interface PreparedQuery extends AutoCloseable {

  /**
   * Each parameter's type ({@code $1} first) as a {@link java.sql.Types} constant: the type the client gave when
   * preparing, else the one the statement implies, else {@link java.sql.Types#VARCHAR}.
   */
  List<Integer> parameterTypes();

  /**
   * What kind of statement this is when Calcite plans it (SELECT, INSERT, UPDATE, DELETE); null for the statements
   * the session runs itself (BEGIN, SET, DDL, ...).
   */
  default CommandKind kind() {
    return null;
  }

  /** The columns of the rows an execution returns; empty when the statement returns none. */
  List<ColumnMeta> columns();

  /**
   * Executes the statement with one value per parameter (null for SQL NULL; a {@link String} or any value class a
   * {@link StatementResult} row holds, converted to the parameter's type) and returns its result, which the caller
   * closes. Runs in the session's transaction like {@link Session#execute}.
   *
   * @throws SQLException 08P01 if the number of values is wrong, 22P02 if a value does not convert, or whatever
   *     executing the statement raises
   */
  StatementResult execute(List<Object> values) throws SQLException;

  /** Forgets the statement; its plan may stay cached in the session. */
  @Override
  void close();
}
