package io.omendb.adapter;

import io.omendb.engine.mvcc.Transaction;

/** Gives tables the transaction of the statement being executed in their session, and its user's privileges. */
interface TransactionSource {

  /**
   * The transaction the current statement runs in.
   *
   * @throws IllegalStateException if no statement of this session is executing
   */
  Transaction current();

  /** The privilege checks of the session's user. */
  SessionAccess access();

  /** The session user's name, which {@code "$user"} in the search path stands for. */
  String user();

  /** A run-time parameter of the session ({@code search_path}, {@code TimeZone}), or null if it is unknown. */
  String setting(String name);
}
