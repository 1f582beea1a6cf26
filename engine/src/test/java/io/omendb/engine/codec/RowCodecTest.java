package io.omendb.engine.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.omendb.engine.catalog.ColumnType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowCodecTest {

  @Test
  void decode_roundTripsEveryType() {
    List<ColumnType> types = List.of(ColumnType.values());
    Object[] row = {true, (short) -7, 123456, -9_000_000_000L, 1.5f, -2.25, new BigDecimal("-12.340"), "héllo",
        "c", new byte[] {0, 1, (byte) 255}, 19000, 3_600_000, 1_700_000_000_000L,
        java.util.UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")};
    Object[] decoded = RowCodec.decode(types, RowCodec.encode(types, row));
    assertThat(decoded).usingRecursiveComparison().isEqualTo(row);
  }

  @Test
  void decode_nullsAndMissingTrailingColumns() {
    List<ColumnType> two = List.of(ColumnType.INTEGER, ColumnType.VARCHAR);
    byte[] stored = RowCodec.encode(two, new Object[] {null, "x"});
    Object[] widened = RowCodec.decode(List.of(ColumnType.INTEGER, ColumnType.VARCHAR, ColumnType.BIGINT), stored);
    assertThat(widened).containsExactly(null, "x", null);
  }
}
