package io.omendb.adapter;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Reads timestamptz values out of Calcite's result sets, where they are TIMESTAMP WITH LOCAL TIME ZONE columns that
 * JDBC metadata reports as {@link java.sql.Types#TIMESTAMP}: as {@link OffsetDateTime}s in the session's zone.
 */
final class TimestampTzValues {
  /** Calcite's name of the type in result set metadata. */
  static final String CALCITE_TYPE_NAME = "TIMESTAMP_WITH_LOCAL_TIME_ZONE";

  private TimestampTzValues() {}

  /** Whether column {@code column} of a result is timestamptz. */
  static boolean isTimestampTz(ResultSetMetaData metaData, int column) throws SQLException {
    return CALCITE_TYPE_NAME.equals(metaData.getColumnTypeName(column));
  }

  /** The zone of a session's {@code TimeZone} setting. */
  static ZoneId zone(Session session) {
    String setting = session.setting(SessionSettings.TIME_ZONE);
    return setting == null ? ZoneId.of("UTC") : TimestampTzText.zone(setting);
  }

  /** The timestamptz value of {@code column} in the current row, or null. */
  static OffsetDateTime read(ResultSet resultSet, int column, ZoneId zone) throws SQLException {
    // with a UTC calendar Calcite's accessor hands over the stored instant unshifted
    Timestamp value = resultSet.getTimestamp(column, Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT));
    return value == null ? null : TimestampTzText.toOffsetDateTime(value.getTime(), zone);
  }
}
