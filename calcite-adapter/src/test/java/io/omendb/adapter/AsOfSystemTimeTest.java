package io.omendb.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Finding, cutting out and reading CockroachDB's {@code AS OF SYSTEM TIME} clause. */
class AsOfSystemTimeTest {
  private static final long NOW = 1_800_000_000_000_000L;

  private static long resolve(String time) throws SQLException {
    return AsOfSystemTime.resolve(time, NOW, ZoneOffset.UTC, expression -> {
      throw new AssertionError("not a literal: " + expression);
    });
  }

  @Test
  void extract_afterTheFromList() {
    AsOfSystemTime.Clause clause = AsOfSystemTime.extract(
        "SELECT a.x AS \"as of system time\" FROM t AS a, u AS OF SYSTEM TIME '-10s' WHERE a.x = 'AS OF' ORDER BY 1");
    assertThat(clause.time()).isEqualTo("'-10s'");
    assertThat(clause.sql()).isEqualTo(
        "SELECT a.x AS \"as of system time\" FROM t AS a, u  WHERE a.x = 'AS OF' ORDER BY 1");
  }

  @Test
  void extract_expressionToTheEnd() {
    AsOfSystemTime.Clause clause = AsOfSystemTime.extract(
        "select * from t as of system time now() - interval '1' minute;");
    assertThat(clause.time()).isEqualTo("now() - interval '1' minute");
    assertThat(clause.sql()).isEqualTo("select * from t  ;");
    assertThat(AsOfSystemTime.extract("BEGIN AS OF SYSTEM TIME '2026-01-01'").sql()).isEqualTo("BEGIN  ");
  }

  @Test
  void extract_none() {
    assertThat(AsOfSystemTime.extract("SELECT CAST(x AS INT) AS offset FROM t -- AS OF SYSTEM TIME '-1s'"))
        .isNull();
    assertThat(AsOfSystemTime.extract("SELECT (SELECT 1 FROM t AS OF SYSTEM TIME '-1s')")).isNull();
    assertThatThrownBy(() -> AsOfSystemTime.extract("SELECT * FROM t AS OF SYSTEM TIME"))
        .isInstanceOf(SqlStateException.class);
  }

  @Test
  void resolve_relativeTimes() throws SQLException {
    assertThat(resolve("'-10s'")).isEqualTo(NOW - 10_000_000L);
    assertThat(resolve("'-1h30m'")).isEqualTo(NOW - 5_400_000_000L);
    assertThat(resolve("'-250ms'")).isEqualTo(NOW - 250_000L);
    assertThat(resolve("INTERVAL '-2 minutes'")).isEqualTo(NOW - 120_000_000L);
  }

  @Test
  void resolve_timestamps() throws SQLException {
    assertThat(resolve("'2027-01-15 08:00:00'"))
        .isEqualTo(java.time.Instant.parse("2027-01-15T08:00:00Z").toEpochMilli() * 1000);
    assertThat(resolve("TIMESTAMP '2027-01-15 08:00:00.123456'"))
        .isEqualTo(java.time.Instant.parse("2027-01-15T08:00:00Z").toEpochMilli() * 1000 + 123_456);
    assertThat(resolve("'2027-01-15 09:00:00+01'"))
        .isEqualTo(java.time.Instant.parse("2027-01-15T08:00:00Z").toEpochMilli() * 1000);
    assertThat(resolve("'1800000000000000000'")).isEqualTo(NOW);
    assertThatThrownBy(() -> resolve("'yesterday-ish'")).isInstanceOf(SqlStateException.class)
        .extracting(e -> ((SqlStateException) e).sqlState()).isEqualTo("22007");
  }

  @Test
  void resolve_otherExpressionsGoToTheEvaluator() throws SQLException {
    assertThat(AsOfSystemTime.resolve("now() - INTERVAL '1' SECOND", NOW, ZoneOffset.UTC, expression -> 42L))
        .isEqualTo(42L);
  }
}
