package io.omendb.pg.types;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Encodes Java values in PostgreSQL's text format as its output functions print them with default settings:
 * booleans as {@code t}/{@code f}, timestamps as {@code 2024-01-02 03:04:05.5} (DateStyle ISO, fraction without
 * trailing zeros), bytea as {@code \x0a0b} (bytea_output hex), floats as the shortest exact decimal.
 *
 * <p>Accepts the value classes a {@code StatementResult} row holds ({@link String}, {@link Boolean}, the boxed
 * numbers, {@link BigDecimal}, {@code java.sql} date and time classes, {@code byte[]}) and their {@code java.time}
 * counterparts.
 */
public final class TextFormat {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
      .appendPattern("HH:mm:ss")
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true)
      .toFormatter();

  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .appendLiteral(' ')
      .append(TIME)
      .toFormatter();

  private static final DateTimeFormatter OFFSET = new DateTimeFormatterBuilder()
      .appendOffset("+HH:mm:ss", "+00")
      .toFormatter();

  private TextFormat() {}

  /** The text form of {@code value} as a column of {@code type}, or null for SQL NULL. */
  public static String encode(PgType type, Object value) {
    requireNonNull(type, "type");
    if (value == null) {
      return null;
    }
    if (value instanceof Boolean b) {
      return b ? "t" : "f";
    }
    if (value instanceof Double d) {
      return type == PgType.FLOAT4 ? FloatFormat.float4(d.floatValue()) : FloatFormat.float8(d);
    }
    if (value instanceof Float f) {
      return type == PgType.FLOAT8 ? FloatFormat.float8(f.doubleValue()) : FloatFormat.float4(f);
    }
    if (value instanceof BigDecimal bd) {
      return bd.toPlainString();
    }
    if (value instanceof byte[] bytes) {
      return type == PgType.BYTEA || !isText(type) ? hex(bytes) : new String(bytes, StandardCharsets.UTF_8);
    }
    if (value instanceof java.sql.Timestamp ts) {
      return TIMESTAMP.format(ts.toLocalDateTime());
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate().toString();
    }
    if (value instanceof java.sql.Time time) {
      int nanos = (int) (Math.floorMod(time.getTime(), 1000L) * 1_000_000L);
      return TIME.format(time.toLocalTime().withNano(nanos));
    }
    if (value instanceof LocalDateTime ldt) {
      return TIMESTAMP.format(ldt);
    }
    if (value instanceof LocalDate date) {
      return date.toString();
    }
    if (value instanceof LocalTime time) {
      return TIME.format(time);
    }
    if (value instanceof OffsetDateTime odt) {
      return TIMESTAMP.format(odt.toLocalDateTime()) + OFFSET.format(odt);
    }
    if (value instanceof OffsetTime ot) {
      return TIME.format(ot.toLocalTime()) + OFFSET.format(ot);
    }
    if (IntervalFormat.isInterval(value)) {
      return IntervalFormat.text(value);
    }
    if (value instanceof java.sql.Array) {
      return array(type.element() != null ? type.element() : type, elements(value));
    }
    if (value instanceof java.util.List<?> list) {
      return array(type.element() != null ? type.element() : type, list);
    }
    return value.toString();
  }

  /**
   * The elements of an array value: a {@link java.sql.Array} (whose {@code getArray} may be a primitive array, such
   * as {@code long[]}) or a {@link java.util.List}.
   */
  static java.util.List<?> elements(Object value) {
    if (value instanceof java.util.List<?> list) {
      return list;
    }
    Object array;
    try {
      array = ((java.sql.Array) value).getArray();
    } catch (java.sql.SQLException e) {
      throw new IllegalArgumentException("unreadable array value", e);
    }
    int length = java.lang.reflect.Array.getLength(array);
    java.util.List<Object> elements = new java.util.ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      elements.add(java.lang.reflect.Array.get(array, i));
    }
    return elements;
  }

  /** An array as PostgreSQL prints it: {@code {a,b}}, with NULL and elements that need it double-quoted. */
  private static String array(PgType type, java.util.List<?> elements) {
    StringBuilder text = new StringBuilder("{");
    for (Object element : elements) {
      if (text.length() > 1) {
        text.append(',');
      }
      String item = encode(type, element);
      if (item == null) {
        text.append("NULL");
      } else if (item.isEmpty() || item.equalsIgnoreCase("NULL") || item.chars().anyMatch(
          c -> c == ',' || c == '{' || c == '}' || c == '"' || c == '\\' || Character.isWhitespace(c))) {
        text.append('"').append(item.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      } else {
        text.append(item);
      }
    }
    return text.append('}').toString();
  }

  /** The text form of {@code value} as UTF-8 bytes, or null for SQL NULL. */
  public static byte[] encodeBytes(PgType type, Object value) {
    String text = encode(type, value);
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code bytea} in hex output format: {@code \x} followed by two lower-case hex digits per byte. */
  static String hex(byte[] bytes) {
    char[] out = new char[2 + 2 * bytes.length];
    out[0] = '\\';
    out[1] = 'x';
    for (int i = 0; i < bytes.length; i++) {
      out[2 + 2 * i] = HEX[(bytes[i] >> 4) & 0xF];
      out[3 + 2 * i] = HEX[bytes[i] & 0xF];
    }
    return new String(out);
  }

  private static boolean isText(PgType type) {
    return type == PgType.TEXT || type == PgType.VARCHAR || type == PgType.BPCHAR || type == PgType.UNKNOWN;
  }
}
