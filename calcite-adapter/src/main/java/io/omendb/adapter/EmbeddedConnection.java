package io.omendb.adapter;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * The embedded driver's JDBC objects: proxies over the session's Calcite connection that run every execution as a
 * session statement (inside its transaction, with errors carrying PostgreSQL SQLSTATEs) and close the session with
 * the connection.
 */
final class EmbeddedConnection implements InvocationHandler {
  private static final Set<String> EXECUTE_METHODS = Set.of("execute", "executeQuery", "executeUpdate",
      "executeLargeUpdate", "executeBatch", "executeLargeBatch");
  /** Statements the session handles itself (transaction and session control) rather than Calcite. */
  private static final java.util.regex.Pattern SESSION_STATEMENT = java.util.regex.Pattern.compile(
      "^\\s*(BEGIN|START|COMMIT|END|ROLLBACK|ABORT|SET|RESET|DISCARD|SAVEPOINT|RELEASE|SHOW|EXPLAIN(?!\\s+PLAN\\b)"
          + "|ALTER\\s+TABLE|COMMENT\\s+ON|CREATE\\s+(OR\\s+REPLACE\\s+)?VIEW|ALTER\\s+VIEW)\\b.*"
          + "|.*\\bAS\\s+OF\\s+SYSTEM\\s+TIME\\b.*",
      java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL);

  private final StoreSession session;
  private final Database ownedDatabase;
  private Connection proxy;
  private boolean closed;
  private boolean autoCommit = true;

  private EmbeddedConnection(StoreSession session, Database ownedDatabase) {
    this.session = session;
    this.ownedDatabase = ownedDatabase;
  }

  /** Wraps a session; if {@code ownedDatabase} is not null it is closed when its last session closes. */
  static Connection wrap(StoreSession session, Database ownedDatabase) {
    EmbeddedConnection handler = new EmbeddedConnection(session, ownedDatabase);
    handler.proxy = (Connection) Proxy.newProxyInstance(EmbeddedConnection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, handler);
    return handler.proxy;
  }

  @Override
  public Object invoke(Object self, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "close" -> {
        if (!closed) {
          closed = true;
          session.close();
          if (ownedDatabase != null && ownedDatabase.sessionCount() == 0) {
            ownedDatabase.close();
          }
        }
        return null;
      }
      case "isClosed" -> {
        return closed;
      }
      case "getAutoCommit" -> {
        return autoCommit;
      }
      case "setAutoCommit" -> {
        boolean enable = (Boolean) args[0];
        if (enable && !autoCommit) {
          // JDBC: switching autocommit back on commits the open transaction
          session.commitBlock();
        }
        autoCommit = enable;
        return null;
      }
      case "commit" -> {
        session.commitBlock();
        return null;
      }
      case "rollback" -> {
        if (args == null || args.length == 0) {
          session.rollbackBlock();
          return null;
        }
        throw new SQLException("savepoints are not supported yet", "0A000");
      }
      case "getTransactionIsolation" -> {
        return switch (session.currentIsolation()) {
          case READ_COMMITTED -> Connection.TRANSACTION_READ_COMMITTED;
          case REPEATABLE_READ -> Connection.TRANSACTION_REPEATABLE_READ;
          case SERIALIZABLE -> Connection.TRANSACTION_SERIALIZABLE;
        };
      }
      case "setTransactionIsolation" -> {
        int level = (Integer) args[0];
        session.setIsolation(switch (level) {
          case Connection.TRANSACTION_READ_UNCOMMITTED, Connection.TRANSACTION_READ_COMMITTED ->
              io.omendb.engine.mvcc.IsolationLevel.READ_COMMITTED;
          case Connection.TRANSACTION_REPEATABLE_READ -> io.omendb.engine.mvcc.IsolationLevel.REPEATABLE_READ;
          case Connection.TRANSACTION_SERIALIZABLE -> io.omendb.engine.mvcc.IsolationLevel.SERIALIZABLE;
          default -> throw new SQLException("unknown transaction isolation level " + level, "22023");
        });
        return null;
      }
      case "unwrap" -> {
        Class<?> type = (Class<?>) args[0];
        return type.isInstance(self) ? self : session.connection().unwrap(type);
      }
      case "isWrapperFor" -> {
        Class<?> type = (Class<?>) args[0];
        return type.isInstance(self) || session.connection().isWrapperFor(type);
      }
      default -> { }
    }
    if (closed && !method.getName().equals("isValid")) {
      throw new SQLException("connection is closed", "08003");
    }
    Object result = invokeMapped(session.connection(), method, args);
    if (result instanceof Statement statement) {
      return wrapStatement(statement, method.getReturnType());
    }
    return result;
  }

  private Object wrapStatement(Statement statement, Class<?> type) {
    Class<?> iface = type.isInterface() ? type : Statement.class;
    return Proxy.newProxyInstance(EmbeddedConnection.class.getClassLoader(), new Class<?>[] {iface},
        new StatementHandler(statement));
  }

  private static Object invokeMapped(Object target, Method method, Object[] args) throws SQLException {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException sql && sql.getSQLState() != null && !"XX000".equals(sql.getSQLState())
          && sql.getCause() == null) {
        throw sql;
      }
      throw SqlErrors.toSqlException(cause);
    } catch (IllegalAccessException e) {
      throw new SQLException(e.getMessage(), "XX000", e);
    }
  }

  /** Runs each execution of one statement as a session statement. */
  private final class StatementHandler implements InvocationHandler {
    private final Statement statement;
    private ResultSet currentResult;

    StatementHandler(Statement statement) {
      this.statement = statement;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (EXECUTE_METHODS.contains(name)) {
        return execute(method, args);
      }
      return switch (name) {
        case "getResultSet" -> currentResult;
        case "getConnection" -> proxy;
        case "close" -> {
          if (currentResult != null) {
            currentResult.close();
          }
          statement.close();
          yield null;
        }
        case "unwrap" -> ((Class<?>) args[0]).isInstance(self) ? self : statement.unwrap((Class<?>) args[0]);
        default -> invokeMapped(statement, method, args);
      };
    }

    private Object execute(Method method, Object[] args) throws SQLException {
      if (args != null && args.length > 0 && args[0] instanceof String sql
          && SESSION_STATEMENT.matcher(sql).matches()) {
        return executeSessionStatement(method, sql);
      }
      RowLocking.Locking locking = null;
      if (args != null && args.length > 0 && args[0] instanceof String sql) {
        args[0] = session.checkIdentityColumns(sql);
        locking = session.rowLocking((String) args[0]);
        if (locking != null) {
          args[0] = locking.sql();
        }
      }
      if (!autoCommit) {
        session.beginBlock();
      }
      session.beginStatement(locking == null ? null : locking.request());
      Object result;
      try {
        result = invokeMapped(statement, method, args);
      } catch (SQLException e) {
        session.endStatement(false);
        throw args != null && args.length > 0 && args[0] instanceof String sql
            ? UnsupportedFeatures.reclassify(sql, e) : e;
      } catch (RuntimeException e) {
        session.endStatement(false);
        throw e;
      }
      if (result instanceof ResultSet || Boolean.TRUE.equals(result) && method.getName().equals("execute")) {
        return holdResult(method, result);
      }
      session.endStatement(true);
      currentResult = null;
      return result;
    }

    /** Runs BEGIN, COMMIT, SET and the like through the session, which owns transaction state and settings. */
    private Object executeSessionStatement(Method method, String sql) throws SQLException {
      try (StatementResult result = session.execute(sql)) {
        if (result.hasRows()) {
          return rowsAsResultSet(method, result);
        }
      }
      currentResult = null;
      return switch (method.getName()) {
        case "execute" -> false;
        case "executeLargeUpdate" -> 0L;
        case "executeUpdate" -> 0;
        default -> throw new SQLException(method.getName() + " cannot run " + sql, "0A000");
      };
    }

    /**
     * Hands the text rows the session computed (SHOW, PostgreSQL-style EXPLAIN) to JDBC as a real result set, by
     * running them through Calcite as a VALUES list with the same column names.
     */
    private Object rowsAsResultSet(Method method, StatementResult result) throws SQLException {
      List<String> names = result.columns().stream().map(ColumnMeta::name).toList();
      StringBuilder values = new StringBuilder();
      for (Object[] row = result.next(); row != null; row = result.next()) {
        values.append(values.length() == 0 ? "" : ", ").append('(');
        for (int i = 0; i < row.length; i++) {
          values.append(i == 0 ? "" : ", ").append(row[i] == null ? "CAST(NULL AS VARCHAR)"
              : "CAST('" + String.valueOf(row[i]).replace("'", "''") + "' AS VARCHAR)");
        }
        values.append(')');
      }
      String columns = names.stream().map(n -> '"' + n.replace("\"", "\"\"") + '"')
          .collect(java.util.stream.Collectors.joining(", "));
      String query = values.length() > 0
          ? "SELECT * FROM (VALUES " + values + ") AS t(" + columns + ")"
          : "SELECT * FROM (VALUES (" + "CAST(NULL AS VARCHAR), ".repeat(names.size() - 1)
              + "CAST(NULL AS VARCHAR))) AS t(" + columns + ") WHERE FALSE";
      ResultSet rows = statement.executeQuery(query);
      currentResult = rows;
      return switch (method.getName()) {
        case "executeQuery" -> rows;
        case "execute" -> true;
        default -> throw new SQLException(method.getName() + " cannot return rows", "0A000");
      };
    }

    private Object holdResult(Method method, Object result) throws SQLException {
      ResultSet resultSet = result instanceof ResultSet rs ? rs : statement.getResultSet();
      currentResult = wrapResultSet(resultSet, (Statement) Proxy.newProxyInstance(
          EmbeddedConnection.class.getClassLoader(), new Class<?>[] {method.getDeclaringClass()}, this));
      session.holdOpen(currentResult);
      return result instanceof ResultSet ? currentResult : result;
    }

    private ResultSet wrapResultSet(ResultSet resultSet, Statement owner) {
      boolean[] ended = {false};
      return (ResultSet) Proxy.newProxyInstance(EmbeddedConnection.class.getClassLoader(),
          new Class<?>[] {ResultSet.class}, (self, method, args) -> {
            switch (method.getName()) {
              case "close" -> {
                resultSet.close();
                if (!ended[0]) {
                  ended[0] = true;
                  session.endStatement(true);
                }
                return null;
              }
              case "getStatement" -> {
                return owner;
              }
              case "getObject", "getString" -> {
                // timestamptz as OffsetDateTime (or PostgreSQL's text) in the session's zone
                if (args.length == 1 && args[0] instanceof Integer column
                    && TimestampTzValues.isTimestampTz(resultSet.getMetaData(), column)) {
                  java.time.OffsetDateTime value =
                      TimestampTzValues.read(resultSet, column, TimestampTzValues.zone(session));
                  return value == null || method.getName().equals("getObject") ? value
                      : TimestampTzText.format(value);
                }
                if (args.length == 1 && args[0] instanceof Integer column
                    && IntervalValues.isInterval(resultSet.getMetaData(), column)) {
                  // intervals as Duration or Period (or PostgreSQL's text)
                  return method.getName().equals("getObject") ? IntervalValues.read(resultSet, column)
                      : IntervalValues.readText(resultSet, column);
                }
                return invokeMapped(resultSet, method, args);
              }
              default -> {
                return invokeMapped(resultSet, method, args);
              }
            }
          });
    }
  }

  /** Whether {@code statement} is one of ours; for tests. */
  static boolean isEmbedded(Statement statement) {
    return Proxy.isProxyClass(statement.getClass());
  }

  /** The prepared statement type, referenced so the proxy interface list stays explicit. */
  static final Class<?> PREPARED = PreparedStatement.class;
}
