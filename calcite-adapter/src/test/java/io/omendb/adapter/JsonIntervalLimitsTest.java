package io.omendb.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What json, jsonb and interval do not support yet answers 0A000 with a message naming it (docs/sql.md), not a
 * syntax or internal error; PostgreSQL runs these statements, so they cannot be golden cases.
 */
class JsonIntervalLimitsTest {
  @TempDir Path dir;
  private Database database;
  private Session session;

  @BeforeEach
  void open() throws SQLException {
    database = Database.open(dir);
    session = database.openSession("tester", Map.of());
    execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20), b JSONB)");
  }

  @AfterEach
  void close() {
    session.close();
    database.close();
  }

  private void execute(String sql) throws SQLException {
    try (StatementResult result = session.execute(sql)) {
      while (result.next() != null) {
        // drain
      }
    }
  }

  private void assertNotSupported(String sql, String fragment) {
    assertThatThrownBy(() -> execute(sql)).as(sql).isInstanceOfSatisfying(SQLException.class, e -> {
      assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("0A000");
      assertThat(e.getMessage()).contains(fragment);
    });
  }

  @Test
  void interval_mixedOrComputedIntervals_areNotSupported() {
    assertNotSupported("SELECT TIMESTAMP '2024-01-01 00:00:00' + '1 month 2 days'::interval",
        "both months and days");
    assertNotSupported("SELECT v::interval FROM t", "only a string literal");
    assertNotSupported("SELECT TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '1 day'", "needs a unit");
  }

  @Test
  void interval_literalWithAUnit_stillWorks() throws SQLException {
    try (StatementResult result = session.execute(
        "SELECT TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '1' DAY + '36:00'::interval")) {
      assertThat(result.next()).isNotNull();
    }
  }

  @Test
  void jsonb_keysAndIndexes_areNotSupported() {
    assertNotSupported("CREATE TABLE k (b JSONB PRIMARY KEY)", "primary key on a column of type JSONB");
    assertNotSupported("CREATE INDEX t_b ON t (b)", "index on a column of type JSONB");
  }
}
