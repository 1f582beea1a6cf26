package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's text input of {@code time without time zone}: {@code HH:MM[:SS[.fraction]]}, an offset after it
 * ignored, with PostgreSQL's errors (22007 for text that is no time, 22008 for a field out of range).
 */
final class TimeText {
  private static final Pattern INPUT = Pattern.compile(
      "(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d*))?)?\\s*(?:Z|[+-]\\d{1,2}(?::?\\d{2})?)?");
  private static final int MILLIS_PER_SECOND = 1000;

  private TimeText() {}

  /**
   * Milliseconds of the day (Calcite's TIME); a fraction below a millisecond is rounded, but never past midnight.
   *
   * @throws SqlStateException 22007 if the text is not a time, 22008 if a field is out of range
   */
  static int parse(String text) {
    requireNonNull(text, "text");
    Matcher m = INPUT.matcher(text.trim());
    if (!m.matches()) {
      throw new SqlStateException("22007", "invalid input syntax for type time: \"" + text + "\"");
    }
    int hour = Integer.parseInt(m.group(1));
    int minute = Integer.parseInt(m.group(2));
    int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    int millis = 0;
    if (m.group(4) != null && !m.group(4).isEmpty()) {
      double fraction = Double.parseDouble("0." + m.group(4));
      millis = (int) Math.round(fraction * MILLIS_PER_SECOND);
    }
    if (hour > 23 || minute > 59 || second > 59) {
      throw new SqlStateException("22008", "date/time field value out of range: \"" + text + "\"");
    }
    int total = ((hour * 60 + minute) * 60 + second) * MILLIS_PER_SECOND + millis;
    return Math.min(total, 24 * 60 * 60 * MILLIS_PER_SECOND - 1);
  }
}
