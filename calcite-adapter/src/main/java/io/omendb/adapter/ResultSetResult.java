package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of a query read from the Calcite result set. Closing it ends the statement (committing an autocommit
 * transaction); an error while reading ends it as failed.
 */
final class ResultSetResult implements StatementResult {
  private final CommandKind kind;
  private final ResultSet resultSet;
  private final StatementEnd onEnd;
  private final StatementInterrupts interrupts;
  /** The session's time zone, in which timestamptz values are returned. */
  private final java.time.ZoneId zone;
  private boolean ended;
  private final List<ColumnMeta> columns;
  /** Which columns are intervals, read as Duration or Period. */
  private final boolean[] intervals;
  private long rowCount;
  private boolean closed;

  ResultSetResult(CommandKind kind, ResultSet resultSet, StatementEnd onEnd, StatementInterrupts interrupts,
      java.time.ZoneId zone) throws SQLException {
    this.kind = requireNonNull(kind, "kind");
    this.resultSet = requireNonNull(resultSet, "resultSet");
    this.onEnd = requireNonNull(onEnd, "onEnd");
    this.interrupts = requireNonNull(interrupts, "interrupts");
    this.zone = requireNonNull(zone, "zone");
    this.columns = describe(resultSet.getMetaData());
    this.intervals = new boolean[columns.size()];
    for (int i = 0; i < intervals.length; i++) {
      intervals[i] = IntervalValues.isInterval(resultSet.getMetaData(), i + 1);
    }
  }

  /** The columns a result set's metadata describes. */
  static List<ColumnMeta> describe(ResultSetMetaData metaData) throws SQLException {
    List<ColumnMeta> columns = new ArrayList<>();
    for (int i = 1; i <= metaData.getColumnCount(); i++) {
      String table = metaData.getTableName(i);
      String schema = metaData.getSchemaName(i);
      if (table != null && !table.isEmpty() && schema != null && !schema.isEmpty()) {
        // the engine name, which carries the schema (see RelationNames)
        table = io.omendb.engine.catalog.RelationNames.qualify(schema, table);
      }
      columns.add(new ColumnMeta(metaData.getColumnLabel(i),
          TimestampTzValues.isTimestampTz(metaData, i) ? java.sql.Types.TIMESTAMP_WITH_TIMEZONE
              : metaData.getColumnType(i), metaData.getColumnTypeName(i),
          metaData.getPrecision(i), metaData.getScale(i), table == null || table.isEmpty() ? null : table,
          metaData.isNullable(i) != ResultSetMetaData.columnNoNulls));
    }
    return List.copyOf(columns);
  }

  @Override
  public CommandKind kind() {
    return kind;
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
    if (closed) {
      return null;
    }
    try {
      interrupts.check();
      if (!resultSet.next()) {
        return null;
      }
      Object[] row = new Object[columns.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = columns.get(i).jdbcType() == java.sql.Types.TIMESTAMP_WITH_TIMEZONE
            ? TimestampTzValues.read(resultSet, i + 1, zone)
            : intervals[i] ? IntervalValues.read(resultSet, i + 1) : resultSet.getObject(i + 1);
      }
      rowCount++;
      return row;
    } catch (SQLException | RuntimeException | StackOverflowError | ExceptionInInitializerError e) {
      end(false);
      throw SqlErrors.toSqlException(e);
    }
  }

  @Override
  public long rowCount() {
    return rowCount;
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      resultSet.close();
    } finally {
      end(true);
    }
  }

  private void end(boolean success) throws SQLException {
    if (!ended) {
      ended = true;
      onEnd.end(success);
    }
  }
}
