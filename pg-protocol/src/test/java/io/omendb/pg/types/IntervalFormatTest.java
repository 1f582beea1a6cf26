package io.omendb.pg.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Intervals print as PostgreSQL 15 prints them (IntervalStyle postgres) and encode as its binary form. */
class IntervalFormatTest {

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "0; 0; 0; 00:00:00",
      "0; 1; 7200000000; 1 day 02:00:00",
      "0; 0; 1800000000; 00:30:00",
      "0; -1; 0; -1 days",
      "14; 0; 0; 1 year 2 mons",
      "-24; 0; 0; -2 years",
      "-14; 0; 0; -1 years -2 mons",
      "0; -1; 7200000000; -1 days +02:00:00",
      "0; 0; -1800000000; -00:30:00",
      "0; 0; 1500000; 00:00:01.5",
      "0; 0; 93600000000; 26:00:00",
      "1; 3; 0; 1 mon 3 days"})
  void text_fields_printLikePostgres(long months, long days, long micros, String expected) {
    assertThat(IntervalFormat.text(months, days, micros)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "PT26H; 1 day 02:00:00",
      "PT-24H; -1 days",
      "PT0.5S; 00:00:00.5",
      "P1Y2M; 1 year 2 mons"})
  void text_durationOrPeriod_wholeDaysAsDays(String iso, String expected) {
    Object value = iso.startsWith("PT") ? Duration.parse(iso) : Period.parse(iso);
    assertThat(TextFormat.encode(PgType.INTERVAL, value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "PT26H30M; 9000000000; 1; 0",
      "PT-24H; 0; -1; 0",
      "P1Y2M; 0; 0; 14"})
  void binary_durationOrPeriod_microsDaysMonths(String iso, long micros, int days, int months) {
    Object value = iso.startsWith("PT") ? Duration.parse(iso) : Period.parse(iso);
    ByteBuffer binary = ByteBuffer.wrap(BinaryFormat.encode(PgType.INTERVAL, value));
    assertThat(binary.getLong()).isEqualTo(micros);
    assertThat(binary.getInt()).isEqualTo(days);
    assertThat(binary.getInt()).isEqualTo(months);
    assertThat(binary.hasRemaining()).isFalse();
  }
}
