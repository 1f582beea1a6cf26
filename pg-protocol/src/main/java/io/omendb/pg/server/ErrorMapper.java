package io.omendb.pg.server;

import io.omendb.pg.message.ErrorResponse;
import java.sql.SQLException;

/** Turns exceptions from the session into ErrorResponses: the one place SQL errors get their wire form. */
final class ErrorMapper {
  private ErrorMapper() {}

  /** An ERROR carrying the exception's SQLSTATE, or XX000 if it has none (or an invalid one). */
  static ErrorResponse fromSqlException(SQLException e) {
    String state = SqlState.isValid(e.getSQLState()) ? e.getSQLState() : SqlState.INTERNAL_ERROR.code();
    return ErrorResponse.error(state, messageOf(e));
  }

  /** An ERROR XX000 for an exception the session should not have thrown. */
  static ErrorResponse fromUnexpected(RuntimeException e) {
    return ErrorResponse.error(SqlState.INTERNAL_ERROR.code(), "internal error: " + messageOf(e));
  }

  private static String messageOf(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
