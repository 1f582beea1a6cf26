package io.omendb.pg.server;

/** Where a client connection stands in the protocol. */
public enum ConnectionState {
  /** Connected; waiting for a startup packet (SSLRequest, GSSENCRequest, CancelRequest or StartupMessage). */
  STARTUP,
  /** StartupMessage received; the client is being authenticated and its session opened. */
  AUTHENTICATING,
  /** Idle outside a transaction block, ready for a query. */
  READY,
  /** Inside a transaction block that can still commit. */
  IN_TRANSACTION,
  /** Inside a failed transaction block; the session refuses statements until ROLLBACK. */
  FAILED,
  /** The connection is over; nothing more is read or written. */
  CLOSED
}
