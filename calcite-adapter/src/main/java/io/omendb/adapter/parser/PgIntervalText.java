package io.omendb.adapter.parser;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * PostgreSQL's free-form interval input ({@code '1 day'}, {@code '2 hours 30 minutes'}, {@code '1 year 2 mons'},
 * {@code '-1 day 02:00'}, {@code '@ 3 hours ago'}) read into one of Calcite's interval literals, so that {@code
 * '1 day'::interval} works in expressions ({@code ts + '90 minutes'::interval}). Calcite keeps year-month and
 * day-time intervals apart, so text with both months and days or times is refused.
 */
public final class PgIntervalText {
  private static final BigDecimal MICROS_PER_SECOND = BigDecimal.valueOf(1_000_000L);
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final int DAYS_PER_MONTH = 30;
  private static final int MONTHS_PER_YEAR = 12;
  /** The widest leading precision Calcite allows, so that large counts of days or months validate. */
  private static final int LEADING_PRECISION = 9;
  private static final int FRACTION_PRECISION = 6;

  private static final Pattern QUANTITY = Pattern.compile("([+-]?\\d+(?:\\.\\d*)?|[+-]?\\.\\d+)\\s*([a-z]+)");
  private static final Pattern CLOCK = Pattern.compile("([+-]?)(\\d+):(\\d+)(?::(\\d+(?:\\.\\d*)?))?");

  private PgIntervalText() {}

  /** An interval's parts as PostgreSQL keeps them. */
  record Parts(long months, long days, long micros) {}

  /**
   * The Calcite literal for interval text.
   *
   * @throws PgInputException 22007 if the text is not an interval PostgreSQL would read, 0A000 if it mixes months
   *     with days or times
   */
  public static SqlLiteral literal(String text, SqlParserPos pos) {
    Parts parts = parse(text);
    if (parts.months() != 0 && (parts.days() != 0 || parts.micros() != 0)) {
      throw new PgInputException("0A000",
          "an interval with both months and days or times is not supported yet: \"" + text + "\"");
    }
    if (parts.months() != 0) {
      int sign = parts.months() < 0 ? -1 : 1;
      return SqlLiteral.createInterval(sign, Long.toString(Math.abs(parts.months())),
          new SqlIntervalQualifier(TimeUnit.MONTH, LEADING_PRECISION, null, -1, pos), pos);
    }
    long micros = parts.days() * MICROS_PER_DAY + parts.micros();
    int sign = micros < 0 ? -1 : 1;
    long abs = Math.abs(micros);
    long days = abs / MICROS_PER_DAY;
    long rest = abs % MICROS_PER_DAY;
    String value = String.format(Locale.ROOT, "%d %d:%d:%d.%06d", days, rest / 3_600_000_000L,
        rest / 60_000_000L % 60, rest / 1_000_000L % 60, rest % 1_000_000L);
    return SqlLiteral.createInterval(sign, value,
        new SqlIntervalQualifier(TimeUnit.DAY, LEADING_PRECISION, TimeUnit.SECOND, FRACTION_PRECISION, pos), pos);
  }

  /** Reads PostgreSQL's free-form interval text (not its ISO 8601 or SQL-standard forms). */
  static Parts parse(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    boolean ago = false;
    if (s.startsWith("@")) {
      s = s.substring(1).strip();
    }
    if (s.endsWith(" ago")) {
      ago = true;
      s = s.substring(0, s.length() - " ago".length()).strip();
    }
    if (s.isEmpty()) {
      throw invalid(text);
    }
    BigDecimal months = BigDecimal.ZERO;
    BigDecimal days = BigDecimal.ZERO;
    BigDecimal micros = BigDecimal.ZERO;
    int at = 0;
    while (at < s.length()) {
      if (Character.isWhitespace(s.charAt(at))) {
        at++;
        continue;
      }
      Matcher clock = CLOCK.matcher(s).region(at, s.length());
      Matcher quantity = QUANTITY.matcher(s).region(at, s.length());
      if (clock.lookingAt()) {
        BigDecimal seconds = new BigDecimal(clock.group(2)).multiply(BigDecimal.valueOf(3600))
            .add(new BigDecimal(clock.group(3)).multiply(BigDecimal.valueOf(60)))
            .add(clock.group(4) == null ? BigDecimal.ZERO : new BigDecimal(clock.group(4)));
        BigDecimal value = seconds.multiply(MICROS_PER_SECOND);
        micros = micros.add(clock.group(1).equals("-") ? value.negate() : value);
        at = clock.end();
      } else if (quantity.lookingAt()) {
        BigDecimal n = new BigDecimal(quantity.group(1));
        switch (quantity.group(2)) {
          case "millennium", "millennia", "millenniums" -> months = months.add(n.multiply(BigDecimal.valueOf(12_000)));
          case "century", "centuries" -> months = months.add(n.multiply(BigDecimal.valueOf(1_200)));
          case "decade", "decades" -> months = months.add(n.multiply(BigDecimal.valueOf(120)));
          case "year", "years", "y", "yr", "yrs" ->
              months = months.add(n.multiply(BigDecimal.valueOf(MONTHS_PER_YEAR)));
          case "month", "months", "mon", "mons" -> months = months.add(n);
          case "week", "weeks", "w" -> days = days.add(n.multiply(BigDecimal.valueOf(7)));
          case "day", "days", "d" -> days = days.add(n);
          case "hour", "hours", "h", "hr", "hrs" -> micros = micros.add(n.multiply(BigDecimal.valueOf(3_600_000_000L)));
          case "minute", "minutes", "m", "min", "mins" ->
              micros = micros.add(n.multiply(BigDecimal.valueOf(60_000_000L)));
          case "second", "seconds", "s", "sec", "secs" -> micros = micros.add(n.multiply(MICROS_PER_SECOND));
          case "millisecond", "milliseconds", "ms", "msec", "msecs" ->
              micros = micros.add(n.multiply(BigDecimal.valueOf(1_000)));
          case "microsecond", "microseconds", "us", "usec", "usecs" -> micros = micros.add(n);
          default -> throw invalid(text);
        }
        at = quantity.end();
      } else {
        throw invalid(text);
      }
    }
    // fractions spill downwards as PostgreSQL spills them: a month is 30 days, a day 24 hours
    BigDecimal wholeMonths = months.setScale(0, RoundingMode.DOWN);
    days = days.add(months.subtract(wholeMonths).multiply(BigDecimal.valueOf(DAYS_PER_MONTH)));
    BigDecimal wholeDays = days.setScale(0, RoundingMode.DOWN);
    micros = micros.add(days.subtract(wholeDays).multiply(BigDecimal.valueOf(MICROS_PER_DAY)));
    long sign = ago ? -1 : 1;
    return new Parts(sign * wholeMonths.longValueExact(), sign * wholeDays.longValueExact(),
        sign * micros.setScale(0, RoundingMode.HALF_EVEN).longValueExact());
  }

  private static PgInputException invalid(String text) {
    return new PgInputException("22007", "invalid input syntax for type interval: \"" + text + "\"");
  }
}
