package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

/**
 * The server is ready for a new query; sent after startup and at the end of every query cycle.
 *
 * @param status the session's transaction status
 */
public record ReadyForQuery(TransactionIndicator status) implements BackendMessage {
  public ReadyForQuery {
    requireNonNull(status, "status");
  }
}
