package io.omendb.adapter;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of logs and error messages: masks the literal after every {@code PASSWORD} in statement text
 * and scrubs it from the messages of errors that such a statement raised (PostgreSQL itself logs a failing
 * {@code CREATE USER ... PASSWORD '...'} in full; OmenDB does not).
 */
public final class PasswordRedaction {
  /** What a password literal is replaced with. */
  public static final String MASK = "'********'";
  /** Passwords shorter than this are only scrubbed where they appear quoted, lest common letters be masked. */
  private static final int MIN_BARE_LENGTH = 4;
  private static final Pattern PASSWORD_LITERAL =
      Pattern.compile("(?i)(\\bPASSWORD\\s+)[eE]?'((?:[^']|'')*)('|$)");

  private PasswordRedaction() {}

  /** {@code sql} with the literal after each {@code PASSWORD} replaced by {@link #MASK}, for logging. */
  public static String redact(String sql) {
    if (sql == null) {
      return null;
    }
    return PASSWORD_LITERAL.matcher(sql).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK));
  }

  /** Whether {@code sql} carries a password literal. */
  public static boolean mentionsPassword(String sql) {
    return sql != null && PASSWORD_LITERAL.matcher(sql).find();
  }

  /**
   * The error {@code sql} raised, with every password of {@code sql} removed from its message and no cause (whose
   * messages might hold it); unchanged if {@code sql} carries no password.
   */
  public static SQLException scrub(SQLException error, String sql) {
    if (!mentionsPassword(sql)) {
      return error;
    }
    String message = String.valueOf(error.getMessage());
    for (String password : passwords(sql)) {
      if (password.isEmpty()) {
        continue;
      }
      message = message.replace("'" + password + "'", MASK)
          .replace("\\'" + password.replace("'", "\\'") + "\\'", MASK);
      if (password.length() >= MIN_BARE_LENGTH) {
        message = message.replace(password, "********");
      }
    }
    message = redact(message);
    SQLException scrubbed = new SQLException(message, error.getSQLState(), error.getErrorCode());
    scrubbed.setStackTrace(error.getStackTrace());
    return scrubbed;
  }

  /** The passwords of {@code sql}, as written between the quotes and unescaped. */
  private static List<String> passwords(String sql) {
    List<String> passwords = new ArrayList<>();
    Matcher matcher = PASSWORD_LITERAL.matcher(sql);
    while (matcher.find()) {
      passwords.add(matcher.group(2));
      passwords.add(matcher.group(2).replace("''", "'"));
    }
    return passwords;
  }
}
