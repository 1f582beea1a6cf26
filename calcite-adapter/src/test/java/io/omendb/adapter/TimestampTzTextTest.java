package io.omendb.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimestampTzTextTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static long instant(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  void parse_withoutOffsetReadsTheSessionZone() {
    assertThat(TimestampTzText.parse("2024-05-17 10:11:12", PARIS)).isEqualTo(instant("2024-05-17T08:11:12Z"));
    assertThat(TimestampTzText.parse("2024-01-15", PARIS)).isEqualTo(instant("2024-01-14T23:00:00Z"));
  }

  @Test
  void parse_offsetsAndZoneNamesConvert() {
    assertThat(TimestampTzText.parse("2024-05-17 10:11:12+05:30", PARIS)).isEqualTo(instant("2024-05-17T04:41:12Z"));
    assertThat(TimestampTzText.parse("2024-05-17 10:11:12-03", PARIS)).isEqualTo(instant("2024-05-17T13:11:12Z"));
    assertThat(TimestampTzText.parse("2024-05-17T10:11:12Z", PARIS)).isEqualTo(instant("2024-05-17T10:11:12Z"));
    assertThat(TimestampTzText.parse("2024-05-17 10:11:12 utc", PARIS)).isEqualTo(instant("2024-05-17T10:11:12Z"));
    assertThat(TimestampTzText.parse("2024-05-17 10:11:12 Asia/Kolkata", ZoneOffset.UTC))
        .isEqualTo(instant("2024-05-17T04:41:12Z"));
  }

  @Test
  void parse_fractionsRoundToMilliseconds() {
    assertThat(TimestampTzText.parse("2024-05-17 10:11:12.5+00", PARIS)).isEqualTo(instant("2024-05-17T10:11:12.500Z"));
    assertThat(TimestampTzText.parse("2024-05-17 10:11:12.1236+00", PARIS))
        .isEqualTo(instant("2024-05-17T10:11:12.124Z"));
  }

  @Test
  void parse_daylightSavingGapMovesForward() {
    // 02:30 does not exist in Paris on 2024-03-31; PostgreSQL reads it as 03:30 CEST
    assertThat(TimestampTzText.parse("2024-03-31 02:30:00", PARIS)).isEqualTo(instant("2024-03-31T01:30:00Z"));
  }

  @Test
  void parse_invalidTextIs22007AndOutOfRangeFieldsAre22008() {
    assertThatThrownBy(() -> TimestampTzText.parse("not a time", PARIS))
        .isInstanceOfSatisfying(SqlStateException.class, e -> assertThat(e.sqlState()).isEqualTo("22007"))
        .hasMessageContaining("timestamp with time zone");
    assertThatThrownBy(() -> TimestampTzText.parse("2024-13-01 10:00:00", PARIS))
        .isInstanceOfSatisfying(SqlStateException.class, e -> assertThat(e.sqlState()).isEqualTo("22008"));
    assertThatThrownBy(() -> TimestampTzText.parse("2024-05-17 25:00:00", PARIS))
        .isInstanceOfSatisfying(SqlStateException.class, e -> assertThat(e.sqlState()).isEqualTo("22008"));
  }

  @Test
  void format_printsTheOffsetAsPostgresDoes() {
    assertThat(TimestampTzText.format(instant("2024-05-17T08:11:12Z"), PARIS)).isEqualTo("2024-05-17 10:11:12+02");
    assertThat(TimestampTzText.format(instant("2024-01-15T23:30:00.500Z"), PARIS))
        .isEqualTo("2024-01-16 00:30:00.5+01");
    assertThat(TimestampTzText.format(instant("2024-05-17T04:41:12Z"), ZoneId.of("Asia/Kolkata")))
        .isEqualTo("2024-05-17 10:11:12+05:30");
    assertThat(TimestampTzText.format(instant("2024-05-17T10:11:12Z"), ZoneId.of("America/St_Johns")))
        .isEqualTo("2024-05-17 07:41:12-02:30");
    assertThat(TimestampTzText.format(instant("1900-01-01T00:00:00Z"), PARIS))
        .isEqualTo("1900-01-01 00:09:21+00:09:21");
  }

  @Test
  void zone_acceptsNamesInAnyCaseAndHourOffsets() {
    assertThat(TimestampTzText.zone("europe/paris")).isEqualTo(PARIS);
    assertThat(TimestampTzText.zone("UTC")).isEqualTo(ZoneId.of("UTC"));
    assertThat(TimestampTzText.zone("2")).isEqualTo(ZoneOffset.ofHours(2));
    assertThat(TimestampTzText.zone("-5.5")).isEqualTo(ZoneOffset.ofHoursMinutes(-5, -30));
    assertThatThrownBy(() -> TimestampTzText.zone("Nowhere/Land"))
        .isInstanceOfSatisfying(SqlStateException.class, e -> assertThat(e.sqlState()).isEqualTo("22023"));
  }
}
