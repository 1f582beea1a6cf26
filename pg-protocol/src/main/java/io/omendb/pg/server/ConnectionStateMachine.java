package io.omendb.pg.server;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.TransactionStatus;
import io.omendb.pg.message.TransactionIndicator;

/**
 * The legal life of a connection: {@code STARTUP → AUTHENTICATING → READY ⇄ IN_TRANSACTION ⇄ FAILED}, and from
 * anywhere to {@code CLOSED}. Each event method checks that it may happen now and throws
 * {@link IllegalStateException} (a bug in the server, not the client's fault) if not.
 *
 * <p>It also tracks the extended-protocol rule that after an error the server discards messages until the next Sync.
 */
public final class ConnectionStateMachine {
  private ConnectionState state = ConnectionState.STARTUP;
  private boolean skippingToSync;

  /** The current state. */
  public ConnectionState state() {
    return state;
  }

  /** Whether the connection is still in the startup phase, reading untyped startup packets. */
  public boolean inStartup() {
    return state == ConnectionState.STARTUP;
  }

  /** Whether a session is open and queries may be processed. */
  public boolean acceptsQueries() {
    return state == ConnectionState.READY || state == ConnectionState.IN_TRANSACTION
        || state == ConnectionState.FAILED;
  }

  /** A StartupMessage arrived: authentication begins. */
  public void startupReceived() {
    expect(ConnectionState.STARTUP, "startup message");
    state = ConnectionState.AUTHENTICATING;
  }

  /** Authentication succeeded and the session is open, outside any transaction. */
  public void authenticated() {
    expect(ConnectionState.AUTHENTICATING, "authentication");
    state = ConnectionState.READY;
  }

  /** A query cycle ended; the session's transaction status decides the next state. */
  public void queryCompleted(TransactionStatus status) {
    requireNonNull(status, "status");
    if (!acceptsQueries()) {
      throw new IllegalStateException("query completed in state " + state);
    }
    switch (status) {
      case IDLE:
        state = ConnectionState.READY;
        break;
      case IN_TRANSACTION:
        state = ConnectionState.IN_TRANSACTION;
        break;
      case FAILED:
        state = ConnectionState.FAILED;
        break;
      default:
        throw new AssertionError(status);
    }
  }

  /** An extended-protocol message failed: discard messages until Sync. */
  public void extendedErrorOccurred() {
    if (!acceptsQueries()) {
      throw new IllegalStateException("extended-protocol error in state " + state);
    }
    skippingToSync = true;
  }

  /** Whether messages are being discarded until the next Sync. */
  public boolean skippingToSync() {
    return skippingToSync;
  }

  /** Sync arrived: normal processing resumes. */
  public void syncReceived() {
    if (!acceptsQueries()) {
      throw new IllegalStateException("Sync in state " + state);
    }
    skippingToSync = false;
  }

  /** The connection ended, for whatever reason. Idempotent. */
  public void closed() {
    state = ConnectionState.CLOSED;
  }

  /** The transaction status to report in ReadyForQuery. */
  public TransactionIndicator indicator() {
    switch (state) {
      case READY:
        return TransactionIndicator.IDLE;
      case IN_TRANSACTION:
        return TransactionIndicator.IN_TRANSACTION;
      case FAILED:
        return TransactionIndicator.FAILED;
      default:
        throw new IllegalStateException("no transaction status in state " + state);
    }
  }

  private void expect(ConnectionState expected, String event) {
    if (state != expected) {
      throw new IllegalStateException(event + " in state " + state + ", expected " + expected);
    }
  }
}
