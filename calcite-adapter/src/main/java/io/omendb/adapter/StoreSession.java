package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.parser.OmenParserConfig;
import io.omendb.engine.Engine;
import io.omendb.engine.mvcc.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSetOption;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * The {@link Session} implementation: parses each statement to learn its kind, runs it through a private Calcite
 * connection whose schema reaches the engine, and wraps it in a transaction (per statement in autocommit mode).
 */
final class StoreSession implements Session, TransactionSource {
  private static final int STATEMENT_CACHE_SIZE = 64;

  private final Engine engine;
  private final String user;
  private final CalciteConnection connection;
  private final Map<String, String> settings = new TreeMap<>();
  private final Map<String, PreparedStatement> statementCache =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
          if (size() > STATEMENT_CACHE_SIZE) {
            closeQuietly(eldest.getValue());
            return true;
          }
          return false;
        }
      };
  private long cachedCatalogVersion;
  private final Runnable onClose;

  /** The transaction of the statement now executing (autocommit) or of the open block. */
  private Transaction transaction;
  /** The row-returning result still being read, which holds {@link #transaction} open. */
  private AutoCloseable openResult;
  private boolean closed;

  StoreSession(Engine engine, org.apache.calcite.jdbc.Driver driver, String user, Map<String, String> initial,
      Runnable onClose) throws SQLException {
    this.engine = requireNonNull(engine, "engine");
    this.user = requireNonNull(user, "user");
    this.onClose = requireNonNull(onClose, "onClose");
    Properties properties = new Properties();
    properties.setProperty("parserFactory", StoreParserFactory.class.getName() + "#INSTANCE");
    properties.setProperty("quoting", "DOUBLE_QUOTE");
    properties.setProperty("unquotedCasing", "TO_LOWER");
    properties.setProperty("quotedCasing", "UNCHANGED");
    properties.setProperty("caseSensitive", "true");
    properties.setProperty("conformance", "LENIENT");
    properties.setProperty("typeSystem", StoreTypeSystem.class.getName() + "#INSTANCE");
    properties.setProperty("fun", "standard,postgresql");
    Connection raw = driver.connect("jdbc:calcite:", properties);
    if (raw == null) {
      throw new SQLException("Calcite refused the connection", "XX000");
    }
    this.connection = raw.unwrap(CalciteConnection.class);
    SchemaPlus root = connection.getRootSchema();
    root.add(StoreSchema.NAME, new StoreSchema(engine, this));
    connection.setSchema(StoreSchema.NAME);
    this.cachedCatalogVersion = engine.catalog().version();
    initial.forEach((name, value) -> set(name, value));
  }

  /** The Calcite connection, for the embedded JDBC driver, which wraps it. */
  CalciteConnection connection() {
    return connection;
  }

  @Override
  public String user() {
    return user;
  }

  @Override
  public String setting(String name) {
    return settings.get(name.toLowerCase(Locale.ROOT));
  }

  @Override
  public Map<String, String> settings() {
    return Collections.unmodifiableMap(settings);
  }

  @Override
  public void set(String name, String value) {
    settings.put(requireNonNull(name, "name").toLowerCase(Locale.ROOT), value);
  }

  @Override
  public List<String> split(String sql) {
    return StatementSplitter.split(sql);
  }

  @Override
  public TransactionStatus transactionStatus() {
    return TransactionStatus.IDLE;
  }

  @Override
  public Transaction current() {
    if (transaction == null) {
      throw new IllegalStateException("no statement is executing in this session");
    }
    return transaction;
  }

  @Override
  public StatementResult execute(String sql) throws SQLException {
    checkOpen();
    finishOpenResult();
    SqlNode node = parse(sql);
    CommandKind kind = kindOf(node);
    if (node instanceof SqlSetOption option) {
      applySet(option);
      return CommandResult.of(kind, 0);
    }
    beginStatement();
    try {
      if (node.getKind().belongsTo(SqlKind.DDL)) {
        try (Statement statement = connection.createStatement()) {
          statement.execute(sql);
        }
        endStatement(true);
        return CommandResult.of(kind, 0);
      }
      PreparedStatement prepared = prepare(sql);
      if (kind == CommandKind.SELECT || kind == CommandKind.EXPLAIN) {
        ResultSet resultSet = prepared.executeQuery();
        ResultSetResult result = new ResultSetResult(kind, resultSet, () -> endStatement(true));
        openResult = result;
        return result;
      }
      long count = prepared.executeLargeUpdate();
      endStatement(true);
      return CommandResult.of(kind, count);
    } catch (SQLException | RuntimeException | StackOverflowError e) {
      endStatement(false);
      throw SqlErrors.toSqlException(e);
    }
  }

  /**
   * Starts a statement: finishes the previous statement's open result and, in autocommit mode, begins the
   * statement's transaction. The embedded JDBC driver calls this around its calls into the Calcite connection.
   */
  void beginStatement() throws SQLException {
    checkOpen();
    finishOpenResult();
    if (transaction == null) {
      transaction = engine.begin();
    }
  }

  /** Ends the current autocommit statement: commits on success, rolls back on failure. */
  void endStatement(boolean success) {
    Transaction ending = transaction;
    transaction = null;
    openResult = null;
    if (ending == null) {
      return;
    }
    if (success) {
      ending.commit();
    } else {
      ending.rollback();
    }
  }

  /** Records the result set that keeps the current statement's transaction open until it is closed. */
  void holdOpen(AutoCloseable result) {
    openResult = result;
  }

  private void finishOpenResult() throws SQLException {
    AutoCloseable open = openResult;
    if (open != null) {
      try {
        open.close();
      } catch (SQLException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new SQLException(e.getMessage(), "XX000", e);
      }
    }
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    long version = engine.catalog().version();
    if (version != cachedCatalogVersion) {
      statementCache.values().forEach(StoreSession::closeQuietly);
      statementCache.clear();
      cachedCatalogVersion = version;
    }
    PreparedStatement prepared = statementCache.get(sql);
    if (prepared == null) {
      prepared = connection.prepareStatement(sql);
      statementCache.put(sql, prepared);
    }
    return prepared;
  }

  private static SqlNode parse(String sql) throws SQLException {
    try {
      return SqlParser.create(sql, OmenParserConfig.config()).parseStmt();
    } catch (SqlParseException e) {
      throw SqlErrors.toSqlException(e);
    }
  }

  static CommandKind kindOf(SqlNode node) throws SQLException {
    SqlKind kind = node.getKind();
    if (kind.belongsTo(SqlKind.QUERY)) {
      return CommandKind.SELECT;
    }
    return switch (kind) {
      case INSERT -> CommandKind.INSERT;
      case UPDATE -> CommandKind.UPDATE;
      case DELETE -> CommandKind.DELETE;
      case CREATE_TABLE -> CommandKind.CREATE_TABLE;
      case DROP_TABLE -> CommandKind.DROP_TABLE;
      case EXPLAIN -> CommandKind.EXPLAIN;
      case SET_OPTION -> CommandKind.SET;
      default -> throw new SQLException("statement not supported yet: " + kind, "0A000");
    };
  }

  private void applySet(SqlSetOption option) {
    String name = String.join(".", option.getName().names);
    SqlNode value = option.getValue();
    if (value == null) {
      settings.remove(name.toLowerCase(Locale.ROOT));
    } else if (value instanceof SqlLiteral literal) {
      set(name, literal.toValue());
    } else if (value instanceof SqlIdentifier identifier) {
      set(name, String.join(".", identifier.names));
    } else {
      set(name, value.toString());
    }
  }

  private void checkOpen() throws SQLException {
    if (closed) {
      throw new SQLException("session is closed", "08003");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      finishOpenResult();
    } catch (SQLException ignored) {
      // the session is going away; its transaction is rolled back below
    }
    if (transaction != null) {
      transaction.rollback();
      transaction = null;
    }
    statementCache.values().forEach(StoreSession::closeQuietly);
    statementCache.clear();
    closeQuietly(connection);
    onClose.run();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // closing a statement or connection of a session that is ending; nothing to report to
    }
  }
}
