package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs COPY for a {@link StoreSession}. FROM STDIN writes rows straight into the engine ({@link DirectCopyIn}) or,
 * when a column left out has a DEFAULT, plans one {@code INSERT ... VALUES (?, ...)} and runs it per row; either way
 * inside one statement of the session, so the whole COPY commits or rolls back together. TO STDOUT runs the
 * equivalent query.
 */
final class StoreCopy {
  private StoreCopy() {}

  static StatementResult start(StoreSession session, CopyStatement copy) throws SQLException {
    return copy.fromClient() ? copyIn(session, copy) : copyOut(session, copy);
  }

  private static String columnList(CopyStatement copy) {
    return copy.columns().isEmpty() ? "*" : String.join(", ", copy.columns());
  }

  private static StatementResult copyOut(StoreSession session, CopyStatement copy) throws SQLException {
    String query = copy.query() != null ? copy.query() : "SELECT " + columnList(copy) + " FROM " + copy.table();
    StatementResult rows = session.execute(query);
    if (!rows.hasRows()) {
      rows.close();
      throw new SQLException("COPY query must return rows", "0A000");
    }
    return new Out(rows, copy.format());
  }

  private static StatementResult copyIn(StoreSession session, CopyStatement copy) throws SQLException {
    StatementCache cache = session.statementCache();
    List<ColumnMeta> columns;
    PreparedStatement insert;
    try {
      columns = ResultSetResult.describe(
          cache.prepare("SELECT " + columnList(copy) + " FROM " + copy.table()).getMetaData());
    } catch (SQLException | RuntimeException e) {
      session.failBlock();
      throw SqlErrors.toSqlException(e);
    }
    Optional<CopyIn> direct = DirectCopyIn.start(session, cache.catalog(), columns, copy.format());
    if (direct.isPresent()) {
      return direct.get();
    }
    try {
      insert = cache.prepare("INSERT INTO " + copy.table()
          + (copy.columns().isEmpty() ? "" : " (" + String.join(", ", copy.columns()) + ")")
          + " VALUES (" + "?, ".repeat(columns.size() - 1) + "?)");
    } catch (SQLException | RuntimeException e) {
      session.failBlock();
      throw SqlErrors.toSqlException(e);
    }
    ParameterMetaData metaData = insert.getParameterMetaData();
    int[] types = new int[columns.size()];
    for (int i = 0; i < types.length; i++) {
      // a uuid or timestamptz column: its text is parsed as the extended protocol parses such a parameter
      types[i] = ParameterValues.parameterType(metaData.getParameterType(i + 1),
          metaData.getParameterTypeName(i + 1));
    }
    session.beginStatement();
    return new In(session, insert, columns, types, copy.format());
  }

  /** COPY FROM STDIN through a prepared INSERT per row, until closed (commit) or aborted (rollback). */
  private static final class In extends CopyInStatement {
    private final PreparedStatement insert;
    private final int[] types;

    In(StoreSession session, PreparedStatement insert, List<ColumnMeta> columns, int[] types, CopyFormat format) {
      super(session, columns, format);
      this.insert = requireNonNull(insert, "insert");
      this.types = types;
    }

    @Override
    long write(List<String> fields) throws SQLException {
      for (int i = 0; i < types.length; i++) {
        Object value = ParameterValues.coerce(fields.get(i), types[i], TimestampTzValues.zone(session()));
        if (value == null) {
          insert.setNull(i + 1, ParameterValues.nullType(types[i]));
        } else {
          insert.setObject(i + 1, value);
        }
      }
      return insert.executeLargeUpdate();
    }
  }

  private static final class Out implements CopyOut {
    private final StatementResult rows;
    private final CopyFormat format;
    private final List<ColumnMeta> columns;

    Out(StatementResult rows, CopyFormat format) {
      this.rows = rows;
      this.format = format;
      this.columns = new ArrayList<>(rows.columns());
    }

    @Override
    public CopyFormat format() {
      return format;
    }

    @Override
    public CommandKind kind() {
      return CommandKind.COPY;
    }

    @Override
    public boolean hasRows() {
      return true;
    }

    @Override
    public List<ColumnMeta> columns() {
      return columns;
    }

    @Override
    public Object[] next() throws SQLException {
      return rows.next();
    }

    @Override
    public long rowCount() {
      return rows.rowCount();
    }

    @Override
    public void close() throws SQLException {
      rows.close();
    }
  }
}
