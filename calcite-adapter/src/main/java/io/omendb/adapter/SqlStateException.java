package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

/** An error raised inside the SQL layer that already knows its SQLSTATE (e.g. an unknown type name in DDL). */
final class SqlStateException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String sqlState;

  SqlStateException(String sqlState, String message) {
    super(message);
    this.sqlState = requireNonNull(sqlState, "sqlState");
  }

  String sqlState() {
    return sqlState;
  }
}
