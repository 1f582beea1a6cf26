package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.parser.OmenParserConfig;
import io.omendb.adapter.parser.SqlBeginTransaction;
import io.omendb.adapter.parser.SqlCommitTransaction;
import io.omendb.adapter.parser.SqlDiscard;
import io.omendb.adapter.parser.SqlPgExplain;
import io.omendb.adapter.parser.SqlRollbackTransaction;
import io.omendb.adapter.parser.SqlSavepoint;
import io.omendb.adapter.parser.SqlSetTransaction;
import io.omendb.adapter.parser.SqlSetVariable;
import io.omendb.adapter.parser.SqlShow;
import io.omendb.engine.Engine;
import io.omendb.engine.mvcc.IsolationLevel;
import io.omendb.engine.mvcc.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * The {@link Session} implementation: parses each statement to learn its kind, handles session and transaction
 * control itself, and runs everything else through a private Calcite connection whose schema reaches the engine,
 * inside the session's transaction (one per statement in autocommit mode, or the open block's).
 */
final class StoreSession implements Session, TransactionSource {
  private final Engine engine;
  private final String user;
  private final CalciteConnection connection;
  private final SessionSettings settings = new SessionSettings();
  private final TransactionBlock block;
  private final StatementCache statements;
  private final Runnable onClose;

  /** The transaction of the statement now executing. */
  private Transaction transaction;
  /** Whether {@link #transaction} is the statement's own (autocommit) rather than the block's. */
  private boolean autocommitStatement;
  /** The row-returning result still being read, which holds the statement open. */
  private AutoCloseable openResult;
  private boolean closed;

  StoreSession(Engine engine, org.apache.calcite.jdbc.Driver driver, String user, Map<String, String> initial,
      Runnable onClose) throws SQLException {
    this.engine = requireNonNull(engine, "engine");
    this.user = requireNonNull(user, "user");
    this.onClose = requireNonNull(onClose, "onClose");
    this.block = new TransactionBlock(engine);
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
    this.statements = new StatementCache(connection, engine.catalog());
    initial.forEach(settings::setFromStartup);
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
    return settings.get(name);
  }

  @Override
  public Map<String, String> settings() {
    return settings.all();
  }

  @Override
  public void set(String name, String value) {
    settings.setFromStartup(name, value);
  }

  @Override
  public List<String> split(String sql) {
    return StatementSplitter.split(sql);
  }

  @Override
  public TransactionStatus transactionStatus() {
    return block.status();
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
    SqlNode node;
    try {
      node = SqlParser.create(sql, OmenParserConfig.config()).parseStmt();
    } catch (SqlParseException e) {
      failBlock();
      throw SqlErrors.toSqlException(e);
    }
    if (block.status() == TransactionStatus.FAILED
        && !(node instanceof SqlCommitTransaction || node instanceof SqlRollbackTransaction)) {
      throw new SQLException(
          "current transaction is aborted, commands ignored until end of transaction block", "25P02");
    }
    try {
      StatementResult control = executeControl(node);
      if (control != null) {
        return control;
      }
    } catch (SqlStateException | SQLException e) {
      failBlock();
      throw SqlErrors.toSqlException(e);
    }
    return executeSql(sql, node);
  }

  /** Session and transaction control handled here; null for statements that go to Calcite. */
  private StatementResult executeControl(SqlNode node) throws SQLException {
    if (node instanceof SqlBeginTransaction begin) {
      if (!block.inBlock()) {
        block.begin(TransactionBlock.fromParser(begin.isolationLevel()), defaultIsolation());
      }
      return CommandResult.of(begin.startTransaction() ? CommandKind.START_TRANSACTION : CommandKind.BEGIN, 0);
    }
    if (node instanceof SqlCommitTransaction) {
      try {
        return CommandResult.of(block.commit() ? CommandKind.COMMIT : CommandKind.ROLLBACK, 0);
      } catch (RuntimeException e) {
        throw SqlErrors.toSqlException(e);
      }
    }
    if (node instanceof SqlRollbackTransaction) {
      block.rollback();
      return CommandResult.of(CommandKind.ROLLBACK, 0);
    }
    if (node instanceof SqlSavepoint) {
      throw new SQLException("savepoints are not supported yet", "0A000");
    }
    if (node instanceof SqlSetTransaction setTransaction) {
      IsolationLevel level = TransactionBlock.fromParser(setTransaction.isolationLevel());
      if (level != null) {
        if (setTransaction.sessionDefault() || !block.inBlock()) {
          settings.set(SessionSettings.DEFAULT_TRANSACTION_ISOLATION, TransactionBlock.sqlName(level));
        } else {
          block.setIsolation(level);
        }
      }
      return CommandResult.of(CommandKind.SET, 0);
    }
    if (node instanceof SqlSetVariable set) {
      applySet(set);
      return CommandResult.of(set.isReset() ? CommandKind.RESET : CommandKind.SET, 0);
    }
    if (node instanceof SqlShow show) {
      return show(show);
    }
    if (node instanceof SqlDiscard) {
      if (block.inBlock()) {
        throw new SQLException("DISCARD ALL cannot run inside a transaction block", "25001");
      }
      settings.resetAll();
      statements.clear();
      return CommandResult.of(CommandKind.DISCARD_ALL, 0);
    }
    return null;
  }

  private StatementResult executeSql(String sql, SqlNode node) throws SQLException {
    if (node instanceof SqlPgExplain explain) {
      return explain(sql, explain);
    }
    CommandKind kind = kindOf(node);
    beginStatement();
    try {
      if (node.getKind().belongsTo(SqlKind.DDL)) {
        try (Statement statement = connection.createStatement()) {
          statement.execute(sql);
        }
        endStatement(true);
        return CommandResult.of(kind, 0);
      }
      PreparedStatement prepared = kind == CommandKind.EXPLAIN ? null : statements.prepareParameterized(node);
      if (prepared == null) {
        prepared = statements.prepare(sql);
      }
      if (kind == CommandKind.SELECT || kind == CommandKind.EXPLAIN) {
        ResultSet resultSet = prepared.executeQuery();
        ResultSetResult result = new ResultSetResult(kind, resultSet, this::endStatement);
        openResult = result;
        return result;
      }
      long count = prepared.executeLargeUpdate();
      endStatement(true);
      return CommandResult.of(kind, count);
    } catch (SQLException | RuntimeException | StackOverflowError | ExceptionInInitializerError e) {
      SQLException mapped = SqlErrors.toSqlException(e);
      endStatementQuietly();
      throw mapped;
    }
  }

  /**
   * PostgreSQL's EXPLAIN: the plan as one text column {@code QUERY PLAN}, a row per line. With ANALYZE the statement
   * runs (as in PostgreSQL, also a data-changing one) and the rows it returned or changed and the time it took are
   * added.
   */
  private StatementResult explain(String sql, SqlPgExplain explain) throws SQLException {
    String statement = sql.substring(offsetOf(sql, explain.statement().getParserPosition().getLineNum(),
        explain.statement().getParserPosition().getColumnNum()));
    List<Object[]> lines = new ArrayList<>();
    beginStatement();
    try {
      long planStart = System.nanoTime();
      String plan;
      try (Statement explainStatement = connection.createStatement();
          ResultSet resultSet = explainStatement.executeQuery("EXPLAIN PLAN FOR " + statement)) {
        resultSet.next();
        plan = resultSet.getString(1);
      }
      long planNanos = System.nanoTime() - planStart;
      List<String> planLines = plan.lines().toList();
      String analyzed = null;
      if (explain.analyze()) {
        long start = System.nanoTime();
        long rows = 0;
        try (PreparedStatement prepared = connection.prepareStatement(statement)) {
          if (prepared.execute()) {
            try (ResultSet resultSet = prepared.getResultSet()) {
              while (resultSet.next()) {
                rows++;
              }
            }
          } else {
            rows = prepared.getLargeUpdateCount();
          }
        }
        analyzed = String.format(java.util.Locale.ROOT, " (actual time=%.3f rows=%d loops=1)",
            (System.nanoTime() - start) / 1e6, rows);
        for (int i = 0; i < planLines.size(); i++) {
          lines.add(new Object[] {i == 0 ? planLines.get(i) + analyzed : planLines.get(i)});
        }
        lines.add(new Object[] {String.format(java.util.Locale.ROOT, "Planning Time: %.3f ms", planNanos / 1e6)});
        lines.add(new Object[] {String.format(java.util.Locale.ROOT, "Execution Time: %.3f ms",
            (System.nanoTime() - start) / 1e6)});
      } else {
        planLines.forEach(line -> lines.add(new Object[] {line}));
      }
      endStatement(true);
    } catch (SQLException | RuntimeException | StackOverflowError | ExceptionInInitializerError e) {
      SQLException mapped = SqlErrors.toSqlException(e);
      endStatementQuietly();
      throw mapped;
    }
    return RowsResult.text(CommandKind.EXPLAIN, List.of("QUERY PLAN"), lines);
  }

  /** The character offset of a 1-based line and column in {@code sql}. */
  private static int offsetOf(String sql, int line, int column) {
    int offset = 0;
    for (int l = 1; l < line; l++) {
      offset = sql.indexOf('\n', offset) + 1;
    }
    return offset + column - 1;
  }

  /**
   * Starts a statement: finishes the previous statement's open result and gives the statement its transaction,
   * the block's or (autocommit) a new one. The embedded JDBC driver calls this around its calls into Calcite.
   */
  void beginStatement() throws SQLException {
    checkOpen();
    finishOpenResult();
    if (block.status() == TransactionStatus.FAILED) {
      throw new SQLException(
          "current transaction is aborted, commands ignored until end of transaction block", "25P02");
    }
    if (block.inBlock()) {
      transaction = block.forStatement();
      autocommitStatement = false;
    } else {
      transaction = engine.begin(defaultIsolation());
      autocommitStatement = true;
    }
  }

  /**
   * Ends the current statement: in autocommit mode commits on success and rolls back on failure; inside a block,
   * a failure fails the block.
   *
   * @throws SQLException if the autocommit commit fails (serialization failure, unique violation)
   */
  void endStatement(boolean success) throws SQLException {
    Transaction ending = transaction;
    boolean autocommit = autocommitStatement;
    transaction = null;
    openResult = null;
    if (ending == null) {
      return;
    }
    if (!autocommit) {
      if (!success) {
        block.fail();
      }
      return;
    }
    if (!success) {
      ending.rollback();
      return;
    }
    try {
      ending.commit();
    } catch (RuntimeException e) {
      throw SqlErrors.toSqlException(e);
    }
  }

  private void endStatementQuietly() {
    try {
      endStatement(false);
    } catch (SQLException impossible) {
      // a failed statement only rolls back, which does not throw
    }
  }

  private void failBlock() {
    if (block.status() == TransactionStatus.IN_TRANSACTION) {
      block.fail();
    }
  }

  /** Records the result set that holds the current statement open until it is closed. */
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

  /** The isolation level of new transactions: {@code default_transaction_isolation}. */
  IsolationLevel defaultIsolation() {
    return TransactionBlock.parseIsolation(settings.get(SessionSettings.DEFAULT_TRANSACTION_ISOLATION));
  }

  /** The isolation level of the current transaction, as {@code SHOW transaction_isolation} reports it. */
  IsolationLevel currentIsolation() {
    return block.inBlock() ? block.blockIsolation() : defaultIsolation();
  }

  /** Opens an explicit transaction block (the embedded driver's {@code setAutoCommit(false)}). */
  void beginBlock() {
    if (!block.inBlock()) {
      block.begin(null, defaultIsolation());
    }
  }

  /** Commits the open block, if any (the embedded driver's {@code commit()}). */
  void commitBlock() throws SQLException {
    finishOpenResult();
    if (!block.inBlock()) {
      return;
    }
    boolean committed;
    try {
      committed = block.commit();
    } catch (RuntimeException e) {
      throw SqlErrors.toSqlException(e);
    }
    if (!committed) {
      throw new SQLException("the transaction had failed and was rolled back", "40000");
    }
  }

  /** Rolls the open block back, if any. */
  void rollbackBlock() throws SQLException {
    finishOpenResult();
    block.rollback();
  }

  /** Sets the isolation of the next transactions (the embedded driver's {@code setTransactionIsolation}). */
  void setIsolation(IsolationLevel level) {
    if (block.inBlock()) {
      block.setIsolation(level);
    } else {
      settings.set(SessionSettings.DEFAULT_TRANSACTION_ISOLATION, TransactionBlock.sqlName(level));
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
      case CREATE_INDEX -> CommandKind.CREATE_INDEX;
      case DROP_INDEX -> CommandKind.DROP_INDEX;
      case EXPLAIN -> CommandKind.EXPLAIN;
      default -> throw new SQLException("statement not supported yet: " + kind, "0A000");
    };
  }

  private void applySet(SqlSetVariable set) {
    if (set.isResetAll()) {
      settings.resetAll();
      return;
    }
    String name = set.name();
    String value = set.isDefault() ? null : String.join(", ", set.values());
    if (name.equals(SessionSettings.TRANSACTION_ISOLATION)) {
      if (value != null) {
        IsolationLevel level = TransactionBlock.parseIsolation(value);
        if (block.inBlock()) {
          block.setIsolation(level);
        } else {
          settings.set(SessionSettings.DEFAULT_TRANSACTION_ISOLATION, TransactionBlock.sqlName(level));
        }
      }
      return;
    }
    if (name.equals(SessionSettings.DEFAULT_TRANSACTION_ISOLATION) && value != null) {
      value = TransactionBlock.sqlName(TransactionBlock.parseIsolation(value));
    }
    settings.set(name, value);
  }

  private StatementResult show(SqlShow show) throws SQLException {
    if (show.isAll()) {
      List<Object[]> rows = new ArrayList<>();
      settings.all().forEach((name, value) -> rows.add(new Object[] {name, value, ""}));
      return RowsResult.text(CommandKind.SHOW, List.of("name", "setting", "description"), rows);
    }
    String name = SessionSettings.normalize(show.name());
    String value = name.equals(SessionSettings.TRANSACTION_ISOLATION)
        ? TransactionBlock.sqlName(currentIsolation()) : settings.get(name);
    if (value == null) {
      throw new SQLException("unrecognized configuration parameter \"" + show.name() + "\"", "42704");
    }
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {value});
    return RowsResult.text(CommandKind.SHOW, List.of(name), rows);
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
    block.rollback();
    statements.close();
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
