package io.omendb.adapter;

import java.util.TimeZone;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/** Converts the times of {@code AS OF} reads into engine commit timestamps (microseconds since the epoch). */
final class AsOfTime {
  private static final long MICROS_PER_MILLI = 1000;

  private AsOfTime() {}

  /**
   * The time the one-row {@code asOf} relation computed: Calcite's internal milliseconds of a TIMESTAMP (a local
   * date-time of the session's time zone, if {@code local}) or of a TIMESTAMP WITH LOCAL TIME ZONE (UTC).
   */
  static long fromCalcite(DataContext root, Enumerable<?> asOf, boolean local) {
    Object value;
    try (Enumerator<?> rows = asOf.enumerator()) {
      value = rows.moveNext() ? rows.current() : null;
    }
    if (value instanceof Object[] row) {
      value = row.length == 0 ? null : row[0];
    }
    if (value == null) {
      throw new SqlStateException("22004", "the time of FOR SYSTEM_TIME AS OF must not be null");
    }
    long millis = value instanceof java.util.Date date ? date.getTime() : ((Number) value).longValue();
    if (local) {
      TimeZone zone = DataContext.Variable.TIME_ZONE.get(root);
      if (zone != null) {
        millis -= zone.getOffset(millis - zone.getRawOffset());
      }
    }
    return millis * MICROS_PER_MILLI;
  }
}
