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
        java.util.UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
        "{\"a\" : [1, 2]}", "{\"a\": [1, 2]}", -86_400_123L, 93_600_000L, -14};
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

  @Test
  void decode_withMask_decodesExactlyTheNeededColumnsOfEveryType() {
    List<ColumnType> types = List.of(ColumnType.values());
    Object[] row = {true, (short) -7, 123456, -9_000_000_000L, 1.5f, -2.25, new BigDecimal("-12.340"), "héllo",
        "c", new byte[] {0, 1, (byte) 255}, 19000, 3_600_000, 1_700_000_000_000L,
        java.util.UUID.fromString("0b7e3f6a-1c2d-4e5f-8a9b-0c1d2e3f4a5b"),
        "[1, {\"b\":null}]", "[1, {\"b\": null}]", 1_715_933_472_000L, -1_800_000L, 14};
    byte[] bytes = RowCodec.encode(types, row);
    for (int column = 0; column < row.length; column++) {
      Object[] decoded = RowCodec.decode(types, bytes, RowCodec.mask(row.length, new int[] {column}));
      Object[] expected = new Object[row.length];
      expected[column] = row[column];
      assertThat(decoded).as("column %d alone", column).usingRecursiveComparison().isEqualTo(expected);
    }
    Object[] everyOther = RowCodec.decode(types, bytes, RowCodec.mask(row.length, new int[] {1, 3, 7, 12, 16}));
    assertThat(everyOther).containsExactly(null, (short) -7, null, -9_000_000_000L, null, null, null, "héllo", null,
        null, null, null, 1_700_000_000_000L, null, null, null, 1_715_933_472_000L, null, null);
  }

  @Test
  void decode_withMask_skipsNullsAndMissingColumns() {
    List<ColumnType> two = List.of(ColumnType.VARCHAR, ColumnType.INTEGER);
    byte[] stored = RowCodec.encode(two, new Object[] {null, -5});
    List<ColumnType> three = List.of(ColumnType.VARCHAR, ColumnType.INTEGER, ColumnType.BIGINT);
    assertThat(RowCodec.decode(three, stored, RowCodec.mask(3, new int[] {1, 2}))).containsExactly(null, -5, null);
    assertThat(RowCodec.decode(three, stored, RowCodec.mask(3, new int[0]))).containsExactly(null, null, null);
    assertThat(RowCodec.mask(3, null)).isNull();
  }
}
