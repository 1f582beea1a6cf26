package io.omendb.pg.server;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.CopyIn;
import io.omendb.adapter.CopyOut;
import io.omendb.adapter.PasswordRedaction;
import io.omendb.adapter.Session;
import io.omendb.adapter.StatementResult;
import io.omendb.pg.codec.BackendWriter;
import io.omendb.pg.message.CommandComplete;
import io.omendb.pg.message.EmptyQueryResponse;
import io.omendb.pg.message.Query;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs one simple-protocol Query: splits it into statements and, for each, sends RowDescription, DataRows and
 * CommandComplete, or an ErrorResponse that also ends the Query. The caller sends ReadyForQuery afterwards.
 */
final class SimpleQueryHandler {
  private static final System.Logger LOG = System.getLogger(SimpleQueryHandler.class.getName());

  private final Session session;
  private final BackendWriter out;
  private final CopyHandler copy;

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
    for (String statement : statements) {
      if (!execute(statement)) {
        return;
      }
    }
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
