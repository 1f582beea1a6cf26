package io.omendb.adapter;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Converts a literal lifted out of a statement into the value of the parameter that replaced it, for the type
 * Calcite inferred for that parameter. Returns null when the conversion is not exact (a fraction into an integer
 * column, a string where a number is expected): the statement is then planned as written, so its own semantics and
 * errors apply.
 */
final class ParameterValues {
  private ParameterValues() {}

  /**
   * The code that stands for a parameter Calcite typed UUID, which {@link Types} has none for: outside the range of
   * the {@link Types} constants, so that only {@link #coerce} reads it.
   */
  static final int UUID_TYPE = 1_000_001;

  /**
   * The code that stands for a timestamptz parameter (Calcite's TIMESTAMP WITH LOCAL TIME ZONE, which JDBC
   * metadata reports as {@link Types#TIMESTAMP}); its value is bound as epoch milliseconds.
   */
  static final int TIMESTAMPTZ_TYPE = 1_000_002;

  /** The code {@link #coerce} takes for a parameter of JDBC type OTHER named {@code typeName}. */
  static int otherType(String typeName) {
    return "UUID".equalsIgnoreCase(typeName) ? UUID_TYPE : Types.OTHER;
  }

  /** The code {@link #coerce} takes for a parameter Calcite describes by {@code jdbcType} and {@code typeName}. */
  static int parameterType(int jdbcType, String typeName) {
    if (jdbcType == Types.OTHER) {
      return otherType(typeName);
    }
    return TimestampTzValues.CALCITE_TYPE_NAME.equals(typeName) ? TIMESTAMPTZ_TYPE : jdbcType;
  }

  /** The JDBC type to bind a NULL of a parameter of code {@code type} as. */
  static int nullType(int type) {
    return switch (type) {
      case UUID_TYPE -> Types.OTHER;
      case TIMESTAMPTZ_TYPE -> Types.TIMESTAMP;
      default -> type;
    };
  }

  static Object convert(SqlLiteral literal, int jdbcType) {
    SqlTypeFamily family = literal.getTypeName().getFamily();
    try {
      if (family == SqlTypeFamily.NUMERIC) {
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        return switch (jdbcType) {
          case Types.TINYINT, Types.SMALLINT -> value.shortValueExact();
          case Types.INTEGER -> value.intValueExact();
          case Types.BIGINT -> value.longValueExact();
          case Types.DECIMAL, Types.NUMERIC -> value;
          case Types.REAL, Types.FLOAT -> exactFloat(value);
          case Types.DOUBLE -> exactDouble(value);
          default -> null;
        };
      }
      if (family == SqlTypeFamily.CHARACTER) {
        return jdbcType == Types.VARCHAR || jdbcType == Types.CHAR ? literal.getValueAs(String.class) : null;
      }
    } catch (ArithmeticException e) {
      return null;
    }
    return null;
  }

  /**
   * Converts a bound parameter value into the Java class Calcite expects for a parameter of {@code jdbcType}:
   * strings are parsed as PostgreSQL's text input would, numbers are converted exactly, the {@code java.time}
   * classes become their {@code java.sql} counterparts. Null stays null.
   *
   * @throws SQLException 22P02 if a string does not parse, 22003 if a number does not fit
   */
  static Object coerce(Object value, int jdbcType) throws SQLException {
    return coerce(value, jdbcType, java.time.ZoneOffset.UTC);
  }

  /**
   * As {@link #coerce(Object, int)}, reading timestamptz text without an offset, and local date-times, in
   * {@code zone} (the session's TimeZone).
   */
  static Object coerce(Object value, int jdbcType, java.time.ZoneId zone) throws SQLException {
    if (value == null) {
      return null;
    }
    if (jdbcType == TIMESTAMPTZ_TYPE) {
      try {
        return toInstantMillis(value, zone);
      } catch (SqlStateException e) {
        throw SqlErrors.toSqlException(e);
      }
    }
    try {
      return switch (jdbcType) {
        case Types.BOOLEAN, Types.BIT -> toBoolean(value);
        case Types.TINYINT, Types.SMALLINT -> toDecimal(value).shortValueExact();
        case Types.INTEGER -> toDecimal(value).intValueExact();
        case Types.BIGINT -> toDecimal(value).longValueExact();
        case Types.REAL -> value instanceof Number n ? n.floatValue() : Float.parseFloat(text(value));
        case Types.FLOAT, Types.DOUBLE -> value instanceof Number n ? n.doubleValue() : Double.parseDouble(text(value));
        case Types.DECIMAL, Types.NUMERIC -> toDecimal(value);
        case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR -> value instanceof byte[] bytes
            ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : value.toString();
        case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> toBytes(value);
        case Types.DATE -> toDate(value);
        case Types.TIME -> toTime(value);
        case Types.TIMESTAMP -> toTimestamp(value);
        case UUID_TYPE -> value instanceof java.util.UUID ? value : java.util.UUID.fromString(text(value));
        default -> value;
      };
    } catch (ArithmeticException e) {
      throw new SQLException("value " + value + " is out of range for its parameter", "22003");
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new SQLException("invalid input syntax for a parameter of type " + jdbcTypeName(jdbcType) + ": \""
          + value + "\"", "22P02");
    }
  }

  /** A timestamptz parameter as the engine's epoch milliseconds. */
  private static Long toInstantMillis(Object value, java.time.ZoneId zone) {
    if (value instanceof java.time.OffsetDateTime t) {
      return t.toInstant().toEpochMilli();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.getTime();
    }
    if (value instanceof java.time.LocalDateTime t) {
      return t.atZone(zone).toInstant().toEpochMilli();
    }
    if (value instanceof java.time.Instant t) {
      return t.toEpochMilli();
    }
    return TimestampTzText.parse(value.toString(), zone);
  }

  private static String text(Object value) {
    return value.toString().trim();
  }

  private static Boolean toBoolean(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    return switch (text(value).toLowerCase(java.util.Locale.ROOT)) {
      case "t", "true", "y", "yes", "on", "1" -> Boolean.TRUE;
      case "f", "false", "n", "no", "off", "0" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("not a boolean");
    };
  }

  private static BigDecimal toDecimal(Object value) {
    if (value instanceof BigDecimal bd) {
      return bd;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(((Number) value).doubleValue());
    }
    return new BigDecimal(text(value));
  }

  /** bytea input: {@code \x} hex, or the escape format ({@code \\} and octal {@code \nnn}). */
  private static byte[] toBytes(Object value) {
    if (value instanceof byte[] bytes) {
      return bytes;
    }
    String s = value.toString();
    if (s.startsWith("\\x")) {
      String hex = s.substring(2).replaceAll("\\s", "");
      if (hex.length() % 2 != 0) {
        throw new IllegalArgumentException("odd number of hex digits");
      }
      byte[] out = new byte[hex.length() / 2];
      for (int i = 0; i < out.length; i++) {
        out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
      }
      return out;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int i = 0; i < utf8.length; i++) {
      if (utf8[i] != '\\') {
        out.write(utf8[i]);
      } else if (i + 1 < utf8.length && utf8[i + 1] == '\\') {
        out.write('\\');
        i++;
      } else if (i + 3 < utf8.length) {
        out.write(Integer.parseInt(new String(utf8, i + 1, 3, java.nio.charset.StandardCharsets.US_ASCII), 8));
        i += 3;
      } else {
        throw new IllegalArgumentException("invalid escape");
      }
    }
    return out.toByteArray();
  }

  private static java.sql.Date toDate(Object value) {
    if (value instanceof java.sql.Date d) {
      return d;
    }
    if (value instanceof java.time.LocalDate d) {
      return java.sql.Date.valueOf(d);
    }
    String s = text(value);
    // pgjdbc sends dates with a zone suffix ("2024-02-29 +02"), which a date ignores.
    if (s.length() > DATE_LENGTH && (s.charAt(DATE_LENGTH) == ' ' || s.charAt(DATE_LENGTH) == 'T')) {
      s = s.substring(0, DATE_LENGTH);
    }
    return java.sql.Date.valueOf(java.time.LocalDate.parse(s));
  }

  private static java.sql.Time toTime(Object value) {
    if (value instanceof java.sql.Time t) {
      return t;
    }
    java.time.LocalTime time;
    if (value instanceof java.time.LocalTime t) {
      time = t;
    } else {
      String s = text(value);
      java.util.regex.Matcher zone = ZONE_SUFFIX.matcher(s);
      time = java.time.LocalTime.parse(zone.find() ? s.substring(0, zone.start()) : s);
    }
    java.sql.Time result = java.sql.Time.valueOf(time);
    result.setTime(result.getTime() + time.getNano() / 1_000_000);
    return result;
  }

  private static java.sql.Timestamp toTimestamp(Object value) {
    if (value instanceof java.sql.Timestamp t) {
      return t;
    }
    if (value instanceof java.time.LocalDateTime t) {
      return java.sql.Timestamp.valueOf(t);
    }
    if (value instanceof java.time.OffsetDateTime t) {
      return java.sql.Timestamp.valueOf(t.toLocalDateTime());
    }
    String s = text(value).replace(' ', 'T');
    if (s.length() == DATE_LENGTH) {
      s += "T00:00:00";
    }
    // A zone suffix (timestamptz input) is dropped: timestamp without time zone keeps the local fields.
    java.util.regex.Matcher zone = ZONE_SUFFIX.matcher(s);
    if (s.length() > DATE_LENGTH && zone.find(DATE_LENGTH)) {
      s = s.substring(0, zone.start());
    }
    return java.sql.Timestamp.valueOf(java.time.LocalDateTime.parse(s));
  }

  private static final int DATE_LENGTH = "yyyy-mm-dd".length();

  private static final java.util.regex.Pattern ZONE_SUFFIX =
      java.util.regex.Pattern.compile("(?:[+-]\\d{2}(?::?\\d{2})?|Z)$");

  private static String jdbcTypeName(int jdbcType) {
    if (jdbcType == UUID_TYPE) {
      return "UUID";
    }
    if (jdbcType == TIMESTAMPTZ_TYPE) {
      return "TIMESTAMPTZ";
    }
    try {
      return java.sql.JDBCType.valueOf(jdbcType).getName();
    } catch (IllegalArgumentException e) {
      return Integer.toString(jdbcType);
    }
  }

  private static Object exactFloat(BigDecimal value) {
    float f = value.floatValue();
    return new BigDecimal(Float.toString(f)).compareTo(value) == 0 ? f : null;
  }

  private static Object exactDouble(BigDecimal value) {
    double d = value.doubleValue();
    return BigDecimal.valueOf(d).compareTo(value) == 0 ? d : null;
  }
}
