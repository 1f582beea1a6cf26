package io.omendb.pg.types;

import io.omendb.adapter.types.PgIntervalOutput;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Period;

/**
 * PostgreSQL's {@code interval} on the wire: the text its output function prints with IntervalStyle postgres
 * ({@code 1 year 2 mons}, {@code 1 day 02:00:00}, {@code -1 days}, {@code 00:30:00}; {@link PgIntervalOutput}) and
 * the binary form (microseconds as int64, days as int32, months as int32). A {@link Duration} is a day-time interval
 * whose whole days become the days field; a {@link Period} is a year-month interval.
 */
public final class IntervalFormat {
  private IntervalFormat() {}

  /** Whether {@code value} is one of the classes this format reads. */
  static boolean isInterval(Object value) {
    return value instanceof Duration || value instanceof Period;
  }

  /** The text form of a {@link Duration} or {@link Period}. */
  public static String text(Object value) {
    return PgIntervalOutput.text(value);
  }

  /** The binary form: microseconds, days, months. */
  static byte[] binary(Object value) {
    PgIntervalOutput.Fields fields = PgIntervalOutput.fields(value);
    return ByteBuffer.allocate(16).putLong(fields.micros()).putInt(Math.toIntExact(fields.days()))
        .putInt(Math.toIntExact(fields.months())).array();
  }

  /** PostgreSQL's EncodeInterval for IntervalStyle postgres, from the three fields. */
  static String text(long months, long days, long micros) {
    return PgIntervalOutput.text(months, days, micros);
  }
}
