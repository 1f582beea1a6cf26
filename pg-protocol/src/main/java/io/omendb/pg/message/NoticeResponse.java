package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

/**
 * A notice or warning that does not interrupt the query, e.g. "there is no transaction in progress".
 *
 * @param severity WARNING, NOTICE, DEBUG, INFO or LOG
 * @param sqlState the five-character SQLSTATE code
 * @param message the primary, human-readable message
 * @param detail an optional secondary message, or null
 * @param hint an optional suggestion, or null
 * @param position the 1-based character position in the query string, or 0 when none
 */
public record NoticeResponse(
    String severity, String sqlState, String message, String detail, String hint, int position)
    implements BackendMessage {

  public NoticeResponse {
    requireNonNull(severity, "severity");
    requireNonNull(sqlState, "sqlState");
    requireNonNull(message, "message");
    if (sqlState.length() != 5) {
      throw new IllegalArgumentException("SQLSTATE must have 5 characters: " + sqlState);
    }
    if (position < 0) {
      throw new IllegalArgumentException("position must be >= 0: " + position);
    }
  }

  /** A notice with only a severity, a code and a message. */
  public static NoticeResponse create(String severity, String sqlState, String message) {
    return new NoticeResponse(severity, sqlState, message, null, null, 0);
  }
}
