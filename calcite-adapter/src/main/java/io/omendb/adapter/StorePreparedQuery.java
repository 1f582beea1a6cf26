package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.parser.OmenParserConfig;
import io.omendb.adapter.parser.SqlPgExplain;
import io.omendb.adapter.parser.SqlReturning;
import io.omendb.adapter.parser.SqlShow;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * A {@link PreparedQuery} of a {@link StoreSession}. Queries and DML have their {@code $n} placeholders rewritten to
 * Calcite dynamic parameters and are planned once through the session's {@link StatementCache}; each execution binds
 * the values and reuses the plan. Statements the session handles itself (transaction control, SET, SHOW, EXPLAIN,
 * DDL) take no parameters and run through {@link Session#execute} when executed.
 */
final class StorePreparedQuery implements PreparedQuery {
  private final StoreSession session;
  private final String sql;
  /** The text Calcite plans; null for statements the session runs itself. */
  private final String calciteSql;
  private final CommandKind kind;
  private final List<Integer> parameterTypes;
  /** For each dynamic parameter of {@link #calciteSql}: the placeholder it stands for ({@code $1} is 0). */
  private final List<Integer> occurrences;
  /** For each dynamic parameter: the type Calcite gave it. */
  private final List<Integer> occurrenceTypes;
  private final List<ColumnMeta> columns;
  /** Whether executions return rows (queries, DML with RETURNING). */
  private final boolean rows;
  /** The {@code AS OF SYSTEM TIME} expression the query reads at, evaluated at each execution; or null. */
  private final String asOfTime;
  /** The locking clause ({@code FOR UPDATE}) cut out of the query and the query it applies to; or null. */
  private final Locked locked;

  /** A query's locking clause with the parsed query, resolved to tables at each execution. */
  private record Locked(RowLocking.Clause clause, SqlNode query) {}

  private StorePreparedQuery(StoreSession session, String sql, String calciteSql, CommandKind kind,
      List<Integer> parameterTypes, List<Integer> occurrences, List<Integer> occurrenceTypes,
      List<ColumnMeta> columns) {
    this(session, sql, calciteSql, kind, parameterTypes, occurrences, occurrenceTypes, columns, null, null);
  }

  private StorePreparedQuery(StoreSession session, String sql, String calciteSql, CommandKind kind,
      List<Integer> parameterTypes, List<Integer> occurrences, List<Integer> occurrenceTypes,
      List<ColumnMeta> columns, String asOfTime, Locked locked) {
    this.asOfTime = asOfTime;
    this.locked = locked;
    this.session = requireNonNull(session, "session");
    this.sql = requireNonNull(sql, "sql");
    this.calciteSql = calciteSql;
    this.kind = kind;
    this.parameterTypes = List.copyOf(parameterTypes);
    this.occurrences = List.copyOf(occurrences);
    this.occurrenceTypes = List.copyOf(occurrenceTypes);
    this.columns = List.copyOf(columns);
    this.rows = kind == CommandKind.SELECT || !this.columns.isEmpty();
  }

  static StorePreparedQuery prepare(StoreSession session, String sql, List<Integer> declaredTypes)
      throws SQLException {
    PlaceholderRewriter.Placeholders placeholders;
    SqlNode node;
    AsOfSystemTime.Clause asOf = null;
    RowLocking.Clause locking = null;
    try {
      IdentityColumns.Overriding overriding = IdentityColumns.overriding(sql);
      sql = overriding.sql();
      asOf = AsOfSystemTime.extract(sql);
      if (asOf != null && AsOfStatements.isSetTransaction(asOf.sql())) {
        // SET TRANSACTION AS OF SYSTEM TIME: the session runs it
        return new StorePreparedQuery(session, sql, null, null, List.of(), List.of(), List.of(), List.of());
      }
      String text = asOf == null ? sql : asOf.sql();
      locking = RowLocking.extract(text);
      placeholders = PlaceholderRewriter.find(locking == null ? text : locking.sql());
      node = SqlParser.create(placeholders.rewrite(p -> "?"), OmenParserConfig.config()).parseStmt();
      IdentityColumns.check(node, session.engine().catalog(), overriding.systemValue());
      ViewCommand.checkWritable(node, session.engine().catalog());
      if (locking != null) {
        RowLocking.resolve(locking, node, session.engine().catalog(), session.searchPath());
      }
    } catch (SqlParseException | SqlStateException | StackOverflowError e) {
      session.failBlock();
      throw SqlErrors.toSqlException(e);
    }
    StatementLimits.check(node, session);
    if (session.refusedByFailedBlock(node)) {
      throw new SQLException(
          "current transaction is aborted, commands ignored until end of transaction block", "25P02");
    }
    int count = Math.max(placeholders.parameterCount(), declaredTypes.size());
    if (!plannedByCalcite(node)) {
      if (count > 0) {
        session.failBlock();
        throw new SQLException("this statement cannot have parameters", "0A000");
      }
      return new StorePreparedQuery(session, sql, null, null, List.of(), List.of(), List.of(), columnsOf(node));
    }
    try {
      if (asOf != null) {
        AsOfStatements.checkReadOnly(node);
      }
      StorePreparedQuery query =
          plan(session, sql, node, placeholders, declaredTypes, count, StoreSession.kindOf(node));
      return asOf == null && locking == null ? query : new StorePreparedQuery(session, sql, query.calciteSql,
          query.kind, query.parameterTypes, query.occurrences, query.occurrenceTypes, query.columns,
          asOf == null ? null : asOf.time(), locking == null ? null : new Locked(locking, node));
    } catch (SQLException | RuntimeException | StackOverflowError | ExceptionInInitializerError e) {
      session.failBlock();
      throw SqlErrors.toSqlException(e);
    }
  }

  private static StorePreparedQuery plan(StoreSession session, String sql, SqlNode node,
      PlaceholderRewriter.Placeholders placeholders, List<Integer> declaredTypes, int count, CommandKind kind)
      throws SQLException {
    String calciteSql = placeholders.rewrite(p -> "?");
    PreparedStatement prepared;
    try {
      prepared = session.statementCache().prepare(calciteSql);
    } catch (SQLException | RuntimeException first) {
      if (placeholders.parameters().isEmpty()) {
        throw first;
      }
      // Calcite cannot type a bare parameter in some places (SELECT $1); PostgreSQL takes the declared type, or
      // text. Cast each placeholder to that type and try again.
      calciteSql = placeholders.rewrite(p -> "CAST(? AS " + sqlTypeName(declared(declaredTypes, p)) + ")");
      try {
        prepared = session.statementCache().prepare(calciteSql);
      } catch (SQLException | RuntimeException second) {
        throw first;
      }
    }
    ParameterMetaData metaData = prepared.getParameterMetaData();
    List<Integer> occurrenceTypes = new ArrayList<>();
    for (int i = 0; i < placeholders.parameters().size(); i++) {
      int type = metaData.getParameterType(i + 1);
      occurrenceTypes.add(ParameterValues.parameterType(type, metaData.getParameterTypeName(i + 1)));
    }
    List<Integer> types = new ArrayList<>(count);
    for (int p = 0; p < count; p++) {
      int type = declared(declaredTypes, p);
      if (type == Types.OTHER) {
        int first = placeholders.parameters().indexOf(p);
        type = first < 0 ? Types.VARCHAR : described(occurrenceTypes.get(first));
      }
      types.add(type);
    }
    List<ColumnMeta> columns = List.of();
    if (kind == CommandKind.SELECT || node instanceof SqlReturning) {
      ResultSetMetaData resultMetaData = prepared.getMetaData();
      columns = resultMetaData == null ? List.of() : ResultSetResult.describe(resultMetaData);
    }
    return new StorePreparedQuery(session, sql, calciteSql, kind, types, placeholders.parameters(),
        occurrenceTypes, columns);
  }

  /** Whether Calcite plans the statement (queries and DML), rather than the session running it itself. */
  private static boolean plannedByCalcite(SqlNode node) {
    if (node instanceof SqlPgExplain) {
      return false;
    }
    SqlKind kind = node.getKind();
    return kind.belongsTo(SqlKind.QUERY) || kind == SqlKind.INSERT || kind == SqlKind.UPDATE
        || kind == SqlKind.DELETE;
  }

  /** The result columns of a statement the session runs itself. */
  private static List<ColumnMeta> columnsOf(SqlNode node) {
    List<String> names;
    if (node instanceof SqlShow show) {
      names = show.isAll() ? List.of("name", "setting", "description")
          : List.of(SessionSettings.normalize(show.name()));
    } else if (node instanceof SqlPgExplain) {
      names = List.of("QUERY PLAN");
    } else {
      return List.of();
    }
    return RowsResult.text(CommandKind.SHOW, names, List.of()).columns();
  }

  private static int declared(List<Integer> declaredTypes, int parameter) {
    return parameter < declaredTypes.size() ? declaredTypes.get(parameter) : Types.OTHER;
  }

  /** The type reported for a parameter Calcite typed; text when Calcite could not say. */
  private static int described(int jdbcType) {
    return jdbcType == Types.OTHER || jdbcType == Types.NULL || jdbcType == Types.JAVA_OBJECT
        || jdbcType == ParameterValues.UUID_TYPE ? Types.VARCHAR
        : jdbcType == ParameterValues.TIMESTAMPTZ_TYPE ? Types.TIMESTAMP_WITH_TIMEZONE : jdbcType;
  }

  private static String sqlTypeName(int jdbcType) {
    return switch (jdbcType) {
      case Types.BOOLEAN, Types.BIT -> "BOOLEAN";
      case Types.TINYINT, Types.SMALLINT -> "SMALLINT";
      case Types.INTEGER -> "INTEGER";
      case Types.BIGINT -> "BIGINT";
      case Types.REAL -> "REAL";
      case Types.FLOAT, Types.DOUBLE -> "DOUBLE";
      case Types.DECIMAL, Types.NUMERIC -> "DECIMAL";
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> "VARBINARY";
      case Types.DATE -> "DATE";
      case Types.TIME -> "TIME";
      case Types.TIMESTAMP -> "TIMESTAMP";
      case Types.TIMESTAMP_WITH_TIMEZONE -> "TIMESTAMP WITH LOCAL TIME ZONE";
      default -> "VARCHAR";
    };
  }

  @Override
  public List<Integer> parameterTypes() {
    return parameterTypes;
  }

  @Override
  public CommandKind kind() {
    return calciteSql == null ? null : kind;
  }

  @Override
  public List<ColumnMeta> columns() {
    return columns;
  }

  @Override
  public StatementResult execute(List<Object> values) throws SQLException {
    requireNonNull(values, "values");
    if (values.size() != parameterTypes.size()) {
      throw new SQLException("bind message supplies " + values.size() + " parameters, but prepared statement"
          + " requires " + parameterTypes.size(), "08P01");
    }
    if (calciteSql == null) {
      return session.execute(sql);
    }
    Object[] bound = new Object[occurrences.size()];
    try {
      for (int i = 0; i < bound.length; i++) {
        bound[i] = ParameterValues.coerce(values.get(occurrences.get(i)), occurrenceTypes.get(i),
            TimestampTzValues.zone(session));
      }
    } catch (SQLException e) {
      session.failBlock();
      throw e;
    }
    RowLocking.Request locks = null;
    if (locked != null) {
      try {
        locks = RowLocking.resolve(locked.clause(), locked.query(), session.engine().catalog(),
            session.searchPath());
      } catch (SqlStateException e) {
        session.failBlock();
        throw SqlErrors.toSqlException(e);
      }
    }
    return session.withRowLocks(locks, () -> session.executePrepared(kind, rows, calciteSql, asOfTime, prepared -> {
      for (int i = 0; i < bound.length; i++) {
        if (bound[i] == null) {
          int type = occurrenceTypes.get(i);
          prepared.setNull(i + 1, ParameterValues.nullType(type));
        } else {
          prepared.setObject(i + 1, bound[i]);
        }
      }
    }));
  }

  @Override
  public void close() {
    // The plan belongs to the session's statement cache, which may serve it again.
  }
}
