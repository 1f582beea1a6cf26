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

/** varchar(n) and char(n) assignment as PostgreSQL does it: 22001, trailing spaces, padding, explicit casts. */
class StringLengthTest {
  @TempDir Path dir;
  private Database database;
  private Session session;

  @BeforeEach
  void open() throws SQLException {
    database = Database.open(dir);
    session = database.openSession("tester", Map.of());
    rows("CREATE TABLE s (id INT PRIMARY KEY, v VARCHAR(3), c CHAR(3))");
  }

  @AfterEach
  void close() {
    session.close();
    database.close();
  }

  private List<List<Object>> rows(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (StatementResult result = session.execute(sql)) {
      for (Object[] row = result.next(); row != null; row = result.next()) {
        rows.add(Arrays.asList(row));
      }
    }
    return rows;
  }

  private void assertTooLong(String sql, String type) {
    assertThatThrownBy(() -> rows(sql)).isInstanceOfSatisfying(SQLException.class, e -> {
      assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("22001");
      assertThat(e.getMessage()).isEqualTo("value too long for type " + type + "(3)");
    });
  }

  @Test
  void insert_tooLong_isStringDataRightTruncation() {
    assertTooLong("INSERT INTO s VALUES (1, 'abcd', 'x')", "character varying");
    assertTooLong("INSERT INTO s VALUES (1, 'a', 'wxyz')", "character");
    assertTooLong("INSERT INTO s VALUES (1, 'a', 'x'), (2, 'abcdef', 'y')", "character varying");
    assertTooLong("INSERT INTO s (id, v) VALUES (1, 'ab' || 'cd')", "character varying");
  }

  @Test
  void insert_trailingSpacesBeyondLength_areTrimmed_charIsPadded() throws SQLException {
    rows("INSERT INTO s VALUES (1, 'abc   ', 'x'), (2, 'a', 'xy     ')");
    assertThat(rows("SELECT id, v, c, length(v) FROM s ORDER BY id"))
        .containsExactly(List.of(1, "abc", "x  ", 3), List.of(2, "a", "xy ", 1));
  }

  @Test
  void update_tooLong_failsAndKeepsRow() throws SQLException {
    rows("INSERT INTO s VALUES (1, 'ab', 'x')");
    assertTooLong("UPDATE s SET v = v || 'zz'", "character varying");
    assertTooLong("UPDATE s SET v = 'long'", "character varying");
    assertThat(rows("SELECT v FROM s")).containsExactly(List.of("ab"));
  }

  @Test
  void insertSelect_tooLong() throws SQLException {
    rows("CREATE TABLE src (t TEXT)");
    rows("INSERT INTO src VALUES ('ok'), ('toolong')");
    assertTooLong("INSERT INTO s (id, v) SELECT length(t), t FROM src", "character varying");
    assertThat(rows("SELECT count(*) FROM s")).containsExactly(List.of(0L));
  }

  @Test
  void explicitCast_truncatesSilently() throws SQLException {
    assertThat(rows("SELECT CAST('abcdef' AS VARCHAR(3)), 'abcdef'::varchar(2)"))
        .containsExactly(List.of("abc", "ab"));
  }

  private static SQLException failure(ThrowingRunnable work) {
    try {
      work.run();
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("expected an error");
  }

  /** A statement execution that may fail. */
  private interface ThrowingRunnable {
    void run() throws SQLException;
  }

  private static void drain(StatementResult result) throws SQLException {
    try (result) {
      while (result.next() != null) {
        // drain
      }
    }
  }

  @Test
  void preparedParameter_tooLong_isStringDataRightTruncation() throws SQLException {
    PreparedQuery insert = session.prepare("INSERT INTO s VALUES ($1, $2, $3)", List.of());
    SQLException varchar = failure(() -> drain(insert.execute(List.of(1, "abcdef", "x"))));
    assertThat(varchar.getSQLState()).as(varchar.getMessage()).isEqualTo("22001");
    assertThat(varchar.getMessage()).isEqualTo("value too long for type character varying(3)");
    SQLException character = failure(() -> drain(insert.execute(List.of(1, "a", "wxyz"))));
    assertThat(character.getMessage()).isEqualTo("value too long for type character(3)");
    drain(insert.execute(List.of(1, "abc  ", "xy")));
    PreparedQuery update = session.prepare("UPDATE s SET v = $1 WHERE id = $2", List.of());
    SQLException updated = failure(() -> drain(update.execute(List.of("long", 1))));
    assertThat(updated.getSQLState()).isEqualTo("22001");
    assertThat(rows("SELECT v, c FROM s")).containsExactly(List.of("abc", "xy "));
  }

  @Test
  void embeddedPreparedStatement_tooLong_isStringDataRightTruncation() throws SQLException {
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection(database.jdbcUrl());
        java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO s (id, v) VALUES (?, ?)")) {
      insert.setInt(1, 1);
      insert.setString(2, "abcdef");
      SQLException e = failure(insert::executeUpdate);
      assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("22001");
      insert.setString(2, "abc ");
      assertThat(insert.executeUpdate()).isEqualTo(1);
    }
    assertThat(rows("SELECT v FROM s")).containsExactly(List.of("abc"));
  }
}
