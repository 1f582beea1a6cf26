package io.omendb.adapter;

/** Where a session stands with respect to transactions; PostgreSQL's ReadyForQuery reports it as I, T or E. */
public enum TransactionStatus {
  /** Not in a transaction block: each statement commits on its own. */
  IDLE,
  /** Inside a transaction block that can still commit. */
  IN_TRANSACTION,
  /** Inside a transaction block that has failed: statements are refused until ROLLBACK. */
  FAILED
}
