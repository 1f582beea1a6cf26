package io.omendb.engine.mvcc;

import io.omendb.engine.catalog.ColumnType;
import java.math.BigDecimal;

/** Brings a value to the exact Java class the engine stores for a column type. */
final class Values {
  private Values() {}

  static Object coerce(ColumnType type, Object value) {
    if (value == null || type.javaClass().isInstance(value)) {
      return value;
    }
    if (value instanceof Number number) {
      return switch (type) {
        case SMALLINT -> number.shortValue();
        case INTEGER, DATE, TIME, INTERVAL_YEAR_MONTH -> number.intValue();
        case BIGINT, TIMESTAMP, TIMESTAMPTZ, INTERVAL_DAY_TIME -> number.longValue();
        case REAL -> number.floatValue();
        case DOUBLE -> number.doubleValue();
        case DECIMAL -> new BigDecimal(number.toString());
        default -> throw mismatch(type, value);
      };
    }
    if (value instanceof Character c && (type == ColumnType.VARCHAR || type == ColumnType.CHAR)) {
      return c.toString();
    }
    throw mismatch(type, value);
  }

  private static IllegalArgumentException mismatch(ColumnType type, Object value) {
    return new IllegalArgumentException(
        "a " + value.getClass().getSimpleName() + " cannot be stored in a column of type " + type);
  }
}
