package io.omendb.adapter;

import java.sql.SQLException;
import java.util.List;

/**
 * The outcome of one executed statement: either a stream of rows described by {@link #columns()}, or a count of
 * rows affected. Rows are read with {@link #next()} and must be read before the next statement is executed.
 */
public interface StatementResult extends AutoCloseable {

  /** The statement's kind; gives the command tag. */
  CommandKind kind();

  /** Whether the statement returns rows (SELECT, SHOW, EXPLAIN, VALUES). */
  boolean hasRows();

  /** The result columns; empty when {@link #hasRows()} is false. */
  List<ColumnMeta> columns();

  /**
   * The next row, one Java value per column (null for SQL NULL), or null when the rows are exhausted. Values are
   * {@link String}, {@link Boolean}, {@link Short}, {@link Integer}, {@link Long}, {@link Float}, {@link Double},
   * {@link java.math.BigDecimal}, {@link java.sql.Date}, {@link java.sql.Time}, {@link java.sql.Timestamp} or
   * {@code byte[]}.
   */
  Object[] next() throws SQLException;

  /** Rows affected by INSERT, UPDATE or DELETE; for row-returning statements, rows returned so far. */
  long rowCount();

  /** The command tag once the result is exhausted, e.g. {@code INSERT 0 3} or {@code SELECT 2}. */
  default String commandTag() {
    return kind().commandTag(rowCount());
  }

  @Override
  void close() throws SQLException;
}
