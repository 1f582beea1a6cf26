package io.omendb.adapter;

import java.math.BigDecimal;
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

  private static Object exactFloat(BigDecimal value) {
    float f = value.floatValue();
    return new BigDecimal(Float.toString(f)).compareTo(value) == 0 ? f : null;
  }

  private static Object exactDouble(BigDecimal value) {
    double d = value.doubleValue();
    return BigDecimal.valueOf(d).compareTo(value) == 0 ? d : null;
  }
}
