package io.omendb.pg.server;

import io.omendb.adapter.ColumnMeta;
import io.omendb.adapter.CommandKind;
import io.omendb.adapter.PreparedQuery;
import io.omendb.adapter.Session;
import io.omendb.adapter.StatementResult;
import io.omendb.adapter.TransactionStatus;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Session} that answers statements from a fixed table of canned results. It exists to test the protocol
 * framing (which messages the server sends, in which order, for rows, counts, errors and transaction states), not
 * SQL: {@link #split} splits on semicolons naively and {@link #execute} looks the statement text up verbatim.
 * Statements not in the table fail with 42601. {@code BEGIN}, {@code COMMIT} and {@code ROLLBACK} move the
 * transaction status; a failure inside a transaction makes it FAILED.
 */
final class CannedSession implements Session {

  /** What a canned statement returns: either a result or an exception. */
  record Canned(CommandKind kind, List<ColumnMeta> columns, List<Object[]> rows, long count, SQLException error) {
    static Canned rows(CommandKind kind, List<ColumnMeta> columns, Object[]... rows) {
      return new Canned(kind, columns, Arrays.asList(rows), rows.length, null);
    }

    static Canned count(CommandKind kind, long count) {
      return new Canned(kind, List.of(), List.of(), count, null);
    }

    static Canned error(String sqlState, String message) {
      return new Canned(null, List.of(), List.of(), 0, new SQLException(message, sqlState));
    }
  }

  private final String user;
  private final Map<String, Canned> table;
  private final Map<String, String> settings = new TreeMap<>();
  final List<String> executed = new CopyOnWriteArrayList<>();
  volatile boolean closed;
  private TransactionStatus status = TransactionStatus.IDLE;

  CannedSession(String user, Map<String, String> settings, Map<String, Canned> table) {
    this.user = user;
    this.settings.putAll(settings);
    this.table = table;
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
    return Map.copyOf(settings);
  }

  @Override
  public void set(String name, String value) {
    settings.put(name, value);
  }

  @Override
  public PreparedQuery prepare(String sql, List<Integer> parameterTypes) throws SQLException {
    throw new SQLException("canned sessions answer simple queries only", "0A000");
  }

  @Override
  public void cancel() {
    // Canned statements finish at once; there is never one to stop.
  }

  @Override
  public List<String> split(String sql) throws SQLException {
    if (sql.contains("@split-error@")) {
      throw new SQLException("syntax error at or near \"@\"", "42601");
    }
    List<String> statements = new ArrayList<>();
    for (String part : sql.split(";")) {
      if (!part.isBlank()) {
        statements.add(part.trim());
      }
    }
    return statements;
  }

  @Override
  public StatementResult execute(String sql) throws SQLException {
    executed.add(sql);
    Canned canned = table.get(sql);
    if (canned == null) {
      fail();
      throw new SQLException("syntax error: no canned result for " + sql, "42601");
    }
    if (canned.error() != null) {
      fail();
      throw canned.error();
    }
    if (canned.kind() == CommandKind.BEGIN) {
      status = TransactionStatus.IN_TRANSACTION;
    } else if (canned.kind() == CommandKind.COMMIT || canned.kind() == CommandKind.ROLLBACK) {
      status = TransactionStatus.IDLE;
    }
    return new CannedResult(canned);
  }

  @Override
  public TransactionStatus transactionStatus() {
    return status;
  }

  @Override
  public void close() {
    closed = true;
  }

  private void fail() {
    if (status == TransactionStatus.IN_TRANSACTION) {
      status = TransactionStatus.FAILED;
    }
  }

  /** Replays a canned result. */
  private static final class CannedResult implements StatementResult {
    private final Canned canned;
    private final Iterator<Object[]> rows;
    private long returned;

    CannedResult(Canned canned) {
      this.canned = canned;
      this.rows = canned.rows().iterator();
    }

    @Override
    public CommandKind kind() {
      return canned.kind();
    }

    @Override
    public boolean hasRows() {
      return !canned.columns().isEmpty();
    }

    @Override
    public List<ColumnMeta> columns() {
      return canned.columns();
    }

    @Override
    public Object[] next() {
      if (!rows.hasNext()) {
        return null;
      }
      returned++;
      return rows.next();
    }

    @Override
    public long rowCount() {
      return hasRows() ? returned : canned.count();
    }

    @Override
    public void close() {}
  }

  /** Opens canned sessions over one table and remembers them so tests can check they were closed. */
  static final class Factory implements io.omendb.adapter.SessionFactory {
    private final Map<String, Canned> table;
    final List<CannedSession> opened = new CopyOnWriteArrayList<>();
    final Map<String, String> lastSettings = new ConcurrentHashMap<>();

    Factory(Map<String, Canned> table) {
      this.table = table;
    }

    @Override
    public Session openSession(String user, Map<String, String> settings) throws SQLException {
      if (user.equals("nobody")) {
        throw new SQLException("role \"nobody\" does not exist", "28000");
      }
      lastSettings.clear();
      lastSettings.putAll(settings);
      CannedSession session = new CannedSession(user, settings, table);
      opened.add(session);
      return session;
    }
  }
}
