package io.omendb.engine.mvcc;

/** The life cycle of a {@link Transaction}. */
public enum TransactionState { ACTIVE, COMMITTED, ROLLED_BACK }
