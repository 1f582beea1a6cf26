package io.omendb.adapter;

import io.omendb.adapter.types.PgIntervalOutput;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Period;

/**
 * Reads interval values out of Calcite's result sets, where an interval column's value is a number (milliseconds
 * for day-time, months for year-month) that JDBC metadata names {@code INTERVAL_...}: as a {@link Duration} or a
 * {@link Period}, which the protocol layers print as PostgreSQL's {@code interval}.
 */
final class IntervalValues {
  private IntervalValues() {}

  /** Whether column {@code column} of a result is an interval. */
  static boolean isInterval(ResultSetMetaData metaData, int column) throws SQLException {
    String name = metaData.getColumnTypeName(column);
    return name != null && name.startsWith("INTERVAL");
  }

  /** The interval value of {@code column} in the current row, or null. */
  static Object read(ResultSet resultSet, int column) throws SQLException {
    Object value = resultSet.getObject(column);
    if (!(value instanceof Number number)) {
      return value;
    }
    String name = resultSet.getMetaData().getColumnTypeName(column);
    return isYearMonth(name) ? Period.ofMonths(number.intValue()).normalized()
        : Duration.ofMillis(number.longValue());
  }

  /** PostgreSQL's text of the interval value of {@code column} in the current row, or null. */
  static String readText(ResultSet resultSet, int column) throws SQLException {
    Object value = read(resultSet, column);
    return value == null ? null : value instanceof Number || value instanceof String ? value.toString()
        : PgIntervalOutput.text(value);
  }

  private static boolean isYearMonth(String typeName) {
    return typeName.contains("YEAR") || typeName.contains("MONTH") || typeName.contains("QUARTER");
  }
}
