package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

/**
 * An error: the current query (severity ERROR) or the whole connection (FATAL) failed.
 *
 * @param severity {@link #ERROR}, {@link #FATAL} or {@link #PANIC}
 * @param sqlState the five-character SQLSTATE code
 * @param message the primary, human-readable message
 * @param detail an optional secondary message with more detail, or null
 * @param hint an optional suggestion what to do about the problem, or null
 * @param position the 1-based character position in the query string the error refers to, or 0 when none
 */
public record ErrorResponse(
    String severity, String sqlState, String message, String detail, String hint, int position)
    implements BackendMessage {

  /** Severity of an error that ends the current query. */
  public static final String ERROR = "ERROR";

  /** Severity of an error that ends the connection. */
  public static final String FATAL = "FATAL";

  /** Severity of an error that ends every connection. */
  public static final String PANIC = "PANIC";

  public ErrorResponse {
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

  /** An ERROR with only a code and a message. */
  public static ErrorResponse error(String sqlState, String message) {
    return new ErrorResponse(ERROR, sqlState, message, null, null, 0);
  }

  /** A FATAL error with only a code and a message; the server closes the connection after sending it. */
  public static ErrorResponse fatal(String sqlState, String message) {
    return new ErrorResponse(FATAL, sqlState, message, null, null, 0);
  }

  /** This error with a detail message. */
  public ErrorResponse withDetail(String detail) {
    return new ErrorResponse(severity, sqlState, message, detail, hint, position);
  }

  /** This error with a hint. */
  public ErrorResponse withHint(String hint) {
    return new ErrorResponse(severity, sqlState, message, detail, hint, position);
  }

  /** This error pointing at a 1-based character position of the query string. */
  public ErrorResponse withPosition(int position) {
    return new ErrorResponse(severity, sqlState, message, detail, hint, position);
  }

  /** Whether the server closes the connection after this error. */
  public boolean isFatal() {
    return FATAL.equals(severity) || PANIC.equals(severity);
  }
}
