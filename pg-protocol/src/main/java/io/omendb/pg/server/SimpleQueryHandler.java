package io.omendb.pg.server;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.CopyIn;
import io.omendb.adapter.CopyOut;
import io.omendb.adapter.PasswordRedaction;
import io.omendb.adapter.Session;
import io.omendb.adapter.StatementResult;
import io.omendb.adapter.TransactionStatus;
import io.omendb.pg.codec.BackendWriter;
import io.omendb.pg.message.CommandComplete;
import io.omendb.pg.message.EmptyQueryResponse;
import io.omendb.pg.message.NoticeResponse;
import io.omendb.pg.message.Query;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Runs one simple-protocol Query: splits it into statements and, for each, sends RowDescription, DataRows and
 * CommandComplete, or an ErrorResponse that also ends the Query. The caller sends ReadyForQuery afterwards.
 *
 * <p>As in PostgreSQL, the statements of one Query run in one implicit transaction: outside a transaction block, the
 * first write (INSERT, UPDATE, DELETE) of a Query that holds several statements opens a block that ends with the
 * Query, committed, or rolled back if a statement failed. A BEGIN in the Query makes the block explicit (it stays
 * open); a COMMIT or ROLLBACK ends it with PostgreSQL's warning "there is no transaction in progress".
 */
final class SimpleQueryHandler {
  private static final System.Logger LOG = System.getLogger(SimpleQueryHandler.class.getName());
  private static final String BEGIN = "BEGIN";
  private static final String COMMIT = "COMMIT";
  private static final String ROLLBACK = "ROLLBACK";
  private static final String NO_ACTIVE_SQL_TRANSACTION = "25P01";

  private final Session session;
  private final BackendWriter out;
  private final CopyHandler copy;
  /** Whether this handler opened the session's transaction block as the implicit transaction of the current Query. */
  private boolean implicitTransaction;

  SimpleQueryHandler(Session session, BackendWriter out, CopyHandler copy) {
    this.session = requireNonNull(session, "session");
    this.out = requireNonNull(out, "out");
    this.copy = requireNonNull(copy, "copy");
  }

  void handle(Query query) throws IOException {
    if (query.sql().isBlank()) {
      out.send(new EmptyQueryResponse());
      return;
    }
    List<String> statements;
    try {
      statements = session.split(query.sql());
    } catch (SQLException e) {
      out.send(ErrorMapper.fromSqlException(e));
      return;
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "splitting a query failed unexpectedly", e);
      out.send(ErrorMapper.fromUnexpected(e));
      return;
    }
    if (statements.isEmpty()) {
      out.send(new EmptyQueryResponse());
      return;
    }
    boolean several = statements.size() > 1;
    boolean failed = false;
    try {
      for (String statement : statements) {
        if (several && !beginImplicitTransactionFor(statement)) {
          failed = true;
          break;
        }
        if (!execute(statement)) {
          failed = true;
          break;
        }
      }
    } finally {
      endImplicitTransaction(failed);
    }
  }

  /**
   * Before a write runs outside a transaction block, opens the implicit block the rest of the Query runs in; reads,
   * transaction control and the statements the session runs itself (SET, DDL) run as they are until then. Returns
   * false (after sending the error) if the block could not be opened.
   */
  private boolean beginImplicitTransactionFor(String statement) throws IOException {
    if (implicitTransaction || session.transactionStatus() != TransactionStatus.IDLE) {
      return true;
    }
    String keyword = firstKeyword(statement);
    if (!keyword.equals("insert") && !keyword.equals("update") && !keyword.equals("delete")) {
      return true;
    }
    try {
      session.execute(BEGIN).close();
      implicitTransaction = true;
      return true;
    } catch (SQLException e) {
      out.send(ErrorMapper.fromSqlException(e));
      return false;
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "opening the implicit transaction failed unexpectedly", e);
      out.send(ErrorMapper.fromUnexpected(e));
      return false;
    }
  }

  /** Commits the implicit block at the end of the Query, or rolls it back if a statement failed. */
  private void endImplicitTransaction(boolean failed) throws IOException {
    if (!implicitTransaction) {
      return;
    }
    implicitTransaction = false;
    TransactionStatus status = session.transactionStatus();
    if (status == TransactionStatus.IDLE) {
      return;
    }
    try {
      session.execute(failed || status == TransactionStatus.FAILED ? ROLLBACK : COMMIT).close();
    } catch (SQLException e) {
      out.send(ErrorMapper.fromSqlException(e));
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "ending the implicit transaction failed unexpectedly", e);
      out.send(ErrorMapper.fromUnexpected(e));
    }
  }

  /**
   * Adjusts the implicit block after a statement completed with {@code tag}: BEGIN turns it into an explicit block,
   * COMMIT and ROLLBACK end it, with the warning PostgreSQL gives there.
   */
  private void afterStatement(String tag) throws IOException {
    if (!implicitTransaction) {
      return;
    }
    if (tag.equals("BEGIN") || tag.equals("START TRANSACTION")) {
      implicitTransaction = false;
    } else if (tag.equals(COMMIT) || tag.equals(ROLLBACK)) {
      implicitTransaction = false;
      out.send(NoticeResponse.create("WARNING", NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress"));
    }
  }

  /** The statement's first word in lower case, after blanks and comments; empty if it starts with anything else. */
  static String firstKeyword(String statement) {
    int i = 0;
    int n = statement.length();
    while (i < n) {
      char c = statement.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (statement.startsWith("--", i)) {
        int end = statement.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (statement.startsWith("/*", i)) {
        int end = statement.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        break;
      }
    }
    int start = i;
    while (i < n && Character.isLetter(statement.charAt(i))) {
      i++;
    }
    return statement.substring(start, i).toLowerCase(Locale.ROOT);
  }

  /** Runs one statement and sends its response; returns false if it failed, which ends the Query. */
  private boolean execute(String statement) throws IOException {
    try (StatementResult result = session.execute(statement)) {
      if (result instanceof CopyIn copyIn) {
        copy.copyIn(copyIn);
        return true;
      }
      if (result instanceof CopyOut copyOut) {
        copy.copyOut(copyOut);
        return true;
      }
      if (result.hasRows()) {
        RowEncoder rows = new RowEncoder(result.columns());
        out.send(rows.describe());
        for (Object[] row = result.next(); row != null; row = result.next()) {
          out.send(rows.encode(row));
        }
      }
      afterStatement(result.commandTag());
      out.send(new CommandComplete(result.commandTag()));
      return true;
    } catch (SQLException e) {
      out.send(ErrorMapper.fromSqlException(e));
      return false;
    } catch (RuntimeException e) {
      if (PasswordRedaction.mentionsPassword(statement)) {
        // the exception's messages may quote the password: log and answer without them
        LOG.log(Level.ERROR, "statement failed unexpectedly (" + e.getClass().getName() + "): "
            + PasswordRedaction.redact(statement));
        out.send(ErrorMapper.fromUnexpected(new IllegalStateException(e.getClass().getSimpleName())));
        return false;
      }
      LOG.log(Level.ERROR, "statement failed unexpectedly: " + statement, e);
      out.send(ErrorMapper.fromUnexpected(e));
      return false;
    }
  }
}
