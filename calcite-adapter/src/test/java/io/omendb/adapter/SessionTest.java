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

class SessionTest {
  @TempDir Path dir;
  private Database database;
  private Session session;

  @BeforeEach
  void open() throws SQLException {
    database = Database.open(dir);
    session = database.openSession("tester", Map.of());
  }

  @AfterEach
  void close() {
    session.close();
    database.close();
  }

  private String run(String sql) throws SQLException {
    try (StatementResult result = session.execute(sql)) {
      while (result.next() != null) {
        // drain
      }
      return result.commandTag();
    }
  }

  private List<List<Object>> rows(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (StatementResult result = session.execute(sql)) {
      for (Object[] row = result.next(); row != null; row = result.next()) {
        rows.add(java.util.Arrays.asList(row));
      }
    }
    return rows;
  }

  private static SQLException sqlError(ThrowingRunnable r) {
    try {
      r.run();
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("expected an SQLException");
  }

  interface ThrowingRunnable {
    void run() throws SQLException;
  }

  @Test
  void execute_createInsertSelect_commandTags() throws SQLException {
    assertThat(run("CREATE TABLE accounts (id BIGINT PRIMARY KEY, owner TEXT NOT NULL, balance INT DEFAULT 0)"))
        .isEqualTo("CREATE TABLE");
    assertThat(run("INSERT INTO accounts (id, owner) VALUES (2, 'bob'), (1, 'ann')")).isEqualTo("INSERT 0 2");
    assertThat(rows("SELECT id, owner, balance FROM accounts ORDER BY id"))
        .containsExactly(List.of(1L, "ann", 0), List.of(2L, "bob", 0));
    try (StatementResult result = session.execute("SELECT owner FROM accounts WHERE id = 2")) {
      assertThat(result.columns()).extracting(ColumnMeta::name).containsExactly("owner");
      assertThat(result.next()).containsExactly("bob");
      assertThat(result.next()).isNull();
      assertThat(result.commandTag()).isEqualTo("SELECT 1");
    }
    assertThat(run("DROP TABLE accounts")).isEqualTo("DROP TABLE");
  }

  @Test
  void execute_joinAndGroupBy() throws SQLException {
    run("CREATE TABLE dept (id INT PRIMARY KEY, name VARCHAR(20))");
    run("CREATE TABLE emp (id INT, dept_id INT, salary INT, PRIMARY KEY (id))");
    run("INSERT INTO dept VALUES (1, 'eng'), (2, 'ops')");
    run("INSERT INTO emp VALUES (1, 1, 100), (2, 1, 150), (3, 2, 70)");
    assertThat(rows("SELECT d.name, count(*), sum(e.salary) FROM emp e JOIN dept d ON e.dept_id = d.id "
        + "GROUP BY d.name ORDER BY d.name"))
        .containsExactly(List.of("eng", 2L, 250L), List.of("ops", 1L, 70L));
  }

  @Test
  void execute_errorsCarrySqlState() throws SQLException {
    run("CREATE TABLE t (id INT PRIMARY KEY, name TEXT NOT NULL)");
    run("INSERT INTO t VALUES (1, 'a')");
    assertThat(sqlError(() -> run("SELEC 1")).getSQLState()).isEqualTo("42601");
    SQLException undefinedTable = sqlError(() -> run("SELECT * FROM nope"));
    assertThat(undefinedTable.getSQLState()).isEqualTo("42P01");
    assertThat(undefinedTable.getMessage()).isEqualTo("relation \"nope\" does not exist");
    assertThat(sqlError(() -> run("SELECT missing FROM t")).getSQLState()).isEqualTo("42703");
    assertThat(sqlError(() -> run("INSERT INTO t VALUES (1, 'dup')")).getSQLState()).isEqualTo("23505");
    assertThat(sqlError(() -> run("INSERT INTO t VALUES (2, NULL)")).getSQLState()).isEqualTo("23502");
    assertThat(sqlError(() -> run("INSERT INTO t (id) VALUES (3)")).getSQLState()).isEqualTo("23502");
    assertThat(sqlError(() -> run("CREATE TABLE t (x INT)")).getSQLState()).isEqualTo("42P07");
    assertThat(sqlError(() -> run("DROP TABLE nope")).getSQLState()).isEqualTo("42P01");
    assertThat(run("DROP TABLE IF EXISTS nope")).isEqualTo("DROP TABLE");
    assertThat(run("CREATE TABLE IF NOT EXISTS t (x INT)")).isEqualTo("CREATE TABLE");
    assertThat(rows("SELECT count(*) FROM t")).containsExactly(List.of(1L));
  }

  @Test
  void execute_failedInsertLeavesNoRows() throws SQLException {
    run("CREATE TABLE t (id INT PRIMARY KEY)");
    assertThatThrownBy(() -> run("INSERT INTO t VALUES (1), (2), (1)")).isInstanceOf(SQLException.class);
    assertThat(rows("SELECT count(*) FROM t")).containsExactly(List.of(0L));
  }

  @Test
  void execute_rowsSurviveReopen() throws SQLException {
    run("CREATE TABLE t (id INT PRIMARY KEY, v TEXT)");
    run("INSERT INTO t VALUES (1, 'one')");
    session.close();
    database.close();
    database = Database.open(dir);
    session = database.openSession("tester", Map.of());
    assertThat(rows("SELECT v FROM t")).containsExactly(List.of("one"));
  }

  @Test
  void split_respectsQuotesAndComments() throws SQLException {
    assertThat(session.split("SELECT 'a;b'; -- c;\n SELECT \"x;\" FROM t; /* ; */ ;"))
        .containsExactly("SELECT 'a;b'", "-- c;\n SELECT \"x;\" FROM t");
  }
}
