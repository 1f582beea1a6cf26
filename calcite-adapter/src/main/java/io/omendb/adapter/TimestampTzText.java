package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's text forms of {@code timestamptz} and of the {@code TimeZone} setting: reads {@code 2024-05-17
 * 10:11:12.5+02} (an offset or zone name converts, no zone means the session's zone) into epoch milliseconds and
 * prints an instant as PostgreSQL does with DateStyle ISO ({@code 2024-05-17 10:11:12.5+02}, {@code +05:30}).
 */
final class TimestampTzText {
  private static final String TYPE_NAME = "timestamp with time zone";

  /** Date, time with optional fraction, then an optional offset or zone name. */
  private static final Pattern INPUT = Pattern.compile(
      "(\\d{4,})-(\\d{1,2})-(\\d{1,2})"
          + "(?:[ T]+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d*))?)?)?"
          + "\\s*(?:(Z|[+-]\\d{1,2}(?::?\\d{2}(?::?\\d{2})?)?)|([A-Za-z][A-Za-z0-9_/+-]*))?");

  private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .appendLiteral(' ')
      .appendPattern("HH:mm:ss")
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true)
      .toFormatter(Locale.ROOT);

  /** PostgreSQL prints offsets as {@code +02}, {@code +05:30}, or with seconds for old local mean times. */
  private static final DateTimeFormatter OFFSET = new DateTimeFormatterBuilder()
      .appendOffset("+HH:mm:ss", "+00")
      .toFormatter(Locale.ROOT);

  /** Zone ids by upper-case name: PostgreSQL matches time zone names without regard to case. */
  private static final Map<String, String> ZONES = zones();

  private TimestampTzText() {}

  private static Map<String, String> zones() {
    Map<String, String> zones = new TreeMap<>();
    for (String id : ZoneId.getAvailableZoneIds()) {
      zones.put(id.toUpperCase(Locale.ROOT), id);
    }
    return zones;
  }

  /**
   * The zone a {@code TimeZone} setting names: an IANA name in any case ({@code Europe/Paris}, {@code utc}), or a
   * number of hours east of UTC ({@code SET TIME ZONE 2}, {@code '+05:30'} as an ISO offset).
   *
   * @throws SqlStateException 22023 if the value names no zone
   */
  static ZoneId zone(String setting) {
    requireNonNull(setting, "setting");
    String name = setting.trim();
    String id = ZONES.get(name.toUpperCase(Locale.ROOT));
    if (id != null) {
      return ZoneId.of(id);
    }
    if (name.matches("[+-]?\\d{1,2}(?:\\.\\d+)?")) {
      double hours = Double.parseDouble(name);
      if (Math.abs(hours) <= 18) {
        return ZoneOffset.ofTotalSeconds((int) Math.round(hours * 3600));
      }
    }
    throw new SqlStateException("22023", "invalid value for parameter \"TimeZone\": \"" + setting + "\"");
  }

  /**
   * Reads timestamptz text: the local date-time is in {@code sessionZone} unless the text carries an offset
   * ({@code +02}, {@code -0530}, {@code Z}) or a zone name ({@code UTC}, {@code Europe/Paris}). Fractions below a
   * millisecond are rounded, as the engine keeps milliseconds.
   *
   * @throws SqlStateException 22007 if the text is not a timestamp, 22008 if a field is out of range
   */
  static long parse(String text, ZoneId sessionZone) {
    requireNonNull(text, "text");
    String trimmed = text.trim();
    Matcher m = INPUT.matcher(trimmed);
    if (!m.matches()) {
      throw invalid(text);
    }
    LocalDateTime local;
    try {
      LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)));
      LocalTime time = LocalTime.MIDNIGHT;
      if (m.group(4) != null) {
        int hour = Integer.parseInt(m.group(4));
        int minute = Integer.parseInt(m.group(5));
        int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        long nanos = fractionNanos(m.group(7));
        if (hour == 24 && minute == 0 && second == 0 && nanos == 0) {
          date = date.plusDays(1);
        } else {
          time = LocalTime.of(hour, minute, second);
        }
        local = LocalDateTime.of(date, time).plusNanos(nanos);
      } else {
        local = date.atStartOfDay();
      }
    } catch (DateTimeException | NumberFormatException e) {
      throw new SqlStateException("22008", "date/time field value out of range: \"" + text + "\"");
    }
    ZoneId zone = sessionZone;
    if (m.group(8) != null) {
      zone = offset(m.group(8), text);
    } else if (m.group(9) != null) {
      String id = ZONES.get(m.group(9).toUpperCase(Locale.ROOT));
      if (id == null) {
        throw new SqlStateException("22023", "time zone \"" + m.group(9) + "\" not recognized");
      }
      zone = ZoneId.of(id);
    }
    Instant instant = local.atZone(zone).toInstant();
    return instant.toEpochMilli();
  }

  /** A fraction of a second as nanoseconds, rounded to whole milliseconds. */
  private static long fractionNanos(String digits) {
    if (digits == null || digits.isEmpty()) {
      return 0;
    }
    String padded = (digits + "000000000").substring(0, 9);
    long nanos = Long.parseLong(padded);
    if (digits.length() > 9 && digits.charAt(9) >= '5') {
      nanos++;
    }
    return Math.round(nanos / 1_000_000.0) * 1_000_000L;
  }

  private static ZoneOffset offset(String text, String input) {
    if (text.equals("Z")) {
      return ZoneOffset.UTC;
    }
    int sign = text.charAt(0) == '-' ? -1 : 1;
    String digits = text.substring(1).replace(":", "");
    int hours;
    int minutes = 0;
    int seconds = 0;
    if (digits.length() <= 2) {
      hours = Integer.parseInt(digits);
    } else {
      int hourDigits = digits.length() % 2 == 0 ? 2 : 1;
      hours = Integer.parseInt(digits.substring(0, hourDigits));
      minutes = Integer.parseInt(digits.substring(hourDigits, hourDigits + 2));
      if (digits.length() > hourDigits + 2) {
        seconds = Integer.parseInt(digits.substring(hourDigits + 2));
      }
    }
    try {
      return ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60 + seconds));
    } catch (DateTimeException e) {
      throw new SqlStateException("22008", "time zone displacement out of range: \"" + input + "\"");
    }
  }

  private static SqlStateException invalid(String text) {
    return new SqlStateException("22007", "invalid input syntax for type " + TYPE_NAME + ": \"" + text + "\"");
  }

  /** An instant (epoch milliseconds) as the date-time and offset it has in {@code zone}. */
  static OffsetDateTime toOffsetDateTime(long epochMillis, ZoneId zone) {
    return Instant.ofEpochMilli(epochMillis).atZone(zone).toOffsetDateTime();
  }

  /** An instant as PostgreSQL prints a timestamptz in {@code zone}: {@code 2024-05-17 10:11:12.5+02}. */
  static String format(long epochMillis, ZoneId zone) {
    return format(toOffsetDateTime(epochMillis, zone));
  }

  /** A date-time with offset as PostgreSQL prints a timestamptz. */
  static String format(OffsetDateTime value) {
    return LOCAL.format(value.toLocalDateTime()) + OFFSET.format(value);
  }
}
