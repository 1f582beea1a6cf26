package io.omendb.pg.types;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Prints {@code float4} and {@code float8} values as PostgreSQL 12 and later do with the default
 * {@code extra_float_digits = 1}: the shortest decimal that reads back as the same value, in plain notation when the
 * decimal exponent is in [-4, 15) for float8 ([-4, 6) for float4) and otherwise as {@code 1.5e+20}, with at least two
 * exponent digits; {@code Infinity}, {@code -Infinity} and {@code NaN} spelled out.
 *
 * <p>The shortest digits start from {@link Double#toString(double)} and drop trailing digits while the value still
 * reads back exactly, because before JDK 19 {@code toString} sometimes prints one digit more than needed.
 */
final class FloatFormat {
  private static final int FLOAT8_PLAIN_EXPONENT_LIMIT = 15;
  private static final int FLOAT4_PLAIN_EXPONENT_LIMIT = 6;
  private static final int MIN_PLAIN_EXPONENT = -4;

  private FloatFormat() {}

  static String float8(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == 0) {
      return 1 / value < 0 ? "-0" : "0";
    }
    BigDecimal digits = new BigDecimal(Double.toString(value));
    while (digits.precision() > 1) {
      BigDecimal shorter = digits.round(new MathContext(digits.precision() - 1, RoundingMode.HALF_EVEN));
      if (shorter.doubleValue() != value) {
        break;
      }
      digits = shorter;
    }
    return layout(digits, FLOAT8_PLAIN_EXPONENT_LIMIT);
  }

  static String float4(float value) {
    if (Float.isNaN(value)) {
      return "NaN";
    }
    if (Float.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == 0) {
      return 1 / value < 0 ? "-0" : "0";
    }
    BigDecimal digits = new BigDecimal(Float.toString(value));
    while (digits.precision() > 1) {
      BigDecimal shorter = digits.round(new MathContext(digits.precision() - 1, RoundingMode.HALF_EVEN));
      if (shorter.floatValue() != value) {
        break;
      }
      digits = shorter;
    }
    return layout(digits, FLOAT4_PLAIN_EXPONENT_LIMIT);
  }

  private static String layout(BigDecimal value, int plainExponentLimit) {
    BigDecimal stripped = value.stripTrailingZeros();
    int exponent = stripped.precision() - stripped.scale() - 1;
    if (exponent >= MIN_PLAIN_EXPONENT && exponent < plainExponentLimit) {
      return stripped.toPlainString();
    }
    String unscaled = stripped.unscaledValue().abs().toString();
    StringBuilder out = new StringBuilder(unscaled.length() + 8);
    if (stripped.signum() < 0) {
      out.append('-');
    }
    out.append(unscaled.charAt(0));
    if (unscaled.length() > 1) {
      out.append('.').append(unscaled, 1, unscaled.length());
    }
    out.append('e').append(exponent < 0 ? '-' : '+');
    int magnitude = Math.abs(exponent);
    if (magnitude < 10) {
      out.append('0');
    }
    return out.append(magnitude).toString();
  }
}
