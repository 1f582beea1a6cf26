package io.omendb.pg.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PostgreSQL's binary formats, checked against bytes PostgreSQL 15 sends and by encode/decode round trips. */
class BinaryFormatTest {

  @ParameterizedTest
  @ValueSource(strings = {"0", "1", "-1", "12.5", "0.0001", "-12345.678", "10000", "123456789012345678901234.5",
      "0.000", "99999999.99999999"})
  void numeric_roundTrips(String value) {
    BigDecimal decimal = new BigDecimal(value);
    assertThat(BinaryFormat.decode(PgType.NUMERIC, BinaryFormat.encode(PgType.NUMERIC, decimal)))
        .isEqualTo(decimal);
  }

  @Test
  void numeric_encodesAsPostgresql() {
    // SELECT numeric_send(12.5): ndigits 2, weight 0, sign +, dscale 1, digits 12 and 5000.
    assertThat(BinaryFormat.encode(PgType.NUMERIC, new BigDecimal("12.5")))
        .containsExactly(0, 2, 0, 0, 0, 0, 0, 1, 0, 12, 0x13, 0x88);
  }

  @Test
  void dateAndTimestamp_countFromTheYear2000() {
    assertThat(BinaryFormat.encode(PgType.DATE, LocalDate.of(2000, 1, 2))).containsExactly(0, 0, 0, 1);
    assertThat(BinaryFormat.encode(PgType.TIMESTAMP, LocalDateTime.of(2000, 1, 1, 0, 0, 1)))
        .containsExactly(0, 0, 0, 0, 0, 0x0F, 0x42, 0x40);
    assertThat(BinaryFormat.decode(PgType.DATE, new byte[] {-1, -1, -1, -1})).isEqualTo(LocalDate.of(1999, 12, 31));
  }

  @Test
  void temporalValues_roundTrip() {
    LocalDateTime ts = LocalDateTime.of(2024, 2, 29, 10, 11, 12, 250_000_000);
    assertThat(BinaryFormat.decode(PgType.TIMESTAMP, BinaryFormat.encode(PgType.TIMESTAMP, ts))).isEqualTo(ts);
    assertThat(BinaryFormat.decode(PgType.TIMESTAMP,
        BinaryFormat.encode(PgType.TIMESTAMP, java.sql.Timestamp.valueOf(ts)))).isEqualTo(ts);
    LocalTime time = LocalTime.of(23, 59, 58, 123_456_000);
    assertThat(BinaryFormat.decode(PgType.TIME, BinaryFormat.encode(PgType.TIME, time))).isEqualTo(time);
    OffsetDateTime tz = OffsetDateTime.of(ts, ZoneOffset.ofHours(2));
    assertThat(BinaryFormat.decode(PgType.TIMESTAMPTZ, BinaryFormat.encode(PgType.TIMESTAMPTZ, tz)))
        .isEqualTo(tz.withOffsetSameInstant(ZoneOffset.UTC));
  }

  @Test
  void scalars_roundTrip() {
    assertThat(BinaryFormat.decode(PgType.BOOL, BinaryFormat.encode(PgType.BOOL, true))).isEqualTo(true);
    assertThat(BinaryFormat.decode(PgType.INT2, BinaryFormat.encode(PgType.INT2, (short) -7))).isEqualTo((short) -7);
    assertThat(BinaryFormat.decode(PgType.INT8, BinaryFormat.encode(PgType.INT8, Long.MIN_VALUE)))
        .isEqualTo(Long.MIN_VALUE);
    assertThat(BinaryFormat.decode(PgType.FLOAT4, BinaryFormat.encode(PgType.FLOAT4, 1.5f))).isEqualTo(1.5f);
    assertThat(BinaryFormat.decode(PgType.FLOAT8, BinaryFormat.encode(PgType.FLOAT8, 0.1))).isEqualTo(0.1);
    assertThat(BinaryFormat.decode(PgType.VARCHAR, BinaryFormat.encode(PgType.VARCHAR, "grüße"))).isEqualTo("grüße");
    assertThat(BinaryFormat.decode(PgType.UUID,
        BinaryFormat.encode(PgType.UUID, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")))
        .isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
  }

  @Test
  void decode_wrongLength_isRefused() {
    assertThatThrownBy(() -> BinaryFormat.decode(PgType.INT4, new byte[] {0, 0, 0, 0, 1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BinaryFormat.decode(PgType.INT4, new byte[] {0, 1}))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void array_encodesAsPostgresqlArraySend() {
    // SELECT array_send('{1,NULL,3}'::int[]), array_send('{}'::int[]), array_send(ARRAY['a','bc'])
    assertThat(BinaryFormat.encode(PgType.INT4_ARRAY, java.util.Arrays.asList(1, null, 3))).isEqualTo(hex(
        "00000001000000010000001700000003000000010000000400000001ffffffff0000000400000003"));
    assertThat(BinaryFormat.encode(PgType.INT4_ARRAY, java.util.List.of())).isEqualTo(hex("000000000000000000000017"));
    assertThat(BinaryFormat.encode(PgType.TEXT_ARRAY, java.util.List.of("a", "bc"))).isEqualTo(hex(
        "00000001000000000000001900000002000000010000000161000000026263"));
  }

  @Test
  void array_isNotDecodedFromParameters() {
    assertThat(BinaryFormat.supports(PgType.INT4_ARRAY)).isFalse();
    assertThat(BinaryFormat.supports(PgType.UUID)).isTrue();
  }

  private static byte[] hex(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }
}
