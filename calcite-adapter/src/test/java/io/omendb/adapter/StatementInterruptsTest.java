package io.omendb.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cancel and statement_timeout: the running statement stops with 57014 and the session carries on. */
class StatementInterruptsTest {
  @TempDir Path dir;

  @Test
  void parseTimeout_acceptsPostgresqlUnits() {
    assertThat(StatementInterrupts.parseTimeout(null)).isZero();
    assertThat(StatementInterrupts.parseTimeout("0")).isZero();
    assertThat(StatementInterrupts.parseTimeout("250")).isEqualTo(250);
    assertThat(StatementInterrupts.parseTimeout("250ms")).isEqualTo(250);
    assertThat(StatementInterrupts.parseTimeout("5s")).isEqualTo(5_000);
    assertThat(StatementInterrupts.parseTimeout("2min")).isEqualTo(120_000);
    assertThat(StatementInterrupts.parseTimeout("1h")).isEqualTo(3_600_000);
    assertThatThrownBy(() -> StatementInterrupts.parseTimeout("soon"))
        .isInstanceOfSatisfying(SqlStateException.class, e -> assertThat(e.sqlState()).isEqualTo("22023"));
  }

  @Test
  void startupOptions_parseDashC() {
    assertThat(StartupOptions.parse("-c statement_timeout=5s --search-path=a,b -cTimeZone=UTC -c x=a\\ b"))
        .containsExactly(Map.entry("statement_timeout", "5s"), Map.entry("search_path", "a,b"),
            Map.entry("TimeZone", "UTC"), Map.entry("x", "a b"));
    assertThat(StartupOptions.parse(null)).isEmpty();
  }

  @Test
  void statementTimeout_stopsALongQuery_with57014() throws SQLException {
    try (Database database = Database.open(dir); Session session = database.openSession("t", Map.of())) {
      createBigTable(session);
      session.set("statement_timeout", "200ms");
      long start = System.nanoTime();
      assertThatThrownBy(() -> drain(session, "SELECT a.id, b.id, c.id FROM big a, big b, big c"))
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("57014");
            assertThat(e.getMessage()).contains("statement timeout");
          });
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10_000);
      session.set("statement_timeout", "0");
      assertThat(drain(session, "SELECT count(*) FROM big")).isEqualTo(1);
    }
  }

  @Test
  void cancel_fromAnotherThread_stopsTheRunningQuery() throws Exception {
    try (Database database = Database.open(dir); Session session = database.openSession("t", Map.of())) {
      createBigTable(session);
      CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
        try {
          drain(session, "SELECT a.id, b.id, c.id FROM big a, big b, big c");
          return null;
        } catch (SQLException e) {
          return e;
        }
      });
      Thread.sleep(300);
      session.cancel();

      assertThat(failure.get(30, TimeUnit.SECONDS)).isInstanceOfSatisfying(SQLException.class, e -> {
        assertThat(e.getSQLState()).isEqualTo("57014");
        assertThat(e.getMessage()).contains("user request");
      });
      assertThat(drain(session, "SELECT id FROM big WHERE id = 7")).isEqualTo(1);
    }
  }

  private static void createBigTable(Session session) throws SQLException {
    drain(session, "CREATE TABLE big (id INT PRIMARY KEY)");
    // 100 rows in statements of one shape, which share a plan; the 3-way cross join streams 1M rows.
    for (int i = 0; i < 100; i += 10) {
      StringBuilder insert = new StringBuilder("INSERT INTO big VALUES (" + i + ")");
      for (int j = i + 1; j < i + 10; j++) {
        insert.append(", (").append(j).append(')');
      }
      drain(session, insert.toString());
    }
  }

  private static long drain(Session session, String sql) throws SQLException {
    try (StatementResult result = session.execute(sql)) {
      long rows = 0;
      while (result.next() != null) {
        rows++;
      }
      return rows;
    }
  }
}
