package io.omendb.engine.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.omendb.engine.catalog.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyCodecTest {

  private static <T extends Comparable<T>> void assertOrderPreserved(ColumnType type, List<T> values) {
    List<T> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.naturalOrder());
    List<byte[]> encoded = new ArrayList<>();
    for (T v : values) {
      encoded.add(KeyCodec.encode(List.of(type), new Object[] {v}));
    }
    encoded.sort(Arrays::compareUnsigned);
    for (int i = 0; i < sorted.size(); i++) {
      Object decoded = KeyCodec.decode(List.of(type), encoded.get(i), 0)[0];
      assertThat(decoded).isEqualTo(sorted.get(i));
    }
  }

  @Test
  void encode_signedIntegersSortNumerically() {
    Random random = new Random(42);
    List<Long> longs = new ArrayList<>(List.of(Long.MIN_VALUE, -1L, 0L, 1L, Long.MAX_VALUE));
    List<Integer> ints = new ArrayList<>(List.of(Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE));
    List<Short> shorts = new ArrayList<>(List.of(Short.MIN_VALUE, (short) -1, (short) 0, (short) 1, Short.MAX_VALUE));
    for (int i = 0; i < 500; i++) {
      longs.add(random.nextLong());
      ints.add(random.nextInt());
      shorts.add((short) random.nextInt());
    }
    assertOrderPreserved(ColumnType.BIGINT, longs);
    assertOrderPreserved(ColumnType.INTEGER, ints);
    assertOrderPreserved(ColumnType.SMALLINT, shorts);
  }

  @Test
  void encode_timestamptzSortsByInstant() {
    Random random = new Random(11);
    List<Long> instants = new ArrayList<>(List.of(Long.MIN_VALUE, -62_135_596_800_000L, -1L, 0L, 1L,
        1_715_933_472_000L, Long.MAX_VALUE));
    for (int i = 0; i < 500; i++) {
      instants.add(random.nextLong());
    }
    assertOrderPreserved(ColumnType.TIMESTAMPTZ, instants);
  }

  @Test
  void encode_intervalsSortByLength() {
    Random random = new Random(7);
    // day-time intervals in milliseconds (-1 day, -30 minutes, 0, 2 hours, 3 days), year-month ones in months
    List<Long> dayTime = new ArrayList<>(List.of(Long.MIN_VALUE, -86_400_000L, -1_800_000L, 0L, 7_200_000L,
        259_200_000L, Long.MAX_VALUE));
    List<Integer> yearMonth = new ArrayList<>(List.of(Integer.MIN_VALUE, -24, -1, 0, 1, 14, Integer.MAX_VALUE));
    for (int i = 0; i < 500; i++) {
      dayTime.add(random.nextLong());
      yearMonth.add(random.nextInt());
    }
    assertOrderPreserved(ColumnType.INTERVAL_DAY_TIME, dayTime);
    assertOrderPreserved(ColumnType.INTERVAL_YEAR_MONTH, yearMonth);
  }

  @Test
  void encode_floatingPointSortsNumerically() {
    assertOrderPreserved(ColumnType.DOUBLE,
        List.of(Double.NEGATIVE_INFINITY, -1e300, -2.5, -0.0, 0.0, 1e-300, 3.25, Double.POSITIVE_INFINITY));
    assertOrderPreserved(ColumnType.REAL, List.of(-3.5f, -1f, 0f, 0.5f, 7f));
  }

  @Test
  void encode_textSortsByBytesAndPrefixFirst() {
    assertOrderPreserved(ColumnType.VARCHAR, List.of("", "a", "a\u0000", "a\u0000b", "ab", "b", "zz", "é"));
  }

  @Test
  void encode_uuidsSortAsUnsignedBytesLikePostgres() {
    Random random = new Random(7);
    List<java.util.UUID> uuids = new ArrayList<>(List.of(new java.util.UUID(0, 0), new java.util.UUID(-1, -1),
        java.util.UUID.fromString("7fffffff-ffff-ffff-8000-000000000000"),
        java.util.UUID.fromString("80000000-0000-0000-7fff-ffffffffffff")));
    for (int i = 0; i < 200; i++) {
      uuids.add(new java.util.UUID(random.nextLong(), random.nextLong()));
    }
    List<byte[]> encoded = new ArrayList<>();
    for (java.util.UUID uuid : uuids) {
      encoded.add(KeyCodec.encode(List.of(ColumnType.UUID), new Object[] {uuid}));
    }
    encoded.sort(Arrays::compareUnsigned);
    // PostgreSQL compares uuids with memcmp, which orders them as their lower-case text
    List<String> expected = uuids.stream().map(java.util.UUID::toString).sorted().toList();
    List<String> decoded = encoded.stream()
        .map(key -> KeyCodec.decode(List.of(ColumnType.UUID), key, 0)[0].toString()).toList();
    assertThat(decoded).isEqualTo(expected);
  }

  @Test
  void encode_nullSortsAfterEveryValue() {
    byte[] nullKey = KeyCodec.encode(List.of(ColumnType.BIGINT), new Object[] {null});
    byte[] maxKey = KeyCodec.encode(List.of(ColumnType.BIGINT), new Object[] {Long.MAX_VALUE});
    assertThat(Arrays.compareUnsigned(nullKey, maxKey)).isPositive();
    assertThat(KeyCodec.decode(List.of(ColumnType.BIGINT), nullKey, 0)[0]).isNull();
  }

  @Test
  void encode_compositeKeysCompareColumnByColumn() {
    List<ColumnType> types = List.of(ColumnType.VARCHAR, ColumnType.INTEGER);
    byte[] a1 = KeyCodec.encode(types, new Object[] {"a", 2});
    byte[] a2 = KeyCodec.encode(types, new Object[] {"a", 10});
    byte[] ab = KeyCodec.encode(types, new Object[] {"ab", -5});
    assertThat(Arrays.compareUnsigned(a1, a2)).isNegative();
    assertThat(Arrays.compareUnsigned(a2, ab)).isNegative();
    assertThat(KeyCodec.decode(types, ab, 0)).containsExactly("ab", -5);
  }
}
