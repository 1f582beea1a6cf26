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

/** INSERT ... ON CONFLICT through sessions: targets, actions, counts, RETURNING, errors and concurrent inserts. */
class UpsertTest {
  @TempDir Path dir;
  private Database database;
  private Session session;

  @BeforeEach
  void open() throws SQLException {
    database = Database.open(dir);
    session = database.openSession("tester", Map.of());
    run("CREATE TABLE kv (k INT PRIMARY KEY, code VARCHAR(10), v INT NOT NULL, hits INT DEFAULT 0)");
    run("CREATE UNIQUE INDEX kv_code ON kv (code)");
    run("INSERT INTO kv VALUES (1, 'a', 10, 0), (2, 'b', 20, 0)");
  }

  @AfterEach
  void close() {
    session.close();
    database.close();
  }

  private List<Object> result(String sql) throws SQLException {
    return result(session, sql);
  }

  private static List<Object> result(Session session, String sql) throws SQLException {
    List<Object> out = new ArrayList<>();
    try (StatementResult result = session.execute(sql)) {
      for (Object[] row = result.next(); row != null; row = result.next()) {
        out.add(Arrays.asList(row));
      }
      out.add(result.commandTag());
    }
    return out;
  }

  private void run(String sql) throws SQLException {
    result(sql);
  }

  private void assertState(String sql, String state, String message) {
    assertThatThrownBy(() -> result(sql)).isInstanceOfSatisfying(SQLException.class, e -> {
      assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(state);
      assertThat(e.getMessage()).contains(message);
    });
  }

  private List<Object> table() throws SQLException {
    return result("SELECT k, code, v, hits FROM kv ORDER BY k");
  }

  @Test
  void doNothing_primaryKeyTarget_skipsConflictsAndCountsInserts() throws SQLException {
    assertThat(result("INSERT INTO kv VALUES (1, 'x', 0, 0), (3, 'c', 30, 0) ON CONFLICT (k) DO NOTHING"))
        .containsExactly("INSERT 0 1");
    assertThat(table()).containsExactly(List.of(1, "a", 10, 0), List.of(2, "b", 20, 0), List.of(3, "c", 30, 0),
        "SELECT 3");
  }

  @Test
  void doNothing_withoutTarget_coversUniqueIndexesAndRowsOfTheSameStatement() throws SQLException {
    assertThat(result("INSERT INTO kv VALUES (5, 'a', 0, 0), (6, 'f', 60, 0), (7, 'f', 70, 0) ON CONFLICT DO NOTHING"))
        .containsExactly("INSERT 0 1");
    assertThat(result("SELECT k FROM kv WHERE code = 'f'")).containsExactly(List.of(6), "SELECT 1");
  }

  @Test
  void doNothing_otherConstraintViolated_isUniqueViolation() {
    assertState("INSERT INTO kv VALUES (9, 'a', 0, 0) ON CONFLICT (k) DO NOTHING", "23505", "kv_code");
  }

  @Test
  void doUpdate_excludedAndExistingValues_updatesOrInserts() throws SQLException {
    assertThat(result("INSERT INTO kv VALUES (1, 'a', 11, 0), (4, 'd', 40, 0) "
        + "ON CONFLICT (k) DO UPDATE SET v = kv.v + EXCLUDED.v, hits = kv.hits + 1"))
        .containsExactly("INSERT 0 2");
    assertThat(table()).containsExactly(List.of(1, "a", 21, 1), List.of(2, "b", 20, 0), List.of(4, "d", 40, 0),
        "SELECT 3");
  }

  @Test
  void doUpdate_whereFalse_leavesRowAndIsNotCounted() throws SQLException {
    assertThat(result("INSERT INTO kv VALUES (1, 'a', 99, 0), (2, 'b', 98, 0) "
        + "ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v WHERE kv.v > 15")).containsExactly("INSERT 0 1");
    assertThat(table()).containsExactly(List.of(1, "a", 10, 0), List.of(2, "b", 98, 0), "SELECT 2");
  }

  @Test
  void doUpdate_uniqueIndexTargetAndConstraintName_returning() throws SQLException {
    assertThat(result("INSERT INTO kv VALUES (7, 'b', 5, 0) ON CONFLICT (code) DO UPDATE SET v = EXCLUDED.v "
        + "RETURNING k, v")).containsExactly(List.of(2, 5), "INSERT 0 1");
    assertThat(result("INSERT INTO kv VALUES (1, 'z', 6, 0) ON CONFLICT ON CONSTRAINT kv_pkey "
        + "DO UPDATE SET code = EXCLUDED.code RETURNING *")).containsExactly(List.of(1, "z", 10, 0), "INSERT 0 1");
    assertThat(result("INSERT INTO kv VALUES (8, 'h', 8, 0), (1, 'q', 0, 0) ON CONFLICT (k) DO NOTHING "
        + "RETURNING k")).containsExactly(List.of(8), "INSERT 0 1");
  }

  @Test
  void doUpdate_sameKeyTwice_isCardinalityViolationAndWritesNothing() throws SQLException {
    assertState("INSERT INTO kv VALUES (5, 'e', 1, 0), (5, 'e', 2, 0) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v",
        "21000", "cannot affect row a second time");
    assertState("INSERT INTO kv VALUES (1, 'a', 1, 0), (1, 'a', 2, 0) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v",
        "21000", "cannot affect row a second time");
    assertThat(table()).containsExactly(List.of(1, "a", 10, 0), List.of(2, "b", 20, 0), "SELECT 2");
  }

  @Test
  void conflictTarget_notUnique_errors() {
    assertState("INSERT INTO kv VALUES (1, 'a', 1, 0) ON CONFLICT (v) DO NOTHING", "42P10",
        "there is no unique or exclusion constraint matching the ON CONFLICT specification");
    assertState("INSERT INTO kv VALUES (1, 'a', 1, 0) ON CONFLICT (k, code) DO NOTHING", "42P10", "no unique");
    assertState("INSERT INTO kv VALUES (1, 'a', 1, 0) ON CONFLICT ON CONSTRAINT nope DO NOTHING", "42704",
        "constraint \"nope\" for table \"kv\" does not exist");
    assertState("INSERT INTO kv VALUES (1, 'a', 1, 0) ON CONFLICT DO UPDATE SET v = 1", "42601",
        "ON CONFLICT DO UPDATE requires inference specification or constraint name");
    assertState("INSERT INTO kv VALUES (1, 'a', 1, 0) ON CONFLICT (nope) DO NOTHING", "42703", "nope");
    assertState("INSERT INTO kv VALUES (1, 'a', 1, 0) ON CONFLICT (k) DO UPDATE SET v = v + 1", "42702",
        "column reference \"v\" is ambiguous");
  }

  @Test
  void doUpdate_preparedWithPlaceholders() throws SQLException {
    try (PreparedQuery query = session.prepare(
        "INSERT INTO kv (k, code, v) VALUES ($1, $2, $3) ON CONFLICT (k) DO UPDATE SET v = kv.v + $4", List.of())) {
      try (StatementResult result = query.execute(List.of(1, "a", 0, 5))) {
        assertThat(result.commandTag()).isEqualTo("INSERT 0 1");
      }
      try (StatementResult result = query.execute(List.of(3, "c", 30, 5))) {
        assertThat(result.commandTag()).isEqualTo("INSERT 0 1");
      }
    }
    assertThat(result("SELECT k, v FROM kv ORDER BY k"))
        .containsExactly(List.of(1, 15), List.of(2, 20), List.of(3, 30), "SELECT 3");
  }

  @Test
  void concurrentInsertOfSameKey_firstCommitterWins() throws SQLException {
    try (Session other = database.openSession("tester", Map.of())) {
      run("BEGIN");
      result(other, "BEGIN");
      run("INSERT INTO kv VALUES (5, 'e', 1, 0) ON CONFLICT (k) DO NOTHING");
      result(other, "INSERT INTO kv VALUES (5, 'e', 2, 0) ON CONFLICT (k) DO NOTHING");
      run("COMMIT");
      assertThatThrownBy(() -> result(other, "COMMIT")).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getSQLState()).isIn("23505", "40001"));
    }
    assertThat(result("SELECT v FROM kv WHERE k = 5")).containsExactly(List.of(1), "SELECT 1");
  }
}
