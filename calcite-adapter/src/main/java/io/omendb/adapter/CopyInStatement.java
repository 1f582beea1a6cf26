package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.List;

/**
 * A COPY FROM STDIN as one statement of its session: checks the field count of each row, counts the rows written,
 * rolls the statement back on the first error or on {@link #abort()}, and commits it (or leaves its rows in the open
 * block) on {@link #close()}. Subclasses say how one row is written.
 */
abstract class CopyInStatement implements CopyIn {
  private final StoreSession session;
  private final List<ColumnMeta> columns;
  private final CopyFormat format;
  private long rows;
  private boolean ended;

  CopyInStatement(StoreSession session, List<ColumnMeta> columns, CopyFormat format) {
    this.session = requireNonNull(session, "session");
    this.columns = List.copyOf(columns);
    this.format = requireNonNull(format, "format");
  }

  /** The session the COPY runs in. */
  final StoreSession session() {
    return session;
  }

  /**
   * Writes one row whose field count is already checked; returns the number of rows written.
   *
   * @throws SQLException the conversion or write error
   */
  abstract long write(List<String> fields) throws SQLException;

  @Override
  public final CopyFormat format() {
    return format;
  }

  @Override
  public final void insert(List<String> fields) throws SQLException {
    if (ended) {
      throw new SQLException("COPY has ended", "55000");
    }
    try {
      if (fields.size() != columns.size()) {
        throw new SQLException(fields.size() < columns.size()
            ? "missing data for column \"" + columns.get(fields.size()).name() + "\""
            : "extra data after last expected column", "22P04");
      }
      rows += write(fields);
    } catch (SQLException | RuntimeException | StackOverflowError e) {
      SQLException mapped = SqlErrors.toSqlException(e);
      abort();
      throw mapped;
    }
  }

  @Override
  public final void abort() {
    if (!ended) {
      ended = true;
      session.endStatementQuietly();
    }
  }

  @Override
  public final CommandKind kind() {
    return CommandKind.COPY;
  }

  @Override
  public final boolean hasRows() {
    return false;
  }

  @Override
  public final List<ColumnMeta> columns() {
    return columns;
  }

  @Override
  public final Object[] next() {
    return null;
  }

  @Override
  public final long rowCount() {
    return rows;
  }

  /** Ends the COPY: commits its own transaction, or leaves the rows in the open block. */
  @Override
  public final void close() throws SQLException {
    if (!ended) {
      ended = true;
      session.endStatement(true);
    }
  }
}
