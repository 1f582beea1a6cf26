package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.catalog.Catalog;
import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.mvcc.Transaction;
import io.omendb.engine.users.TablePrivilege;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.runtime.SqlFunctions;

/**
 * A {@code COPY ... FROM STDIN} that writes each row straight into the engine inside the COPY's transaction,
 * without planning or executing SQL per row: the text fields are converted as parameter values are, and the
 * engine checks NOT NULL, primary and unique keys and maintains secondary indexes as for any insert. Used when every
 * column the data leaves out has no DEFAULT (a default is an expression only SQL can evaluate); {@link StoreCopy}
 * falls back to a prepared INSERT otherwise.
 */
final class DirectCopyIn extends CopyInStatement {
  private final TableDef table;
  /** For each field of a data row, the index of its column in the table. */
  private final int[] targets;
  /** For each field, the JDBC type its text is parsed as. */
  private final int[] jdbcTypes;

  private DirectCopyIn(StoreSession session, TableDef table, List<ColumnMeta> columns, int[] targets,
      CopyFormat format) {
    super(session, columns, format);
    this.table = requireNonNull(table, "table");
    this.targets = targets;
    this.jdbcTypes = columns.stream().mapToInt(column -> column.jdbcType() == Types.TIMESTAMP_WITH_TIMEZONE
        ? ParameterValues.TIMESTAMPTZ_TYPE : ParameterValues.parameterType(column.jdbcType(), column.typeName()))
        .toArray();
  }

  /**
   * Starts a direct COPY into the table {@code columns} (described by a query over the COPY's column list) belong
   * to, if it qualifies: the table is a store table and every column left out has no DEFAULT. Checks the INSERT
   * privilege and begins the COPY's statement.
   *
   * @return the COPY, or empty if the caller must insert through SQL instead
   * @throws SQLException 42501 without the INSERT privilege
   */
  static Optional<CopyIn> start(StoreSession session, Catalog catalog, List<ColumnMeta> columns, CopyFormat format)
      throws SQLException {
    if (columns.isEmpty() || columns.get(0).tableName() == null) {
      return Optional.empty();
    }
    Optional<TableDef> found = catalog.table(columns.get(0).tableName());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    TableDef table = found.get();
    int[] targets = new int[columns.size()];
    boolean[] given = new boolean[table.columns().size()];
    for (int i = 0; i < targets.length; i++) {
      ColumnMeta column = columns.get(i);
      int index = table.columnIndex(column.name());
      if (!table.name().equals(column.tableName()) || index < 0 || given[index]) {
        return Optional.empty();
      }
      targets[i] = index;
      given[index] = true;
    }
    for (int i = 0; i < given.length; i++) {
      if (!given[i] && table.columns().get(i).defaultExpression() != null) {
        return Optional.empty();
      }
    }
    try {
      session.access().check(table, TablePrivilege.INSERT);
    } catch (RuntimeException e) {
      session.failBlock();
      throw SqlErrors.toSqlException(e);
    }
    session.beginStatement();
    return Optional.of(new DirectCopyIn(session, table, columns, targets, format));
  }

  @Override
  long write(List<String> fields) throws SQLException {
    Object[] row = new Object[table.columns().size()];
    for (int i = 0; i < targets.length; i++) {
      ColumnDef column = table.columns().get(targets[i]);
      row[targets[i]] = toEngine(column,
          ParameterValues.coerce(fields.get(i), jdbcTypes[i], TimestampTzValues.zone(session())));
    }
    Transaction transaction = session().current();
    transaction.insert(table, row);
    return 1;
  }

  /** The engine's representation of a parameter value, as Calcite's generated code would convert it. */
  private static Object toEngine(ColumnDef column, Object value) throws SQLException {
    if (value == null) {
      return null;
    }
    ColumnType type = column.type();
    return switch (type) {
      case DATE -> SqlFunctions.toInt((java.sql.Date) value);
      case TIME -> SqlFunctions.toInt((java.sql.Time) value);
      case TIMESTAMP -> SqlFunctions.toLong((java.sql.Timestamp) value);
      case VARCHAR, CHAR -> checkLength(column, (String) value);
      default -> value;
    };
  }

  /** PostgreSQL's 22001 for a string longer than its column allows (trailing spaces of a char(n) may be cut). */
  private static String checkLength(ColumnDef column, String value) throws SQLException {
    int limit = column.precision();
    if (limit <= 0 || value.codePointCount(0, value.length()) <= limit) {
      return value;
    }
    if (column.type() == ColumnType.CHAR && value.substring(value.offsetByCodePoints(0, limit)).isBlank()) {
      return value.substring(0, value.offsetByCodePoints(0, limit));
    }
    throw new SQLException("value too long for type "
        + (column.type() == ColumnType.CHAR ? "character" : "character varying") + "(" + limit + ")", "22001");
  }
}
