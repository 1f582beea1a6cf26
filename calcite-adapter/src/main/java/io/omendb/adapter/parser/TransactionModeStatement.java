package io.omendb.adapter.parser;

/** A statement that carries transaction modes (BEGIN, START TRANSACTION, SET TRANSACTION); their accessors. */
public interface TransactionModeStatement {

  /** Returns the transaction modes as written. */
  TransactionModes modes();

  /** Returns the isolation level the statement names, or null if it names none. */
  default IsolationLevel isolationLevel() {
    return modes().isolationLevel();
  }

  /** Returns true for {@code READ ONLY}, false for {@code READ WRITE}, null if neither. */
  default Boolean readOnly() {
    return modes().readOnly();
  }

  /** Returns true for {@code DEFERRABLE}, false for {@code NOT DEFERRABLE}, null if neither. */
  default Boolean deferrable() {
    return modes().deferrable();
  }
}
