package io.omendb.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** INSERT, UPDATE and DELETE with RETURNING through a session: rows, columns, command tags, privileges. */
class ReturningTest {
  @TempDir Path dir;
  private Database database;
  private Session session;

  @BeforeEach
  void open() throws SQLException {
    database = Database.open(dir);
    session = database.openSession("tester", Map.of());
    run("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, qty INT DEFAULT 5)");
  }

  @AfterEach
  void close() {
    session.close();
    database.close();
  }

  /** The rows a statement returns, then its command tag as the last element. */
  private List<Object> result(String sql) throws SQLException {
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

  @Test
  void insertReturning_star_givesInsertedRowsWithDefaults() throws SQLException {
    assertThat(result("INSERT INTO items (id, name) VALUES (1, 'a'), (2, 'b') RETURNING *"))
        .containsExactly(List.of(1, "a", 5), List.of(2, "b", 5), "INSERT 0 2");
  }

  @Test
  void insertReturning_expressionsAndAliases_describedColumns() throws SQLException {
    try (StatementResult result = session.execute(
        "INSERT INTO items VALUES (3, 'c', 7) RETURNING id * 10 AS tens, upper(name) big, qty")) {
      assertThat(result.hasRows()).isTrue();
      assertThat(result.columns()).extracting(ColumnMeta::name).containsExactly("tens", "big", "qty");
      assertThat(result.next()).containsExactly(30, "C", 7);
      assertThat(result.next()).isNull();
      assertThat(result.commandTag()).isEqualTo("INSERT 0 1");
    }
    assertThat(result("SELECT count(*) FROM items")).containsExactly(List.of(1L), "SELECT 1");
  }

  @Test
  void updateReturning_newValuesAndTableAlias() throws SQLException {
    run("INSERT INTO items VALUES (1, 'a', 1), (2, 'b', 2), (3, 'c', 3)");
    assertThat(result("UPDATE items AS i SET qty = qty + 100 WHERE id >= 2 RETURNING i.id, i.qty"))
        .containsExactly(List.of(2, 102), List.of(3, 103), "UPDATE 2");
    assertThat(result("UPDATE items SET qty = 0 WHERE id = 99 RETURNING id")).containsExactly("UPDATE 0");
  }

  @Test
  void deleteReturning_oldRows() throws SQLException {
    run("INSERT INTO items VALUES (1, 'a', 1), (2, 'b', 2)");
    assertThat(result("DELETE FROM items WHERE id = 1 RETURNING name, qty"))
        .containsExactly(List.of("a", 1), "DELETE 1");
    assertThat(result("DELETE FROM items RETURNING id")).containsExactly(List.of(2), "DELETE 1");
    assertThat(result("SELECT count(*) FROM items")).containsExactly(List.of(0L), "SELECT 1");
  }

  @Test
  void returning_preparedWithPlaceholders_bindsDmlAndItemParameters() throws SQLException {
    try (PreparedQuery query = session.prepare(
        "INSERT INTO items (id, name) VALUES ($1, $2) RETURNING id + $3 AS shifted, name", List.of())) {
      assertThat(query.parameterTypes()).containsExactly(Types.INTEGER, Types.VARCHAR, Types.INTEGER);
      assertThat(query.columns()).extracting(ColumnMeta::name).containsExactly("shifted", "name");
      try (StatementResult result = query.execute(List.of(4, "d", 1000))) {
        assertThat(result.next()).containsExactly(1004, "d");
        assertThat(result.next()).isNull();
        assertThat(result.commandTag()).isEqualTo("INSERT 0 1");
      }
    }
  }

  @Test
  void returning_failedWrite_rollsBackAndReturnsNothing() throws SQLException {
    run("INSERT INTO items VALUES (1, 'a', 1)");
    assertThatThrownBy(() -> result("INSERT INTO items VALUES (2, 'b', 2), (1, 'dup', 3) RETURNING id"))
        .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23505");
    assertThat(result("SELECT id FROM items")).containsExactly(List.of(1), "SELECT 1");
  }

  @Test
  void returning_unknownColumn_isUndefinedColumn() {
    assertThatThrownBy(() -> result("INSERT INTO items VALUES (1, 'a', 1) RETURNING nope"))
        .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42703");
  }

  @Test
  void returning_numericExpression_keepsType() throws SQLException {
    run("CREATE TABLE prices (id INT PRIMARY KEY, price NUMERIC(8, 2))");
    assertThat(result("INSERT INTO prices VALUES (1, 2.50) RETURNING price * 2"))
        .containsExactly(List.of(new BigDecimal("5.00")), "INSERT 0 1");
  }

  @Test
  void returning_withoutSelectPrivilege_isDeniedAndWritesNothing() throws SQLException {
    run("CREATE USER tester SUPERUSER");
    run("CREATE USER alice");
    run("GRANT INSERT, UPDATE ON items TO alice");
    try (Session alice = database.openSession("alice", Map.of())) {
      assertThat(alice.execute("INSERT INTO items VALUES (1, 'a', 1)").commandTag()).isEqualTo("INSERT 0 1");
      assertThatThrownBy(() -> alice.execute("INSERT INTO items VALUES (2, 'b', 2) RETURNING id"))
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("42501");
            assertThat(e.getMessage()).isEqualTo("permission denied for table items");
          });
      assertThatThrownBy(() -> alice.execute("UPDATE items SET qty = 0 RETURNING qty"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
      run("GRANT SELECT ON items TO alice");
      try (StatementResult result = alice.execute("INSERT INTO items VALUES (3, 'c', 3) RETURNING name")) {
        assertThat(result.next()).containsExactly("c");
      }
    }
    assertThat(result("SELECT id FROM items ORDER BY id")).containsExactly(List.of(1), List.of(3), "SELECT 2");
  }
}
