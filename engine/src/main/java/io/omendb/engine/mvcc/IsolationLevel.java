package io.omendb.engine.mvcc;

/** The isolation a transaction runs at. */
public enum IsolationLevel {
  /** Each statement reads a fresh snapshot; write conflicts abort with a serialization failure. */
  READ_COMMITTED,
  /** Snapshot isolation: one snapshot for the whole transaction, first committer wins. */
  REPEATABLE_READ,
  /**
   * Serializable: snapshot isolation plus commit-time validation that nothing the transaction read (keys and scanned
   * ranges) was changed by a transaction that committed after its snapshot.
   */
  SERIALIZABLE
}
