package io.omendb.adapter.golden;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Formats result values as PostgreSQL's text output prints them, so that expected rows can be copied from
 * {@code psql -A}: booleans {@code t}/{@code f}, timestamps without trailing fraction zeros, floats as the shortest
 * decimal ({@code 1.5}, {@code 2}, {@code 1e+20}), bytea as {@code \x..}; SQL NULL is written {@code NULL} and the
 * empty string {@code (empty)}.
 */
public final class GoldenValues {
  /** How SQL NULL is written in expected rows. */
  public static final String NULL = "NULL";
  /** How the empty string is written in expected rows. */
  public static final String EMPTY = "(empty)";

  private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
      .appendPattern("HH:mm:ss")
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true)
      .toFormatter();
  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .appendLiteral(' ')
      .append(TIME)
      .toFormatter();
  /** Offsets as PostgreSQL prints them: {@code +02}, {@code +05:30}. */
  private static final DateTimeFormatter OFFSET = new DateTimeFormatterBuilder()
      .appendOffset("+HH:mm:ss", "+00")
      .toFormatter();

  private GoldenValues() {}

  /** The current row of {@code resultSet} as one line: its values formatted and joined by {@code |}. */
  public static String row(ResultSet resultSet, boolean useText) throws SQLException {
    int columns = resultSet.getMetaData().getColumnCount();
    StringBuilder row = new StringBuilder();
    for (int column = 1; column <= columns; column++) {
      if (column > 1) {
        row.append('|');
      }
      Object value = useText ? resultSet.getString(column) : resultSet.getObject(column);
      row.append(resultSet.wasNull() || value == null ? NULL : format(value));
    }
    return row.toString();
  }

  /** One non-null value in PostgreSQL's text form. */
  public static String format(Object value) {
    String text;
    if (value instanceof Boolean b) {
      text = b ? "t" : "f";
    } else if (value instanceof Double d) {
      text = floatText(d);
    } else if (value instanceof Float f) {
      text = floatText(Double.parseDouble(Float.toString(f)));
    } else if (value instanceof BigDecimal bd) {
      text = bd.toPlainString();
    } else if (value instanceof java.sql.Timestamp ts) {
      text = TIMESTAMP.format(ts.toLocalDateTime());
    } else if (value instanceof java.time.OffsetDateTime odt) {
      text = TIMESTAMP.format(odt.toLocalDateTime()) + OFFSET.format(odt);
    } else if (value instanceof java.sql.Date date) {
      text = date.toLocalDate().toString();
    } else if (value instanceof java.sql.Time time) {
      int nanos = (int) (Math.floorMod(time.getTime(), 1000L) * 1_000_000L);
      text = TIME.format(time.toLocalTime().withNano(nanos));
    } else if (value instanceof byte[] bytes) {
      StringBuilder hex = new StringBuilder("\\x");
      for (byte b : bytes) {
        hex.append(String.format("%02x", b & 0xFF));
      }
      text = hex.toString();
    } else if (value instanceof java.time.Duration || value instanceof java.time.Period) {
      text = io.omendb.adapter.types.PgIntervalOutput.text(value);
    } else if (value instanceof java.sql.Array array) {
      text = array(array);
    } else {
      text = value.toString();
    }
    return text.isEmpty() ? EMPTY : text;
  }

  /** An array as PostgreSQL prints it: {@code {1,NULL,"a b"}}, elements double-quoted where needed. */
  private static String array(java.sql.Array array) {
    Object elements;
    try {
      elements = array.getArray();
    } catch (SQLException e) {
      throw new IllegalStateException("unreadable array", e);
    }
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < java.lang.reflect.Array.getLength(elements); i++) {
      Object element = java.lang.reflect.Array.get(elements, i);
      if (text.length() > 1) {
        text.append(',');
      }
      if (element == null) {
        text.append("NULL");
        continue;
      }
      String item = element instanceof String s ? s : format(element);
      if (item.isEmpty() || item.equalsIgnoreCase("NULL") || item.chars().anyMatch(
          c -> c == ',' || c == '{' || c == '}' || c == '"' || c == '\\' || Character.isWhitespace(c))) {
        item = '"' + item.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
      }
      text.append(item);
    }
    return text.append('}').toString();
  }

  /** A double as PostgreSQL 12+ prints it: the shortest exact decimal, exponent only outside [1e-4, 1e15). */
  static String floatText(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    String java = Double.toString(d);
    int e = java.indexOf('E');
    if (e < 0) {
      return java;
    }
    String mantissa = java.substring(0, e);
    if (mantissa.endsWith(".0")) {
      mantissa = mantissa.substring(0, mantissa.length() - 2);
    }
    int exponent = Integer.parseInt(java.substring(e + 1));
    return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
  }
}
