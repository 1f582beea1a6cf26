package io.omendb.pg.server;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.ColumnMeta;
import io.omendb.adapter.CommandKind;
import io.omendb.adapter.CopyIn;
import io.omendb.adapter.PreparedQuery;
import io.omendb.adapter.Session;
import io.omendb.adapter.StatementResult;
import io.omendb.adapter.TransactionStatus;
import io.omendb.pg.codec.BackendWriter;
import io.omendb.pg.message.Bind;
import io.omendb.pg.message.BindComplete;
import io.omendb.pg.message.Close;
import io.omendb.pg.message.CloseComplete;
import io.omendb.pg.message.CommandComplete;
import io.omendb.pg.message.Describe;
import io.omendb.pg.message.EmptyQueryResponse;
import io.omendb.pg.message.ErrorResponse;
import io.omendb.pg.message.Execute;
import io.omendb.pg.message.NoData;
import io.omendb.pg.message.ParameterDescription;
import io.omendb.pg.message.Parse;
import io.omendb.pg.message.ParseComplete;
import io.omendb.pg.message.PortalSuspended;
import io.omendb.pg.message.Target;
import io.omendb.pg.types.BinaryFormat;
import io.omendb.pg.types.PgType;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The extended query protocol of one connection: Parse creates prepared statements (planned once by the session),
 * Bind creates portals from them with decoded parameter values, Describe, Execute (with a row limit that suspends
 * the portal) and Close act on them. Each handler returns false after sending an ErrorResponse; the connection then
 * discards messages until Sync.
 */
final class ExtendedQueryHandler {
  private static final System.Logger LOG = System.getLogger(ExtendedQueryHandler.class.getName());
  private static final String UNNAMED = "";
  private static final String BEGIN = "BEGIN";
  private static final String COMMIT = "COMMIT";
  private static final String ROLLBACK = "ROLLBACK";

  /** A prepared statement: the session's query (null for an empty query string) and its parameters' type OIDs. */
  private record Statement(PreparedQuery query, List<Integer> parameterOids) {}

  private final Session session;
  private final BackendWriter out;
  private final Map<String, Statement> statements = new HashMap<>();
  private final Map<String, Portal> portals = new HashMap<>();
  /** Whether this handler opened the session's transaction block as the implicit transaction of a Sync cycle. */
  private boolean implicitTransaction;

  ExtendedQueryHandler(Session session, BackendWriter out) {
    this.session = requireNonNull(session, "session");
    this.out = requireNonNull(out, "out");
  }

  /** A portal: a statement with bound values, and once executed, its open result. */
  private static final class Portal {
    final Statement statement;
    final List<Object> values;
    final List<Short> resultFormats;
    StatementResult result;
    RowEncoder rows;
    String completedTag;

    Portal(Statement statement, List<Object> values, List<Short> resultFormats) {
      this.statement = statement;
      this.values = values;
      this.resultFormats = resultFormats;
    }

    void close() {
      if (result != null) {
        try {
          result.close();
        } catch (SQLException e) {
          LOG.log(Level.DEBUG, "closing a portal's result failed: {0}", e.getMessage());
        }
        result = null;
      }
    }
  }

  boolean parse(Parse parse) throws IOException {
    if (!parse.statement().equals(UNNAMED) && statements.containsKey(parse.statement())) {
      return fail(SqlState.DUPLICATE_PREPARED_STATEMENT,
          "prepared statement \"" + parse.statement() + "\" already exists");
    }
    List<Integer> declared = new ArrayList<>(parse.parameterTypes().size());
    for (int oid : parse.parameterTypes()) {
      PgType type = PgType.fromOid(oid);
      declared.add(type == null ? Types.OTHER : type.jdbcType());
    }
    PreparedQuery query = null;
    List<Integer> oids = new ArrayList<>();
    if (!parse.sql().isBlank()) {
      try {
        query = session.prepare(parse.sql(), declared);
      } catch (SQLException e) {
        return fail(e);
      } catch (RuntimeException e) {
        return failUnexpected("preparing " + parse.sql(), e);
      }
      List<Integer> types = query.parameterTypes();
      for (int i = 0; i < types.size(); i++) {
        int oid = i < parse.parameterTypes().size() ? parse.parameterTypes().get(i) : 0;
        oids.add(oid != 0 ? oid : PgType.fromJdbcType(types.get(i)).oid());
      }
    }
    Statement previous = statements.put(parse.statement(), new Statement(query, oids));
    if (previous != null && previous.query != null) {
      previous.query.close();
    }
    out.send(new ParseComplete());
    return true;
  }

  boolean bind(Bind bind) throws IOException {
    Statement statement = statements.get(bind.statement());
    if (statement == null) {
      return fail(SqlState.INVALID_SQL_STATEMENT_NAME,
          "prepared statement \"" + bind.statement() + "\" does not exist");
    }
    if (!bind.portal().equals(UNNAMED) && portals.containsKey(bind.portal())) {
      return fail(SqlState.DUPLICATE_CURSOR, "portal \"" + bind.portal() + "\" already exists");
    }
    if (bind.values().size() != statement.parameterOids.size()) {
      return fail(SqlState.PROTOCOL_VIOLATION, "bind message supplies " + bind.values().size()
          + " parameters, but prepared statement \"" + bind.statement() + "\" requires "
          + statement.parameterOids.size());
    }
    List<Object> values = new ArrayList<>(bind.values().size());
    for (int i = 0; i < bind.values().size(); i++) {
      byte[] bytes = bind.values().get(i);
      if (bytes == null) {
        values.add(null);
        continue;
      }
      int oid = statement.parameterOids.get(i);
      if (Bind.formatOf(bind.parameterFormats(), i) == Bind.TEXT_FORMAT) {
        try {
          values.add(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
          return fail(SqlState.CHARACTER_NOT_IN_REPERTOIRE,
              "invalid byte sequence for encoding \"UTF8\" in parameter $" + (i + 1));
        }
        continue;
      }
      PgType type = PgType.fromOid(oid);
      if (type == null || !BinaryFormat.supports(type)) {
        return fail(SqlState.FEATURE_NOT_SUPPORTED, "binary format is not supported for parameter $" + (i + 1)
            + " of type " + oid);
      }
      try {
        values.add(BinaryFormat.decode(type, bytes));
      } catch (RuntimeException e) {
        return fail(SqlState.INVALID_BINARY_REPRESENTATION,
            "incorrect binary data format in bind parameter " + (i + 1));
      }
    }
    List<ColumnMeta> columns = statement.query == null ? List.of() : statement.query.columns();
    if (bind.resultFormats().size() > 1 && bind.resultFormats().size() != columns.size()) {
      return fail(SqlState.PROTOCOL_VIOLATION, "bind message has " + bind.resultFormats().size()
          + " result formats but query has " + columns.size() + " columns");
    }
    closePortal(bind.portal());
    portals.put(bind.portal(), new Portal(statement, values, bind.resultFormats()));
    out.send(new BindComplete());
    return true;
  }

  boolean describe(Describe describe) throws IOException {
    if (describe.target() == Target.STATEMENT) {
      Statement statement = statements.get(describe.name());
      if (statement == null) {
        return fail(SqlState.INVALID_SQL_STATEMENT_NAME,
            "prepared statement \"" + describe.name() + "\" does not exist");
      }
      out.send(new ParameterDescription(statement.parameterOids));
      describeRows(statement, List.of());
      return true;
    }
    Portal portal = portals.get(describe.name());
    if (portal == null) {
      return fail(SqlState.INVALID_CURSOR_NAME, "portal \"" + describe.name() + "\" does not exist");
    }
    describeRows(portal.statement, portal.resultFormats);
    return true;
  }

  private void describeRows(Statement statement, List<Short> formats) throws IOException {
    List<ColumnMeta> columns = statement.query == null ? List.of() : statement.query.columns();
    if (columns.isEmpty()) {
      out.send(new NoData());
    } else {
      out.send(new RowEncoder(columns, formats).describe());
    }
  }

  boolean execute(Execute execute) throws IOException {
    Portal portal = portals.get(execute.portal());
    if (portal == null) {
      return fail(SqlState.INVALID_CURSOR_NAME, "portal \"" + execute.portal() + "\" does not exist");
    }
    if (portal.statement.query == null) {
      out.send(new EmptyQueryResponse());
      return true;
    }
    if (portal.completedTag != null) {
      out.send(new CommandComplete(portal.completedTag));
      return true;
    }
    try {
      if (portal.result == null) {
        beginImplicitTransactionFor(portal.statement.query);
        portal.result = portal.statement.query.execute(portal.values);
        if (portal.result instanceof CopyIn copyIn) {
          copyIn.abort();
          portal.close();
          portals.remove(execute.portal());
          return fail(SqlState.FEATURE_NOT_SUPPORTED,
              "COPY FROM STDIN is supported in simple queries only (psql \\copy, pgjdbc CopyManager)");
        }
        if (portal.result.hasRows()) {
          portal.rows = new RowEncoder(portal.result.columns(), portal.resultFormats);
        }
      }
      StatementResult result = portal.result;
      if (result.hasRows()) {
        int sent = 0;
        while (execute.maxRows() <= 0 || sent < execute.maxRows()) {
          Object[] row = result.next();
          if (row == null) {
            break;
          }
          out.send(portal.rows.encode(row));
          sent++;
        }
        if (execute.maxRows() > 0 && sent == execute.maxRows()) {
          out.send(new PortalSuspended());
          return true;
        }
      }
      portal.completedTag = result.commandTag();
      portal.close();
      out.send(new CommandComplete(portal.completedTag));
      return true;
    } catch (SQLException e) {
      portal.close();
      portals.remove(execute.portal());
      return fail(e);
    } catch (RuntimeException e) {
      portal.close();
      portals.remove(execute.portal());
      return failUnexpected("executing a portal", e);
    }
  }

  boolean close(Close close) throws IOException {
    if (close.target() == Target.STATEMENT) {
      Statement statement = statements.remove(close.name());
      if (statement != null && statement.query != null) {
        statement.query.close();
      }
    } else {
      closePortal(close.name());
    }
    out.send(new CloseComplete());
    return true;
  }

  /**
   * Sync: outside a transaction block the implicit transaction ends (committed, or rolled back after an error, with
   * an ErrorResponse if the commit fails), and with it every portal, as in PostgreSQL.
   */
  void sync() throws IOException {
    endImplicitTransaction();
    if (session.transactionStatus() == TransactionStatus.IDLE) {
      portals.values().forEach(Portal::close);
      portals.clear();
    }
  }

  /** A simple Query ends the implicit transaction of the messages before it and drops the unnamed statement and portal. */
  void simpleQueryReceived() throws IOException {
    endImplicitTransaction();
    closePortal(UNNAMED);
    statements.remove(UNNAMED);
  }

  /**
   * Before a write executes outside a transaction block, opens the implicit block that PostgreSQL runs all of a Sync
   * cycle's Executes in: an error in a later Execute then rolls back this one too. Reads need none (each would
   * commit alone anyway), and statements the session runs itself (BEGIN, SET, DDL) run as they are.
   */
  private void beginImplicitTransactionFor(PreparedQuery query) throws SQLException {
    CommandKind kind = query.kind();
    if (implicitTransaction || session.transactionStatus() != TransactionStatus.IDLE
        || (kind != CommandKind.INSERT && kind != CommandKind.UPDATE && kind != CommandKind.DELETE)) {
      return;
    }
    session.execute(BEGIN).close();
    implicitTransaction = true;
  }

  /** Commits the implicit block, or rolls it back if a statement in it failed; a COMMIT in the batch ended it already. */
  private void endImplicitTransaction() throws IOException {
    if (!implicitTransaction) {
      return;
    }
    implicitTransaction = false;
    TransactionStatus status = session.transactionStatus();
    if (status == TransactionStatus.IDLE) {
      return;
    }
    try {
      session.execute(status == TransactionStatus.FAILED ? ROLLBACK : COMMIT).close();
    } catch (SQLException e) {
      fail(e);
    } catch (RuntimeException e) {
      failUnexpected("ending the implicit transaction", e);
    }
  }

  /** Closes every portal and forgets every statement, as the connection ends. */
  void closeAll() {
    portals.values().forEach(Portal::close);
    portals.clear();
    statements.values().stream().filter(s -> s.query != null).forEach(s -> s.query.close());
    statements.clear();
  }

  private void closePortal(String name) {
    Portal portal = portals.remove(name);
    if (portal != null) {
      portal.close();
    }
  }

  private boolean fail(SqlState state, String message) throws IOException {
    out.send(ErrorResponse.error(state.code(), message));
    return false;
  }

  private boolean fail(SQLException e) throws IOException {
    out.send(ErrorMapper.fromSqlException(e));
    return false;
  }

  private boolean failUnexpected(String what, RuntimeException e) throws IOException {
    LOG.log(Level.ERROR, what + " failed unexpectedly", e);
    out.send(ErrorMapper.fromUnexpected(e));
    return false;
  }
}
