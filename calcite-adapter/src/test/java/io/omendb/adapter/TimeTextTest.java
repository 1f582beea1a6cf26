package io.omendb.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimeTextTest {
  @Test
  void parse_readsFieldsFractionsAndIgnoresAnOffset() {
    assertThat(TimeText.parse("7:05")).isEqualTo((7 * 60 + 5) * 60_000);
    assertThat(TimeText.parse(" 10:11:12.5 ")).isEqualTo(((10 * 60 + 11) * 60 + 12) * 1000 + 500);
    assertThat(TimeText.parse("10:11:12.1236")).isEqualTo(((10 * 60 + 11) * 60 + 12) * 1000 + 124);
    assertThat(TimeText.parse("10:11:12+02")).isEqualTo(((10 * 60 + 11) * 60 + 12) * 1000);
  }

  @Test
  void parse_roundingNeverPassesMidnight() {
    assertThat(TimeText.parse("23:59:59.9999")).isEqualTo(24 * 3_600_000 - 1);
  }

  @Test
  void parse_outOfRangeIs22008AndGarbageIs22007() {
    assertThatThrownBy(() -> TimeText.parse("25:00"))
        .isInstanceOfSatisfying(SqlStateException.class, e -> assertThat(e.sqlState()).isEqualTo("22008"));
    assertThatThrownBy(() -> TimeText.parse("10:60"))
        .isInstanceOfSatisfying(SqlStateException.class, e -> assertThat(e.sqlState()).isEqualTo("22008"));
    assertThatThrownBy(() -> TimeText.parse("noon"))
        .isInstanceOfSatisfying(SqlStateException.class, e -> assertThat(e.sqlState()).isEqualTo("22007"));
  }
}
