package io.omendb.adapter;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * One client's conversation with the database: its user, settings, transaction and statement cache.
 *
 * <p>The embedded JDBC driver, the PostgreSQL wire protocol and the Avatica bridge all sit on this one API.
 * Errors are reported as {@link SQLException}s whose {@link SQLException#getSQLState() SQLSTATE} is the
 * PostgreSQL code the protocol edge sends to the client. A session is used by one thread at a time.
 */
public interface Session extends AutoCloseable {

  /** The authenticated user this session runs as. */
  String user();

  /** The current value of a run-time setting ({@code SET name = value}), or null if it was never set. */
  String setting(String name);

  /** All settings currently in force, in name order. */
  Map<String, String> settings();

  /** Sets a run-time setting, as {@code SET name = value} does. */
  void set(String name, String value);

  /**
   * Splits a query string that may hold several statements separated by semicolons into single statements,
   * using the SQL grammar (semicolons inside literals and comments do not split). Empty statements are dropped.
   *
   * @throws SQLException with SQLSTATE 42601 if the text does not parse
   */
  List<String> split(String sql) throws SQLException;

  /**
   * Executes one statement and returns its result; the caller closes the result. In autocommit mode the statement
   * commits on success and rolls back on failure.
   */
  StatementResult execute(String sql) throws SQLException;

  /**
   * Prepares one statement, written with PostgreSQL's {@code $1, $2, ...} placeholders (repeated and in any order),
   * for repeated execution: parsed and planned now, its plan reused by every execution.
   *
   * @param parameterTypes the {@link java.sql.Types} the client declares for the first parameters;
   *     {@link java.sql.Types#OTHER} leaves a type to be inferred; may be shorter than the parameter list
   * @throws SQLException with the SQLSTATE of the parse or planning error
   */
  PreparedQuery prepare(String sql, List<Integer> parameterTypes) throws SQLException;

  /**
   * Asks the statement now running in this session to stop; the one method that may be called from another thread
   * (a CancelRequest). The statement fails with SQLSTATE 57014 before its next row; does nothing when none runs.
   */
  void cancel();

  /** Whether the session is inside an explicit transaction block (BEGIN ... COMMIT). */
  TransactionStatus transactionStatus();

  /** Ends the session, rolling back any open transaction. */
  @Override
  void close();
}
