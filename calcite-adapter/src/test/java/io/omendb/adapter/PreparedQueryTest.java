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

/** {@link Session#prepare}: placeholders, inferred and declared parameter types, plan reuse, control statements. */
class PreparedQueryTest {
  @TempDir Path dir;
  private Database database;
  private Session session;

  @BeforeEach
  void open() throws SQLException {
    database = Database.open(dir);
    session = database.openSession("tester", Map.of());
    run("CREATE TABLE item (id INT PRIMARY KEY, name VARCHAR(20), price DECIMAL(10, 2), made DATE,"
        + " seen TIMESTAMP, ok BOOLEAN, data BYTEA, score DOUBLE)");
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

  private static List<List<Object>> rows(StatementResult result) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (result) {
      for (Object[] row = result.next(); row != null; row = result.next()) {
        rows.add(Arrays.asList(row));
      }
    }
    return rows;
  }

  @Test
  void prepare_insertInfersParameterTypesFromColumns() throws SQLException {
    PreparedQuery insert = session.prepare(
        "INSERT INTO item (id, name, price, made, seen, ok, data, score) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        List.of());

    assertThat(insert.parameterTypes()).containsExactly(Types.INTEGER, Types.VARCHAR, Types.DECIMAL, Types.DATE,
        Types.TIMESTAMP, Types.BOOLEAN, Types.VARBINARY, Types.DOUBLE);
    assertThat(insert.columns()).isEmpty();
    try (StatementResult result = insert.execute(Arrays.asList(
        "1", "ann", "9.99", "2024-02-29", "2024-02-29 10:11:12.5", "t", "\\x0102ff", "1.5"))) {
      assertThat(result.commandTag()).isEqualTo("INSERT 0 1");
    }
    try (StatementResult result = insert.execute(Arrays.asList(2, null, null, null, null, null, null, null))) {
      assertThat(result.commandTag()).isEqualTo("INSERT 0 1");
    }

    PreparedQuery select = session.prepare("SELECT id, name, price, made, seen, ok, data, score FROM item"
        + " WHERE id = $1", List.of());
    assertThat(select.columns()).extracting(ColumnMeta::name)
        .containsExactly("id", "name", "price", "made", "seen", "ok", "data", "score");
    List<List<Object>> rows = rows(select.execute(List.of(1)));
    assertThat(rows).hasSize(1);
    List<Object> row = rows.get(0);
    assertThat(row.subList(0, 3)).containsExactly(1, "ann", new BigDecimal("9.99"));
    assertThat(row.get(3)).hasToString("2024-02-29");
    assertThat(row.get(4)).hasToString("2024-02-29 10:11:12.5");
    assertThat(row.get(5)).isEqualTo(true);
    assertThat((byte[]) row.get(6)).containsExactly(1, 2, 0xff);
    assertThat(row.get(7)).isEqualTo(1.5);
    assertThat(rows(select.execute(List.of(2)))).containsExactly(Arrays.asList(2, null, null, null, null, null,
        null, null));
  }

  @Test
  void prepare_repeatedAndOutOfOrderPlaceholders() throws SQLException {
    run("INSERT INTO item (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c')");
    PreparedQuery query = session.prepare(
        "SELECT id FROM item WHERE id >= $2 AND id <= $1 OR id = $2 + 10 ORDER BY id", List.of());

    assertThat(query.parameterTypes()).containsExactly(Types.INTEGER, Types.INTEGER);
    assertThat(rows(query.execute(List.of(2, 1)))).containsExactly(List.of(1), List.of(2));
    assertThat(rows(query.execute(List.of(3, 3)))).containsExactly(List.of(3));
  }

  @Test
  void prepare_placeholdersInsideLiteralsAndCommentsAreText() throws SQLException {
    PreparedQuery query = session.prepare(
        "SELECT '$1' AS a, 'it''s $2' AS b, \"$3\" /* $2 */ -- $3\n FROM (SELECT 1 AS \"$3\") x,"
            + " item WHERE id = $1", List.of());

    assertThat(query.parameterTypes()).containsExactly(Types.INTEGER);
  }

  @Test
  void placeholders_skipDollarQuotedStringsAndIdentifiers() {
    PlaceholderRewriter.Placeholders found = PlaceholderRewriter.find("SELECT $$ $1 $$, $tag$ $2 $tag$, a$1, E'\\' $1', $2");

    assertThat(found.parameters()).containsExactly(1);
    assertThat(found.parameterCount()).isEqualTo(2);
    assertThat(found.rewrite(p -> "?")).isEqualTo("SELECT $$ $1 $$, $tag$ $2 $tag$, a$1, E'\\' $1', ?");
  }

  @Test
  void prepare_bareParameterTakesTheDeclaredTypeOrText() throws SQLException {
    PreparedQuery query = session.prepare("SELECT $1 AS a, $2 AS b", List.of(Types.INTEGER));

    assertThat(query.parameterTypes()).containsExactly(Types.INTEGER, Types.VARCHAR);
    assertThat(rows(query.execute(List.of("41", "x")))).containsExactly(List.of(41, "x"));
  }

  @Test
  void prepare_declaredTypeWinsAndValuesConvert() throws SQLException {
    PreparedQuery insert = session.prepare("INSERT INTO item (id, name) VALUES ($1, $2)",
        List.of(Types.VARCHAR, Types.VARCHAR));

    assertThat(insert.parameterTypes()).containsExactly(Types.VARCHAR, Types.VARCHAR);
    rows(insert.execute(List.of("7", "seven")));
    assertThat(rows(session.prepare("SELECT name FROM item WHERE id = 7", List.of()).execute(List.of())))
        .containsExactly(List.of("seven"));
  }

  @Test
  void execute_wrongNumberOfValues_is08P01() throws SQLException {
    PreparedQuery query = session.prepare("SELECT id FROM item WHERE id = $1", List.of());

    assertThatThrownBy(() -> query.execute(List.of()))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08P01"));
  }

  @Test
  void execute_badValue_is22P02() throws SQLException {
    PreparedQuery query = session.prepare("SELECT id FROM item WHERE id = $1", List.of());

    assertThatThrownBy(() -> query.execute(List.of("one")))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22P02"));
  }

  @Test
  void prepare_parseError_is42601() {
    assertThatThrownBy(() -> session.prepare("SELEC 1", List.of()))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42601"));
  }

  @Test
  void prepare_controlStatementsRunThroughTheSession() throws SQLException {
    PreparedQuery begin = session.prepare("BEGIN", List.of());
    PreparedQuery show = session.prepare("SHOW TimeZone", List.of());
    PreparedQuery commit = session.prepare("COMMIT", List.of());

    assertThat(begin.columns()).isEmpty();
    assertThat(show.columns()).extracting(ColumnMeta::name).containsExactly("timezone");
    try (StatementResult result = begin.execute(List.of())) {
      assertThat(result.commandTag()).isEqualTo("BEGIN");
    }
    assertThat(session.transactionStatus()).isEqualTo(TransactionStatus.IN_TRANSACTION);
    assertThat(rows(show.execute(List.of()))).containsExactly(List.of("UTC"));
    rows(commit.execute(List.of()));
    assertThat(session.transactionStatus()).isEqualTo(TransactionStatus.IDLE);
  }

  @Test
  void prepare_inFailedBlock_is25P02_exceptRollback() throws SQLException {
    run("BEGIN");
    assertThatThrownBy(() -> run("SELECT * FROM missing")).isInstanceOf(SQLException.class);

    assertThatThrownBy(() -> session.prepare("SELECT 1", List.of()))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25P02"));
    rows(session.prepare("ROLLBACK", List.of()).execute(List.of()));
    assertThat(session.transactionStatus()).isEqualTo(TransactionStatus.IDLE);
  }

  @Test
  void execute_reusesThePlanAcrossExecutions() throws SQLException {
    PreparedQuery insert = session.prepare("INSERT INTO item (id, name) VALUES ($1, $2)", List.of());
    for (int i = 0; i < 50; i++) {
      rows(insert.execute(List.of(i, "n" + i)));
    }
    PreparedQuery count = session.prepare("SELECT count(*) FROM item WHERE id < $1", List.of());

    assertThat(rows(count.execute(List.of(50)))).containsExactly(List.of(50L));
    assertThat(rows(count.execute(List.of(10)))).containsExactly(List.of(10L));
  }
}
