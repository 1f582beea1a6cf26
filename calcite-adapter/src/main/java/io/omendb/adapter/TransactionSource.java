package io.omendb.adapter;

import io.omendb.engine.mvcc.Transaction;

/** Gives tables the transaction of the statement being executed in their session. */
@FunctionalInterface
interface TransactionSource {

  /**
   * The transaction the current statement runs in.
   *
   * @throws IllegalStateException if no statement of this session is executing
   */
  Transaction current();
}
