package io.omendb.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceSessionTest {
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
    return run(session, sql);
  }

  private static String run(Session on, String sql) throws SQLException {
    try (StatementResult result = on.execute(sql)) {
      while (result.next() != null) {
        // drain
      }
      return result.commandTag();
    }
  }

  private List<List<Object>> rows(String sql) throws SQLException {
    return rows(session, sql);
  }

  private static List<List<Object>> rows(Session on, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (StatementResult result = on.execute(sql)) {
      for (Object[] row = result.next(); row != null; row = result.next()) {
        rows.add(Arrays.asList(row));
      }
    }
    return rows;
  }

  @Test
  void nextval_twiceInOneRow_advancesTwice() throws SQLException {
    assertThat(run("CREATE SEQUENCE s")).isEqualTo("CREATE SEQUENCE");
    assertThat(rows("SELECT nextval('s'), nextval('s'), currval('s')")).containsExactly(List.of(1L, 2L, 2L));
  }

  @Test
  void nextval_rolledBack_isNotReused() throws SQLException {
    run("CREATE SEQUENCE s");
    run("BEGIN");
    assertThat(rows("SELECT nextval('s')")).containsExactly(List.of(1L));
    run("ROLLBACK");
    assertThat(rows("SELECT nextval('s')")).containsExactly(List.of(2L));
  }

  @Test
  void currval_isPerSession() throws SQLException {
    run("CREATE SEQUENCE s");
    rows("SELECT nextval('s')");
    try (Session other = database.openSession("tester", Map.of())) {
      assertThatThrownBy(() -> rows(other, "SELECT currval('s')")).isInstanceOf(SQLException.class)
          .hasMessage("currval of sequence \"s\" is not yet defined in this session")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("55000");
      assertThat(rows(other, "SELECT nextval('s')")).containsExactly(List.of(2L));
    }
    assertThat(rows("SELECT currval('s'), lastval()")).containsExactly(List.of(1L, 1L));
  }

  @Test
  void nextval_afterReopen_continuesBeyondEveryValueHandedOut() throws SQLException {
    run("CREATE SEQUENCE s");
    rows("SELECT nextval('s')");
    rows("SELECT nextval('s')");
    session.close();
    database.close();
    database = Database.open(dir);
    session = database.openSession("tester", Map.of());
    long next = (Long) rows("SELECT nextval('s')").get(0).get(0);
    assertThat(next).isGreaterThan(2L);
  }

  @Test
  void serial_fillsTheColumnFromItsOwnedSequence() throws SQLException {
    run("CREATE TABLE t (id SERIAL PRIMARY KEY, name TEXT)");
    run("INSERT INTO t (name) VALUES ('a'), ('b')");
    run("INSERT INTO t (name) VALUES ('c')");
    assertThat(rows("SELECT id, name FROM t ORDER BY id"))
        .containsExactly(List.of(1, "a"), List.of(2, "b"), List.of(3, "c"));
    assertThat(rows("SELECT currval('t_id_seq')")).containsExactly(List.of(3L));
    run("DROP TABLE t");
    assertThatThrownBy(() -> rows("SELECT nextval('t_id_seq')")).isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42P01");
  }

  @Test
  void insert_explicitValueIntoAlwaysIdentity_isRefused() throws SQLException {
    run("CREATE TABLE t (id INT GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY 5), name TEXT)");
    run("INSERT INTO t (name) VALUES ('a')");
    run("INSERT INTO t VALUES (DEFAULT, 'b')");
    assertThat(rows("SELECT id, name FROM t ORDER BY id")).containsExactly(List.of(10, "a"), List.of(15, "b"));
    assertThatThrownBy(() -> run("INSERT INTO t (id, name) VALUES (1, 'c')")).isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("428C9");
  }
}
