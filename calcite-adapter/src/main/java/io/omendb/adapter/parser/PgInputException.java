package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

/**
 * A value the parser reads itself (the text of {@code '1 day'::interval}) that PostgreSQL would refuse with a
 * SQLSTATE of its own rather than a syntax error; it travels out as the cause of the parse error.
 */
public final class PgInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String sqlState;

  public PgInputException(String sqlState, String message) {
    super(message);
    this.sqlState = requireNonNull(sqlState, "sqlState");
  }

  /** The SQLSTATE PostgreSQL reports for this input. */
  public String sqlState() {
    return sqlState;
  }
}
