package io.omendb.pg.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values print exactly as PostgreSQL 15 prints them with default settings. */
class TextFormatTest {

  @ParameterizedTest
  @CsvSource({
      "1.0, 1",
      "0.1, 0.1",
      "-1.5, -1.5",
      "100.0, 100",
      "0.30000000000000004, 0.30000000000000004",
      "123456789012345.0, 123456789012345",
      "1.0E15, 1e+15",
      "1.234E20, 1.234e+20",
      "1.0E-4, 0.0001",
      "1.0E-5, 1e-05",
      "-2.5E-10, -2.5e-10",
      "1.7976931348623157E308, 1.7976931348623157e+308",
      "4.9E-324, 5e-324",
      "2.0E-3, 0.002",
      "NaN, NaN",
      "Infinity, Infinity",
      "-Infinity, -Infinity",
      "-0.0, -0",
      "0.0, 0"})
  void float8_printsShortestLikePostgres(double value, String expected) {
    assertThat(TextFormat.encode(PgType.FLOAT8, value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
      "0.1, 0.1",
      "1.0, 1",
      "123456.0, 123456",
      "1000000.0, 1e+06",
      "3.4028235E38, 3.4028235e+38",
      "1.0E-5, 1e-05",
      "NaN, NaN",
      "-Infinity, -Infinity"})
  void float4_printsShortestLikePostgres(float value, String expected) {
    assertThat(TextFormat.encode(PgType.FLOAT4, value)).isEqualTo(expected);
  }

  @Test
  void float4_valueInADoubleColumn_printsTheFloatsDigits() {
    assertThat(TextFormat.encode(PgType.FLOAT4, 0.1d)).isEqualTo("0.1");
    assertThat(TextFormat.encode(PgType.FLOAT8, 0.1f)).isEqualTo("0.10000000149011612");
  }

  @Test
  void boolean_printsTOrF() {
    assertThat(TextFormat.encode(PgType.BOOL, true)).isEqualTo("t");
    assertThat(TextFormat.encode(PgType.BOOL, false)).isEqualTo("f");
  }

  @Test
  void null_isNull() {
    assertThat(TextFormat.encode(PgType.INT4, null)).isNull();
    assertThat(TextFormat.encodeBytes(PgType.TEXT, null)).isNull();
  }

  @Test
  void integers_printInDecimal() {
    assertThat(TextFormat.encode(PgType.INT2, (short) -7)).isEqualTo("-7");
    assertThat(TextFormat.encode(PgType.INT4, Integer.MIN_VALUE)).isEqualTo("-2147483648");
    assertThat(TextFormat.encode(PgType.INT8, Long.MAX_VALUE)).isEqualTo("9223372036854775807");
  }

  @Test
  void numeric_printsPlainWithItsScale() {
    assertThat(TextFormat.encode(PgType.NUMERIC, new BigDecimal("1.50"))).isEqualTo("1.50");
    assertThat(TextFormat.encode(PgType.NUMERIC, new BigDecimal("1E+3"))).isEqualTo("1000");
  }

  @Test
  void bytea_printsHex() {
    assertThat(TextFormat.encode(PgType.BYTEA, new byte[] {0x0a, (byte) 0xff, 0})).isEqualTo("\\x0aff00");
    assertThat(TextFormat.encode(PgType.BYTEA, new byte[0])).isEqualTo("\\x");
  }

  @Test
  void timestamp_printsIsoWithSpaceAndTrimmedFraction() {
    assertThat(TextFormat.encode(PgType.TIMESTAMP, Timestamp.valueOf("2024-01-02 03:04:05")))
        .isEqualTo("2024-01-02 03:04:05");
    assertThat(TextFormat.encode(PgType.TIMESTAMP, Timestamp.valueOf("2024-01-02 03:04:05.5")))
        .isEqualTo("2024-01-02 03:04:05.5");
    assertThat(TextFormat.encode(PgType.TIMESTAMP, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000)))
        .isEqualTo("2024-01-02 03:04:05.123456");
  }

  @Test
  void timestamptz_printsOffsetLikePostgres() {
    assertThat(TextFormat.encode(PgType.TIMESTAMPTZ,
        OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)))).isEqualTo("2024-01-02 03:04:05+02");
    assertThat(TextFormat.encode(PgType.TIMESTAMPTZ,
        OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutes(5, 30))))
        .isEqualTo("2024-01-02 03:04:05+05:30");
  }

  @Test
  void dateAndTime_printIso() {
    assertThat(TextFormat.encode(PgType.DATE, Date.valueOf("2024-02-29"))).isEqualTo("2024-02-29");
    assertThat(TextFormat.encode(PgType.TIME, Time.valueOf("23:59:01"))).isEqualTo("23:59:01");
    assertThat(TextFormat.encode(PgType.TIME, new Time(Time.valueOf("10:00:00").getTime() + 250)))
        .isEqualTo("10:00:00.25");
  }

  @Test
  void strings_printAsIs() {
    assertThat(TextFormat.encode(PgType.VARCHAR, "grüße")).isEqualTo("grüße");
  }

  @Test
  void array_printsElementsInTheElementTypesFormat() {
    assertThat(TextFormat.encode(PgType.INT4_ARRAY, java.util.Arrays.asList(1, null, 3))).isEqualTo("{1,NULL,3}");
    assertThat(TextFormat.encode(PgType.FLOAT4_ARRAY, java.util.List.of(0.1f))).isEqualTo("{0.1}");
    assertThat(TextFormat.encode(PgType.TEXT_ARRAY, java.util.List.of("a b", "c"))).isEqualTo("{\"a b\",c}");
  }
}
