package io.omendb.adapter;

import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stops a session's running statement when the client cancels it (a CancelRequest, from another thread) or when
 * {@code statement_timeout} expires. The statement checks {@link #check()} before each row it produces, so it
 * stops within one row's work; the error is SQLSTATE 57014, as in PostgreSQL.
 */
final class StatementInterrupts {
  static final String QUERY_CANCELED = "57014";
  private static final Pattern DURATION = Pattern.compile("\\s*(\\d+)\\s*(ms|s|min|h|d)?\\s*");
  private static final long NO_DEADLINE = Long.MAX_VALUE;

  private volatile boolean canceled;
  private volatile long deadlineNanos = NO_DEADLINE;

  /** A statement starts: earlier cancel requests are forgotten and the timeout (0 for none) starts counting. */
  void start(long timeoutMillis) {
    canceled = false;
    deadlineNanos = timeoutMillis <= 0 ? NO_DEADLINE
        : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
  }

  /** Asks the running statement to stop; safe from any thread. */
  void cancel() {
    canceled = true;
  }

  /**
   * Fails if the statement was canceled or has run past its timeout.
   *
   * @throws SQLException 57014
   */
  void check() throws SQLException {
    if (canceled) {
      throw new SQLException("canceling statement due to user request", QUERY_CANCELED);
    }
    long deadline = deadlineNanos;
    if (deadline != NO_DEADLINE && System.nanoTime() - deadline > 0) {
      throw new SQLException("canceling statement due to statement timeout", QUERY_CANCELED);
    }
  }

  /**
   * A {@code statement_timeout} value in milliseconds: a number (milliseconds) or a number with a unit
   * ({@code ms}, {@code s}, {@code min}, {@code h}, {@code d}), as PostgreSQL accepts it; 0 when unset.
   *
   * @throws SqlStateException 22023 for anything else
   */
  static long parseTimeout(String value) {
    if (value == null) {
      return 0;
    }
    Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new SqlStateException("22023", "invalid value for parameter \"statement_timeout\": \"" + value + "\"");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    return switch (unit) {
      case "s" -> TimeUnit.SECONDS.toMillis(amount);
      case "min" -> TimeUnit.MINUTES.toMillis(amount);
      case "h" -> TimeUnit.HOURS.toMillis(amount);
      case "d" -> TimeUnit.DAYS.toMillis(amount);
      default -> amount;
    };
  }
}
