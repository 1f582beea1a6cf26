package io.omendb.adapter.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** PostgreSQL's free-form interval text read into months, days and microseconds, and into Calcite's literals. */
class PgIntervalTextTest {
  private static final long HOUR = 3_600_000_000L;

  @Test
  void parse_unitsAndClockTimes() {
    assertThat(PgIntervalText.parse("1 day")).isEqualTo(new PgIntervalText.Parts(0, 1, 0));
    assertThat(PgIntervalText.parse("1 year 2 mons 3 days 04:05:06"))
        .isEqualTo(new PgIntervalText.Parts(14, 3, 4 * HOUR + 5 * 60_000_000L + 6_000_000L));
    assertThat(PgIntervalText.parse("-1 day 02:00")).isEqualTo(new PgIntervalText.Parts(0, -1, 2 * HOUR));
    assertThat(PgIntervalText.parse("90 minutes")).isEqualTo(new PgIntervalText.Parts(0, 0, 90 * 60_000_000L));
    assertThat(PgIntervalText.parse("2 weeks")).isEqualTo(new PgIntervalText.Parts(0, 14, 0));
    assertThat(PgIntervalText.parse("00:00:00.25")).isEqualTo(new PgIntervalText.Parts(0, 0, 250_000));
    assertThat(PgIntervalText.parse("@ 1 hour ago")).isEqualTo(new PgIntervalText.Parts(0, 0, -HOUR));
  }

  @Test
  void parse_fractionsSpillIntoSmallerUnits() {
    assertThat(PgIntervalText.parse("1.5 days")).isEqualTo(new PgIntervalText.Parts(0, 1, 12 * HOUR));
    assertThat(PgIntervalText.parse("1.5 months")).isEqualTo(new PgIntervalText.Parts(1, 15, 0));
  }

  @Test
  void parse_invalidText_isInvalidDatetimeFormat() {
    for (String bad : List.of("", "soon", "1 fortnight", "1 day x", "P1D")) {
      assertThatThrownBy(() -> PgIntervalText.parse(bad)).as(bad)
          .isInstanceOfSatisfying(PgInputException.class, e -> {
            assertThat(e.sqlState()).isEqualTo("22007");
            assertThat(e.getMessage()).isEqualTo("invalid input syntax for type interval: \"" + bad + "\"");
          });
    }
  }

  @Test
  void literal_daysAndTimesOrMonths_butNotBoth() {
    SqlLiteral dayTime = PgIntervalText.literal("-1 day -02:00", SqlParserPos.ZERO);
    assertThat(dayTime.getTypeName()).isEqualTo(SqlTypeName.INTERVAL_DAY_SECOND);
    SqlIntervalLiteral.IntervalValue value = (SqlIntervalLiteral.IntervalValue) dayTime.getValue();
    assertThat(value.getSign()).isEqualTo(-1);
    assertThat(value.getIntervalLiteral()).isEqualTo("1 2:0:0.000000");
    SqlLiteral months = PgIntervalText.literal("-14 months", SqlParserPos.ZERO);
    assertThat(months.getTypeName()).isEqualTo(SqlTypeName.INTERVAL_MONTH);
    assertThat(((SqlIntervalLiteral.IntervalValue) months.getValue()).getIntervalLiteral()).isEqualTo("14");
    assertThatThrownBy(() -> PgIntervalText.literal("1 month 1 day", SqlParserPos.ZERO))
        .isInstanceOfSatisfying(PgInputException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"));
  }
}
