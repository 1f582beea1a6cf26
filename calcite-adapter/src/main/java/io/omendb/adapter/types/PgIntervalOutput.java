package io.omendb.adapter.types;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Period;

/**
 * PostgreSQL's text for an {@code interval} value (IntervalStyle postgres): {@code 1 year 2 mons}, {@code 1 day
 * 02:00:00}, {@code -1 days}, {@code 00:30:00}; a {@link Duration} is a day-time interval whose whole days print as
 * days, a {@link Period} a year-month one. pg-protocol's {@code IntervalFormat} prints the same on the wire.
 */
public final class PgIntervalOutput {
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
  private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
  private static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;
  private static final int MONTHS_PER_YEAR = 12;

  private PgIntervalOutput() {}

  /** The text of a {@link Duration} (day-time) or {@link Period} (year-month). */
  public static String text(Object value) {
    requireNonNull(value, "value");
    if (value instanceof Period period) {
      return text(period.toTotalMonths(), period.getDays(), 0);
    }
    if (value instanceof Duration duration) {
      long micros = Math.addExact(Math.multiplyExact(duration.getSeconds(), MICROS_PER_SECOND),
          duration.getNano() / 1000);
      return text(0, micros / MICROS_PER_DAY, micros % MICROS_PER_DAY);
    }
    throw new IllegalArgumentException("not an interval: " + value.getClass().getSimpleName());
  }

  /** PostgreSQL's EncodeInterval for IntervalStyle postgres, from its three fields. */
  static String text(long months, long days, long micros) {
    StringBuilder out = new StringBuilder();
    boolean[] state = {true, false}; // {nothing printed yet, the last field printed was negative}
    part(out, state, months / MONTHS_PER_YEAR, "year");
    part(out, state, months % MONTHS_PER_YEAR, "mon");
    part(out, state, days, "day");
    if (state[0] || micros != 0) {
      long abs = Math.abs(micros);
      out.append(state[0] ? "" : " ").append(micros < 0 ? "-" : state[1] ? "+" : "");
      out.append(twoDigits(abs / MICROS_PER_HOUR)).append(':')
          .append(twoDigits(abs % MICROS_PER_HOUR / MICROS_PER_MINUTE)).append(':')
          .append(twoDigits(abs % MICROS_PER_MINUTE / MICROS_PER_SECOND));
      long fraction = abs % MICROS_PER_SECOND;
      if (fraction != 0) {
        out.append('.').append(String.format(java.util.Locale.ROOT, "%06d", fraction).replaceFirst("0+$", ""));
      }
    }
    return out.toString();
  }

  private static void part(StringBuilder out, boolean[] state, long value, String unit) {
    if (value == 0) {
      return;
    }
    out.append(state[0] ? "" : " ").append(state[1] && value > 0 ? "+" : "").append(value).append(' ')
        .append(unit).append(value != 1 ? "s" : "");
    state[0] = false;
    state[1] = value < 0;
  }

  private static String twoDigits(long value) {
    return value < 10 ? "0" + value : Long.toString(value);
  }
}
