package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.parser.OmenParserConfig;
import io.omendb.adapter.parser.SqlAlterTable;
import io.omendb.adapter.parser.SqlBeginTransaction;
import io.omendb.adapter.parser.SqlCommentOn;
import io.omendb.adapter.parser.SqlCommitTransaction;
import io.omendb.adapter.parser.SqlDiscard;
import io.omendb.adapter.parser.SqlPgExplain;
import io.omendb.adapter.parser.SqlRollbackTransaction;
import io.omendb.adapter.parser.SqlSavepoint;
import io.omendb.adapter.parser.SqlSetTransaction;
import io.omendb.adapter.parser.SqlSetVariable;
import io.omendb.adapter.parser.SqlShow;
import io.omendb.adapter.pgcatalog.PgCatalogSchema;
import io.omendb.adapter.pgcatalog.PgSession;
import io.omendb.engine.Engine;
import io.omendb.engine.mvcc.IsolationLevel;
import io.omendb.engine.mvcc.TimeTravelException;
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
  private final StatementInterrupts interrupts = new StatementInterrupts();
  private final Runnable onClose;
  private final SessionAccess access;
  private final StoreSchemas schemas;

  /** The transaction of the statement now executing. */
  private Transaction transaction;
  /** Whether {@link #transaction} is the statement's own (autocommit) rather than the block's. */
  private boolean autocommitStatement;
  /** The commit timestamp the next statement reads at ({@code AS OF SYSTEM TIME}), or null for the current state. */
  private Long statementAsOf;
  /** The rows the next statement's reads lock (SELECT ... FOR UPDATE), taken by {@link #beginStatement()}. */
  private RowLocking.Request nextLocks;
  /** The row-returning result still being read, which holds the statement open. */
  private AutoCloseable openResult;
  private boolean closed;

  StoreSession(Engine engine, org.apache.calcite.jdbc.Driver driver, String user, Map<String, String> initial,
      Runnable onClose) throws SQLException {
    this.engine = requireNonNull(engine, "engine");
    this.user = requireNonNull(user, "user");
    this.onClose = requireNonNull(onClose, "onClose");
    this.block = new TransactionBlock(engine);
    this.access = new SessionAccess(engine.roles(), user);
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
    this.schemas = new StoreSchemas(root, new StoreSchema(engine, this));
    PgCatalogSchema.register(root, new PgSession(engine, user, settings::get, settings::set));
    connection.setSchema(StoreSchema.NAME);
    this.statements = new StatementCache(connection, engine.catalog(), schemas);
    initial.forEach(settings::setFromStartup);
    StartupOptions.parse(initial.get("options")).forEach(settings::setFromStartup);
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
  public SessionAccess access() {
    return access;
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
    if (CopyStatement.isCopy(sql)) {
      try {
        return StoreCopy.start(this, CopyStatement.parse(sql));
      } catch (SqlStateException e) {
        failBlock();
        throw SqlErrors.toSqlException(e);
      }
    }
    AsOfSystemTime.Clause asOf;
    try {
      asOf = AsOfSystemTime.extract(sql);
    } catch (SqlStateException e) {
      failBlock();
      throw SqlErrors.toSqlException(e);
    }
    if (asOf != null && !AsOfStatements.isSetTransaction(asOf.sql())) {
      sql = asOf.sql();
    }
    SqlNode node;
    IdentityColumns.Overriding overriding;
    RowLocking.Clause locking;
    RowLocking.Request locks;
    try {
      overriding = IdentityColumns.overriding(sql);
      sql = overriding.sql();
      locking = RowLocking.extract(sql);
      sql = locking == null ? sql : locking.sql();
      node = asOf != null && AsOfStatements.isSetTransaction(asOf.sql()) ? null
          : SqlParser.create(sql, OmenParserConfig.config()).parseStmt();
      locks = locking == null || node == null ? null
          : RowLocking.resolve(locking, node, engine.catalog(), schemas.searchPath());
    } catch (SqlStateException e) {
      failBlock();
      throw SqlErrors.toSqlException(e);
    } catch (SqlParseException | StackOverflowError e) {
      failBlock();
      throw UnsupportedFeatures.reclassify(sql, PasswordRedaction.scrub(SqlErrors.toSqlException(e), sql));
    }
    StatementLimits.check(node, this);
    if (block.status() == TransactionStatus.FAILED
        && !(node instanceof SqlCommitTransaction || node instanceof SqlRollbackTransaction)) {
      throw new SQLException(
          "current transaction is aborted, commands ignored until end of transaction block", "25P02");
    }
    if (asOf != null) {
      String asOfSql = sql;
      return withRowLocks(locks, () -> executeAsOf(asOfSql, node, asOf.time()));
    }
    try {
      IdentityColumns.check(node, engine.catalog(), new DdlNames(engine.catalog(), schemas.searchPath()),
          overriding.systemValue());
      ViewCommand.checkWritable(node, engine.catalog());
      StatementResult control = executeControl(node);
      if (control != null) {
        return control;
      }
    } catch (SqlStateException | SQLException e) {
      failBlock();
      throw SqlErrors.toSqlException(e);
    }
    try {
      String lockingSql = sql;
      return withRowLocks(locks, () -> executeSql(lockingSql, node));
    } catch (SQLException e) {
      throw PasswordRedaction.scrub(e, sql);
    }
  }

  /** Runs {@code work}, a statement whose reads lock the rows {@code locks} says (null: none). */
  StatementResult withRowLocks(RowLocking.Request locks, StatementWork work) throws SQLException {
    nextLocks = locks;
    try {
      return work.run();
    } finally {
      nextLocks = null;
    }
  }

  /** A statement's execution, for {@link #withRowLocks}. */
  @FunctionalInterface
  interface StatementWork {
    StatementResult run() throws SQLException;
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

  /**
   * A statement with an {@code AS OF SYSTEM TIME} clause (cut out of {@code sql}; {@code node} null for
   * {@code SET TRANSACTION}): BEGIN and SET TRANSACTION make the block read at that time; a query or EXPLAIN runs
   * alone in a read-only transaction at that time; anything else is a write (25006).
   */
  private StatementResult executeAsOf(String sql, SqlNode node, String time) throws SQLException {
    try {
      long ts = AsOfSystemTime.resolve(time, AsOfStatements.nowMicros(), java.time.ZoneId.systemDefault(),
          this::evaluateTime);
      if (node instanceof SqlBeginTransaction begin) {
        if (!block.inBlock()) {
          block.begin(TransactionBlock.fromParser(begin.isolationLevel()), defaultIsolation());
        }
        block.setAsOf(ts);
        return CommandResult.of(begin.startTransaction() ? CommandKind.START_TRANSACTION : CommandKind.BEGIN, 0);
      }
      if (node == null) {
        if (!block.inBlock()) {
          throw new SqlStateException("25P01", "SET TRANSACTION can only be used in transaction blocks");
        }
        block.setAsOf(ts);
        return CommandResult.of(CommandKind.SET, 0);
      }
      if (block.inBlock()) {
        throw new SqlStateException("25001",
            "AS OF SYSTEM TIME cannot be used inside a transaction block; use BEGIN AS OF SYSTEM TIME");
      }
      AsOfStatements.checkReadOnly(node);
      statementAsOf = ts;
      try {
        StatementResult result = executeSql(sql, node);
        return node instanceof SqlPgExplain ? AsOfStatements.withSnapshotLine(result, ts) : result;
      } finally {
        statementAsOf = null;
      }
    } catch (SqlStateException | TimeTravelException e) {
      failBlock();
      throw SqlErrors.toSqlException(e);
    } catch (SQLException e) {
      failBlock();
      throw e;
    }
  }

  /** Evaluates an {@code AS OF SYSTEM TIME} expression (no table may appear in it) to microseconds. */
  private long evaluateTime(String expression) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT CAST((" + expression + ") AS TIMESTAMP(3))")) {
      java.sql.Timestamp time = rs.next() ? rs.getTimestamp(1) : null;
      if (time == null) {
        throw new SQLException("AS OF SYSTEM TIME must not be null", "22004");
      }
      return Math.floorDiv(time.getTime(), 1000L) * 1_000_000L + time.getNanos() / 1000;
    } catch (SQLException | RuntimeException e) {
      throw SqlErrors.toSqlException(e);
    }
  }

  private StatementResult executeSql(String sql, SqlNode node) throws SQLException {
    schemas.sync();
    if (node instanceof SqlPgExplain explain) {
      return new ExplainCommand(this, connection).execute(sql, explain);
    }
    CommandKind kind = kindOf(node);
    if (block.readsPast()) {
      try {
        AsOfStatements.checkReadOnly(node);
      } catch (SqlStateException e) {
        failBlock();
        throw SqlErrors.toSqlException(e);
      }
    }
    beginStatement();
    access.beforeStatement(node, engine.catalog());
    try {
      if (node instanceof SqlAlterTable alter) {
        new AlterTableCommand(engine, access, connection).execute(alter);
        endStatement(true);
        return CommandResult.of(kind, 0);
      }
      if (node instanceof io.omendb.adapter.parser.SqlCreatePgView
          || node instanceof io.omendb.adapter.parser.SqlAlterView) {
        new ViewCommand(engine, access, new DdlNames(engine.catalog(), schemas.searchPath()))
            .execute(node, connection);
        endStatement(true);
        return CommandResult.of(kind, 0);
      }
      if (node instanceof SqlCommentOn comment) {
        CommentCommand.execute(engine, access, comment, new DdlNames(engine.catalog(), schemas.searchPath()));
        endStatement(true);
        return CommandResult.of(kind, 0);
      }
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
      return run(kind, returnsRows(node), prepared);
    } catch (SQLException | RuntimeException | StackOverflowError | ExceptionInInitializerError e) {
      SQLException mapped = SqlErrors.toSqlException(e);
      endStatementQuietly();
      throw mapped;
    }
  }

  /** Whether a statement planned by Calcite returns rows: queries, EXPLAIN PLAN and DML with RETURNING. */
  static boolean returnsRows(SqlNode node) {
    return node.getKind().belongsTo(SqlKind.QUERY) || node.getKind() == SqlKind.EXPLAIN;
  }

  /** Runs a bound statement inside the statement begun by {@link #beginStatement()}. */
  private StatementResult run(CommandKind kind, boolean rows, PreparedStatement prepared) throws SQLException {
    if (rows) {
      ResultSet resultSet = prepared.executeQuery();
      ResultSetResult result = new ResultSetResult(kind, resultSet, this::endStatement, interrupts,
          TimestampTzValues.zone(this));
      openResult = result;
      return result;
    }
    long count = prepared.executeLargeUpdate();
    interrupts.check();
    endStatement(true);
    return CommandResult.of(kind, count);
  }

  @Override
  public void cancel() {
    interrupts.cancel();
  }

  @Override
  public PreparedQuery prepare(String sql, List<Integer> parameterTypes) throws SQLException {
    checkOpen();
    return StorePreparedQuery.prepare(this, sql, parameterTypes);
  }

  /**
   * For the embedded driver, which hands statements to Calcite itself: the statement text without its OVERRIDING
   * SYSTEM VALUE clause, once the statement has passed the identity-column check.
   */
  String checkIdentityColumns(String sql) throws SQLException {
    try {
      IdentityColumns.Overriding overriding = IdentityColumns.overriding(sql);
      SqlNode node = SqlParser.create(overriding.sql(), OmenParserConfig.config()).parseStmt();
      IdentityColumns.check(node, engine.catalog(), new DdlNames(engine.catalog(), schemas.searchPath()),
          overriding.systemValue());
      ViewCommand.checkWritable(node, engine.catalog());
      return overriding.sql();
    } catch (SqlParseException e) {
      return sql;
    } catch (SqlStateException e) {
      throw SqlErrors.toSqlException(e);
    }
  }

  /**
   * For the embedded driver: {@code sql} without its locking clause ({@code FOR UPDATE}) and the rows it locks, or
   * null if it has none.
   */
  RowLocking.Locking rowLocking(String sql) throws SQLException {
    try {
      RowLocking.Clause clause = RowLocking.extract(sql);
      if (clause == null) {
        return null;
      }
      SqlNode node = SqlParser.create(clause.sql(), OmenParserConfig.config()).parseStmt();
      return new RowLocking.Locking(clause.sql(),
          RowLocking.resolve(clause, node, engine.catalog(), schemas.searchPath()));
    } catch (SqlParseException e) {
      return null;
    } catch (SqlStateException e) {
      throw SqlErrors.toSqlException(e);
    }
  }

  /** The engine this session runs on, for {@link StorePreparedQuery}. */
  Engine engine() {
    return engine;
  }

  /** The schemas of the session's search path that exist, in order. */
  List<String> searchPath() {
    return schemas.searchPath();
  }

  /** The session's plan cache, for {@link StorePreparedQuery}. */
  StatementCache statementCache() {
    return statements;
  }

  /**
   * Runs the cached plan of {@code sql} with its dynamic parameters set by {@code binder}, as one statement of the
   * session (autocommit or in the open block).
   */
  StatementResult executePrepared(CommandKind kind, boolean rows, String sql, StatementBinder binder)
      throws SQLException {
    return executePrepared(kind, rows, sql, null, binder);
  }

  /** As above, reading as of {@code asOfTime} (an {@code AS OF SYSTEM TIME} expression) unless it is null. */
  StatementResult executePrepared(CommandKind kind, boolean rows, String sql, String asOfTime,
      StatementBinder binder) throws SQLException {
    if (asOfTime != null) {
      if (block.inBlock()) {
        failBlock();
        throw new SQLException(
            "AS OF SYSTEM TIME cannot be used inside a transaction block; use BEGIN AS OF SYSTEM TIME", "25001");
      }
      try {
        statementAsOf = AsOfSystemTime.resolve(asOfTime, AsOfStatements.nowMicros(),
            java.time.ZoneId.systemDefault(), this::evaluateTime);
        return executePrepared(kind, rows, sql, null, binder);
      } catch (SqlStateException e) {
        throw SqlErrors.toSqlException(e);
      } finally {
        statementAsOf = null;
      }
    }
    beginStatement();
    try {
      PreparedStatement prepared = statements.prepare(sql);
      binder.bind(prepared);
      return run(kind, rows, prepared);
    } catch (SQLException | RuntimeException | StackOverflowError | ExceptionInInitializerError e) {
      SQLException mapped = SqlErrors.toSqlException(e);
      endStatementQuietly();
      throw mapped;
    }
  }

  /** Sets the dynamic parameters of a prepared statement. */
  @FunctionalInterface
  interface StatementBinder {
    void bind(PreparedStatement prepared) throws SQLException;
  }

  /** Whether a failed block refuses {@code node}: everything but COMMIT and ROLLBACK. */
  boolean refusedByFailedBlock(SqlNode node) {
    return block.status() == TransactionStatus.FAILED
        && !(node instanceof SqlCommitTransaction || node instanceof SqlRollbackTransaction);
  }

  /**
   * Starts a statement: finishes the previous statement's open result and gives the statement its transaction,
   * the block's or (autocommit) a new one. The embedded JDBC driver calls this around its calls into Calcite.
   */
  void beginStatement() throws SQLException {
    beginStatement(null);
  }

  /** As {@link #beginStatement()}, the statement's reads locking the rows {@code locks} says (null: none). */
  void beginStatement(RowLocking.Request statementLocks) throws SQLException {
    if (statementLocks != null) {
      nextLocks = statementLocks;
    }
    checkOpen();
    finishOpenResult();
    RowLocking.Request locks = nextLocks;
    nextLocks = null;
    schemas.sync();
    if (block.status() == TransactionStatus.FAILED) {
      throw new SQLException(
          "current transaction is aborted, commands ignored until end of transaction block", "25P02");
    }
    Transaction past = null;
    try {
      past = statementAsOf == null ? null : engine.beginAsOf(statementAsOf);
      interrupts.start(StatementInterrupts.parseTimeout(settings.get("statement_timeout")));
    } catch (SqlStateException | TimeTravelException e) {
      if (past != null) {
        past.rollback();
      }
      throw SqlErrors.toSqlException(e);
    }
    if (past != null) {
      transaction = past;
      autocommitStatement = true;
    } else if (block.inBlock()) {
      transaction = block.forStatement();
      autocommitStatement = false;
    } else {
      transaction = engine.begin(defaultIsolation());
      autocommitStatement = true;
    }
    if (locks != null) {
      transaction.lockRowsReadFrom(locks.exclusive(), locks.shared());
    }
  }

  /**
   * Ends the current statement: in autocommit mode commits on success and rolls back on failure; inside a block,
   * a failure fails the block.
   *
   * @throws SQLException if the autocommit commit fails (serialization failure, unique violation)
   */
  void endStatement(boolean success) throws SQLException {
    access.endWriteOnly();
    Transaction ending = transaction;
    boolean autocommit = autocommitStatement;
    transaction = null;
    openResult = null;
    if (ending == null) {
      return;
    }
    if (!autocommit) {
      if (ending.state() == io.omendb.engine.mvcc.TransactionState.ACTIVE) {
        ending.lockRowsReadFrom(java.util.Set.of(), java.util.Set.of());
      }
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

  void endStatementQuietly() {
    try {
      endStatement(false);
    } catch (SQLException impossible) {
      // a failed statement only rolls back, which does not throw
    }
  }

  /** Marks the open block failed after an error outside a statement (parsing, planning); a no-op outside one. */
  void failBlock() {
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
    if (node instanceof io.omendb.adapter.parser.SqlReturning returning) {
      return kindOf(returning.dml());
    }
    SqlKind kind = node.getKind();
    if (kind.belongsTo(SqlKind.QUERY)) {
      return CommandKind.SELECT;
    }
    if (node instanceof io.omendb.adapter.parser.SqlTruncate) {
      return CommandKind.TRUNCATE_TABLE;
    }
    if (node instanceof SqlCommentOn) {
      return CommandKind.COMMENT;
    }
    if (node instanceof io.omendb.adapter.parser.SqlAlterSchema) {
      return CommandKind.ALTER_SCHEMA;
    }
    return switch (kind) {
      case INSERT -> CommandKind.INSERT;
      case UPDATE -> CommandKind.UPDATE;
      case DELETE -> CommandKind.DELETE;
      case CREATE_TABLE -> CommandKind.CREATE_TABLE;
      case DROP_TABLE -> CommandKind.DROP_TABLE;
      case CREATE_INDEX -> CommandKind.CREATE_INDEX;
      case DROP_INDEX -> CommandKind.DROP_INDEX;
      case CREATE_SCHEMA, DROP_SCHEMA -> CommandKind.valueOf(kind.name());
      case CREATE_SEQUENCE, ALTER_SEQUENCE, DROP_SEQUENCE, CREATE_VIEW, DROP_VIEW, ALTER_VIEW ->
          CommandKind.valueOf(kind.name());
      case ALTER_TABLE -> CommandKind.ALTER_TABLE;
      case EXPLAIN -> CommandKind.EXPLAIN;
      case OTHER_DDL -> RoleStatements.commandKind(node);
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
    if (name.equals(SearchPath.SETTING) && value != null) {
      value = SearchPath.format(set.values());
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
