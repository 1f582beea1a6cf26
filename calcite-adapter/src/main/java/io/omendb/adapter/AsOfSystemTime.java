package io.omendb.adapter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CockroachDB's {@code AS OF SYSTEM TIME <time>} clause: found in the text of a statement (after the FROM list of a
 * SELECT, or after {@code BEGIN} / {@code SET TRANSACTION}) and cut out of it, since Calcite's grammar has no place
 * for it; the statement then runs in a read-only transaction at that time. The time is a string literal (a
 * timestamp, or a negative interval such as {@code '-10s'} relative to now) or any expression of type timestamp
 * ({@code now() - INTERVAL '1' MINUTE}).
 */
final class AsOfSystemTime {
  private static final String[] KEYWORDS = {"AS", "OF", "SYSTEM", "TIME"};
  /** The keywords that end the time expression of a SELECT's clause. */
  private static final Set<String> FOLLOWING = Set.of("WHERE", "GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT",
      "OFFSET", "FETCH", "UNION", "INTERSECT", "EXCEPT", "FOR");
  /** CockroachDB's relative times: a negative duration of units, {@code '-1h30m'}, {@code '-10s'}. */
  private static final Pattern RELATIVE = Pattern.compile("-((?:\\d+(?:\\.\\d+)?(?:h|m|s|ms|us|µs|ns))+)");
  private static final Pattern RELATIVE_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|us|µs|ns)");
  /** PostgreSQL interval text, negative: {@code '-10 seconds'}, {@code '-1 hour'}. */
  private static final Pattern INTERVAL = Pattern.compile(
      "-\\s*(\\d+(?:\\.\\d+)?)\\s*(microseconds?|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|days?)",
      Pattern.CASE_INSENSITIVE);
  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd")
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendPattern("HH:mm")
      .optionalStart().appendPattern(":ss").optionalEnd()
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
      .optionalEnd()
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HH", "Z").optionalEnd()
      .toFormatter(Locale.ROOT);

  private AsOfSystemTime() {}

  /** A statement with its clause cut out: the remaining text and the time expression's text. */
  record Clause(String sql, String time) {}

  /** The statement without its {@code AS OF SYSTEM TIME} clause, or null if it has none. */
  static Clause extract(String sql) {
    for (int i = SqlText.nextTopLevelWord(sql, 0, "AS"); i >= 0; i = SqlText.nextTopLevelWord(sql, i + 2, "AS")) {
      int end = keywordsEnd(sql, i);
      if (end < 0) {
        continue;
      }
      int timeEnd = expressionEnd(sql, end);
      String time = sql.substring(end, timeEnd).strip();
      if (time.isEmpty()) {
        throw new SqlStateException("42601", "syntax error: AS OF SYSTEM TIME needs a time");
      }
      return new Clause(sql.substring(0, i) + " " + sql.substring(timeEnd), time);
    }
    return null;
  }

  /** The index after {@code AS OF SYSTEM TIME} starting at {@code start}, or -1 if those words are not there. */
  private static int keywordsEnd(String sql, int start) {
    int i = start;
    for (String keyword : KEYWORDS) {
      while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
        i++;
      }
      if (!SqlText.wordAt(sql, i, keyword)) {
        return -1;
      }
      i += keyword.length();
    }
    return i;
  }

  /** Where the time expression starting at {@code start} ends: a following clause's keyword, {@code ;}, or the end. */
  private static int expressionEnd(String sql, int start) {
    int depth = 0;
    int i = start;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        i = SqlText.skipQuoted(sql, i);
        continue;
      }
      if (SqlText.isLineComment(sql, i) || SqlText.isBlockComment(sql, i)) {
        return i;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (depth == 0) {
          return i;
        }
        depth--;
      } else if (c == ';' && depth == 0) {
        return i;
      } else if (depth == 0 && Character.isLetter(c) && !SqlText.isIdentifierPart(sql.charAt(i - 1))) {
        int wordEnd = i;
        while (wordEnd < sql.length() && SqlText.isIdentifierPart(sql.charAt(wordEnd))) {
          wordEnd++;
        }
        if (FOLLOWING.contains(sql.substring(i, wordEnd).toUpperCase(Locale.ROOT))) {
          return i;
        }
        i = wordEnd;
        continue;
      }
      i++;
    }
    return sql.length();
  }

  /** Evaluates a time expression that is not a plain string literal; returns microseconds since the epoch. */
  @FunctionalInterface
  interface Evaluator {
    long evaluate(String expression) throws java.sql.SQLException;
  }

  /**
   * The commit timestamp (microseconds since the epoch) the time denotes, {@code nowMicros} being now: a string
   * literal is read here (to the microsecond; a timestamp without an offset is in {@code zone}, the zone
   * {@code now()} shows), any other expression by {@code evaluator}.
   */
  static long resolve(String time, long nowMicros, java.time.ZoneId zone, Evaluator evaluator)
      throws java.sql.SQLException {
    String literal = stringLiteral(time);
    if (literal == null) {
      return evaluator.evaluate(time);
    }
    String text = literal.strip();
    Matcher relative = RELATIVE.matcher(text);
    if (relative.matches()) {
      long micros = 0;
      Matcher part = RELATIVE_PART.matcher(relative.group(1));
      while (part.find()) {
        micros += micros(part.group(1), part.group(2));
      }
      return nowMicros - micros;
    }
    Matcher interval = INTERVAL.matcher(text);
    if (interval.matches()) {
      String unit = interval.group(2).toLowerCase(Locale.ROOT);
      String shortUnit = unit.startsWith("micro") ? "us" : unit.startsWith("milli") ? "ms"
          : unit.startsWith("s") ? "s" : unit.startsWith("min") ? "m" : unit.startsWith("h") ? "h" : "d";
      return nowMicros - micros(interval.group(1), shortUnit);
    }
    if (text.matches("\\d{10,}(\\.\\d+)?")) {
      // CockroachDB's decimal form: nanoseconds since the epoch
      return new java.math.BigDecimal(text).movePointLeft(3).longValue();
    }
    try {
      var parsed = TIMESTAMP.parseBest(text, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
      Instant instant = parsed instanceof OffsetDateTime offset ? offset.toInstant()
          : parsed instanceof LocalDateTime local ? local.atZone(zone).toInstant()
          : ((LocalDate) parsed).atStartOfDay(zone).toInstant();
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    } catch (DateTimeParseException e) {
      throw new SqlStateException("22007",
          "invalid input syntax for AS OF SYSTEM TIME: \"" + literal + "\" (a timestamp or a negative interval)");
    }
  }

  private static long micros(String amount, String unit) {
    double value = Double.parseDouble(amount);
    double factor = switch (unit) {
      case "h" -> 3_600_000_000d;
      case "m" -> 60_000_000d;
      case "s" -> 1_000_000d;
      case "ms" -> 1_000d;
      case "us", "µs" -> 1d;
      case "ns" -> 0.001d;
      case "d" -> 86_400_000_000d;
      default -> throw new IllegalArgumentException(unit);
    };
    return Math.round(value * factor);
  }

  /** The content of {@code text} if it is one string literal ({@code '...'}, optionally typed), else null. */
  private static String stringLiteral(String text) {
    String t = text.strip();
    String upper = t.toUpperCase(Locale.ROOT);
    for (String prefix : new String[] {"TIMESTAMPTZ ", "TIMESTAMP ", "INTERVAL "}) {
      if (upper.startsWith(prefix)) {
        t = t.substring(prefix.length()).strip();
        break;
      }
    }
    if (t.length() < 2 || t.charAt(0) != '\'' || SqlText.skipQuoted(t, 0) != t.length()) {
      return null;
    }
    return t.substring(1, t.length() - 1).replace("''", "'");
  }
}
