package io.omendb.pg.types;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Period;

/**
 * PostgreSQL's {@code interval} on the wire: the text its output function prints with IntervalStyle postgres
 * ({@code 1 year 2 mons}, {@code 1 day 02:00:00}, {@code -1 days}, {@code 00:30:00}) and the binary form
 * (microseconds as int64, days as int32, months as int32). A {@link Duration} is a day-time interval whose whole
 * days become the days field; a {@link Period} is a year-month interval (its days, if any, the days field).
 */
public final class IntervalFormat {
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
  private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
  private static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;
  private static final int MONTHS_PER_YEAR = 12;
  private static final int FRACTION_DIGITS = 6;

  /** PostgreSQL's three fields of an interval value. */
  record Fields(long months, long days, long micros) {}

  private IntervalFormat() {}

  /** Whether {@code value} is one of the classes this format reads. */
  static boolean isInterval(Object value) {
    return value instanceof Duration || value instanceof Period;
  }

  /** The text form of a {@link Duration} or {@link Period}. */
  public static String text(Object value) {
    Fields fields = fields(value);
    return text(fields.months(), fields.days(), fields.micros());
  }

  /** The binary form: microseconds, days, months. */
  static byte[] binary(Object value) {
    Fields fields = fields(value);
    return ByteBuffer.allocate(16).putLong(fields.micros()).putInt(Math.toIntExact(fields.days()))
        .putInt(Math.toIntExact(fields.months())).array();
  }

  private static Fields fields(Object value) {
    requireNonNull(value, "value");
    if (value instanceof Period period) {
      return new Fields(period.toTotalMonths(), period.getDays(), 0);
    }
    if (value instanceof Duration duration) {
      long micros = Math.addExact(Math.multiplyExact(duration.getSeconds(), MICROS_PER_SECOND),
          duration.getNano() / 1000);
      return new Fields(0, micros / MICROS_PER_DAY, micros % MICROS_PER_DAY);
    }
    throw new IllegalArgumentException("not an interval: " + value.getClass().getSimpleName());
  }

  /** PostgreSQL's EncodeInterval for IntervalStyle postgres. */
  static String text(long months, long days, long micros) {
    StringBuilder out = new StringBuilder();
    boolean[] state = {true, false}; // {nothing printed yet, the last field printed was negative}
    part(out, state, months / MONTHS_PER_YEAR, "year");
    part(out, state, months % MONTHS_PER_YEAR, "mon");
    part(out, state, days, "day");
    if (state[0] || micros != 0) {
      boolean minus = micros < 0;
      long abs = Math.abs(micros);
      out.append(state[0] ? "" : " ").append(minus ? "-" : state[1] ? "+" : "");
      out.append(twoDigits(abs / MICROS_PER_HOUR)).append(':')
          .append(twoDigits(abs % MICROS_PER_HOUR / MICROS_PER_MINUTE)).append(':')
          .append(twoDigits(abs % MICROS_PER_MINUTE / MICROS_PER_SECOND));
      long fraction = abs % MICROS_PER_SECOND;
      if (fraction != 0) {
        String digits = String.format(java.util.Locale.ROOT, "%0" + FRACTION_DIGITS + "d", fraction);
        out.append('.').append(digits.replaceFirst("0+$", ""));
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
