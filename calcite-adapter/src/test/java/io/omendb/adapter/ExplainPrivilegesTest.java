package io.omendb.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain EXPLAIN checks the privileges the statement would need, as PostgreSQL does (42501), without running it. */
class ExplainPrivilegesTest {
  @TempDir Path dir;
  private Database database;
  private Session admin;
  private Session alice;

  @BeforeEach
  void open() throws SQLException {
    database = Database.open(dir);
    admin = database.openSession("admin", Map.of());
    run(admin, "CREATE USER alice PASSWORD 'alice-pw'");
    run(admin, "CREATE TABLE t (id INT PRIMARY KEY, v TEXT)");
    run(admin, "CREATE TABLE u (id INT PRIMARY KEY)");
    run(admin, "INSERT INTO t VALUES (1, 'one')");
    alice = database.openSession("alice", Map.of());
  }

  @AfterEach
  void close() {
    alice.close();
    admin.close();
    database.close();
  }

  private static List<String> run(Session session, String sql) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (StatementResult result = session.execute(sql)) {
      for (Object[] row = result.next(); row != null; row = result.next()) {
        lines.add(String.valueOf(row[0]));
      }
    }
    return lines;
  }

  private static void assertDenied(Session session, String sql, String table) {
    assertThatThrownBy(() -> run(session, sql)).isInstanceOfSatisfying(SQLException.class, e -> {
      assertThat(e.getSQLState()).isEqualTo("42501");
      assertThat(e.getMessage()).isEqualTo("permission denied for table " + table);
    });
  }

  @Test
  void explain_queryOnUnreadableTable_denied() {
    assertDenied(alice, "EXPLAIN SELECT v FROM t", "t");
    assertDenied(alice, "EXPLAIN SELECT count(*) FROM u", "u");
  }

  @Test
  void explain_afterGrant_printsPlan_joinNeedsEveryTable() throws SQLException {
    run(admin, "GRANT SELECT ON t TO alice");
    assertThat(run(alice, "EXPLAIN SELECT v FROM t WHERE id = 1")).isNotEmpty();
    assertDenied(alice, "EXPLAIN SELECT t.v FROM t JOIN u ON t.id = u.id", "u");
    assertDenied(alice, "EXPLAIN SELECT v FROM t WHERE id IN (SELECT id FROM u)", "u");
  }

  @Test
  void explain_dml_needsTheStatementsPrivilege_andChangesNothing() throws SQLException {
    assertDenied(alice, "EXPLAIN INSERT INTO t VALUES (2, 'two')", "t");
    assertDenied(alice, "EXPLAIN DELETE FROM t WHERE id = 1", "t");
    run(admin, "GRANT INSERT ON t TO alice");
    assertThat(run(alice, "EXPLAIN INSERT INTO t VALUES (2, 'two')")).isNotEmpty();
    assertThat(run(admin, "SELECT count(*) FROM t")).containsExactly("1");
  }

  @Test
  void explain_updateReadingNothing_needsOnlyUpdate_asInPostgres() throws SQLException {
    run(admin, "GRANT UPDATE ON t TO alice");
    assertThat(run(alice, "EXPLAIN UPDATE t SET v = 'x'")).isNotEmpty();
    assertDenied(alice, "EXPLAIN UPDATE t SET v = 'x' WHERE id = 1", "t");
    assertDenied(alice, "EXPLAIN SELECT v FROM t", "t");
  }

  @Test
  void explainAnalyze_stillDenied() {
    assertDenied(alice, "EXPLAIN ANALYZE SELECT v FROM t", "t");
  }
}
