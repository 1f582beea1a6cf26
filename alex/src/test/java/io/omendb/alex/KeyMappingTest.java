package io.omendb.alex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link KeyMapping} preserves order and round-trips for every key type. */
class KeyMappingTest {

  private final SplittableRandom random = new SplittableRandom(17);

  @Test
  void ofInt_preservesOrderAndRoundTrips() {
    int[] values = {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE};
    for (int i = 0; i < values.length; i++) {
      assertThat(KeyMapping.toInt(KeyMapping.ofInt(values[i]))).isEqualTo(values[i]);
      if (i > 0) {
        assertThat(KeyMapping.ofInt(values[i - 1])).isLessThan(KeyMapping.ofInt(values[i]));
      }
    }
  }

  @Test
  void toInt_outOfRange_throws() {
    assertThatThrownBy(() -> KeyMapping.toInt(1L << 40)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void ofBigint_isIdentity() {
    assertThat(KeyMapping.ofBigint(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
    assertThat(KeyMapping.ofBigint(42)).isEqualTo(42);
  }

  @Test
  void ofDate_preservesOrderAndRoundTrips() {
    for (int i = 0; i < 1000; i++) {
      LocalDate a = LocalDate.ofEpochDay(random.nextLong(-1_000_000, 1_000_000));
      LocalDate b = LocalDate.ofEpochDay(random.nextLong(-1_000_000, 1_000_000));
      assertThat(KeyMapping.toDate(KeyMapping.ofDate(a))).isEqualTo(a);
      assertThat(Long.compare(KeyMapping.ofDate(a), KeyMapping.ofDate(b))).isEqualTo(Integer.signum(a.compareTo(b)));
    }
  }

  @Test
  void ofTimestamp_preservesOrderAndRoundTripsAtMicroseconds() {
    for (int i = 0; i < 1000; i++) {
      Instant a = Instant.ofEpochSecond(random.nextLong(-10_000_000_000L, 10_000_000_000L), random.nextInt(1_000_000) * 1000L);
      Instant b = a.plusNanos(random.nextInt(-5_000, 5_000) * 1000L);
      assertThat(KeyMapping.toTimestamp(KeyMapping.ofTimestamp(a))).isEqualTo(a);
      assertThat(Long.compare(KeyMapping.ofTimestamp(a), KeyMapping.ofTimestamp(b)))
          .isEqualTo(Integer.signum(a.compareTo(b)));
    }
  }

  @Test
  void ofLocalTimestamp_roundTrips() {
    LocalDateTime t = LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_000);
    assertThat(KeyMapping.toLocalTimestamp(KeyMapping.ofLocalTimestamp(t))).isEqualTo(t);
    assertThat(KeyMapping.ofLocalTimestamp(t)).isLessThan(KeyMapping.ofLocalTimestamp(t.plusNanos(1000)));
  }

  @Test
  void mappedKeys_workInIndex() {
    AlexIndex index = AlexIndex.create();
    LocalDate day = LocalDate.of(2020, 1, 1);
    for (int i = 0; i < 1000; i++) {
      index.put(KeyMapping.ofDate(day.plusDays(i)), i);
    }
    assertThat(index.get(KeyMapping.ofDate(LocalDate.of(2020, 2, 1)), -1)).isEqualTo(31);
    assertThat(index.ceilingKey(KeyMapping.ofDate(LocalDate.of(2019, 6, 1)))).hasValue(KeyMapping.ofDate(day));
  }
}
