package io.omendb.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code FOR SYSTEM_TIME AS OF} and {@code AS OF SYSTEM TIME} through the embedded driver: the times are captured
 * with {@code now()} between the statements, so the expected rows follow from the order of the statements alone.
 */
class TimeTravelTest {
  @TempDir Path dir;
  private Connection connection;
  private Statement statement;
  /** The times after each step: inserted, updated, deleted, re-inserted. */
  private String inserted;
  private String updated;
  private String deleted;
  private String reinserted;

  @BeforeEach
  void load() throws SQLException, InterruptedException {
    connection = DriverManager.getConnection(OmenDriver.PREFIX + dir);
    statement = connection.createStatement();
    statement.execute("CREATE TABLE acct (id INT PRIMARY KEY, owner TEXT, balance BIGINT)");
    statement.execute("CREATE INDEX acct_owner ON acct (owner)");
    statement.execute("INSERT INTO acct VALUES (1, 'ann', 100), (2, 'bob', 200)");
    inserted = now();
    statement.execute("UPDATE acct SET balance = 150, owner = 'amy' WHERE id = 1");
    updated = now();
    statement.execute("DELETE FROM acct WHERE id = 1");
    deleted = now();
    statement.execute("INSERT INTO acct VALUES (1, 'ann', 300)");
    reinserted = now();
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  /**
   * The current time as a TIMESTAMP literal's text, strictly between the commits before and after it (with its
   * milliseconds: Calcite types {@code now()} as TIMESTAMP(0)).
   */
  private String now() throws SQLException, InterruptedException {
    Thread.sleep(3);
    String now;
    try (ResultSet rs = statement.executeQuery("SELECT CAST(now() AS TIMESTAMP(3))")) {
      rs.next();
      now = rs.getString(1);
    }
    Thread.sleep(3);
    return now;
  }

  private List<String> rows(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int c = 1; c <= n; c++) {
          row.append(c == 1 ? "" : "|").append(rs.getString(c));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  private String plan(String sql) throws SQLException {
    try (ResultSet rs = statement.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String asOf(String time) {
    return " FOR SYSTEM_TIME AS OF TIMESTAMP '" + time + "'";
  }

  @Test
  void forSystemTime_pointQueryByKeySeesEachVersion() throws SQLException {
    String query = "SELECT owner, balance FROM acct%s WHERE id = 1";
    assertThat(rows(query.formatted(asOf(inserted)))).containsExactly("ann|100");
    assertThat(rows(query.formatted(asOf(updated)))).containsExactly("amy|150");
    assertThat(rows(query.formatted(asOf(deleted)))).isEmpty();
    assertThat(rows(query.formatted(asOf(reinserted)))).containsExactly("ann|300");
    assertThat(rows(query.formatted(""))).containsExactly("ann|300");
    // the key lookup (ALEX directory, current versions) is not used for the past: a versioned scan under a filter
    String plan = plan(query.formatted(asOf(inserted)));
    assertThat(plan).contains("StoreAsOfScan").doesNotContain("StoreIndexSeek");
    assertThat(plan).contains(inserted.substring(0, 19));
  }

  @Test
  void forSystemTime_secondaryIndexColumnSeesPastValues() throws SQLException {
    String query = "SELECT id FROM acct%s WHERE owner = 'ann'";
    assertThat(rows(query.formatted(asOf(inserted)))).containsExactly("1");
    assertThat(rows(query.formatted(asOf(updated)))).isEmpty();
    assertThat(rows("SELECT id FROM acct" + asOf(updated) + " WHERE owner = 'amy'")).containsExactly("1");
    assertThat(rows(query.formatted(""))).containsExactly("1");
    assertThat(plan(query.formatted(asOf(updated)))).doesNotContain("StoreIndexSeek");
  }

  @Test
  void forSystemTime_joinReadsEachTableAtItsOwnTime() throws SQLException {
    assertThat(rows("SELECT a.id, a.balance, b.balance FROM acct" + asOf(inserted) + " AS a JOIN acct"
        + asOf(reinserted) + " AS b ON a.id = b.id ORDER BY a.id")).containsExactly("1|100|300", "2|200|200");
    assertThat(rows("SELECT a.id, b.id FROM acct" + asOf(updated) + " AS a LEFT JOIN acct" + asOf(deleted)
        + " AS b ON a.id = b.id ORDER BY a.id")).containsExactly("1|null", "2|2");
    assertThat(rows("SELECT a.id, b.balance FROM acct" + asOf(inserted) + " AS a JOIN acct AS b ON a.id = b.id"
        + " ORDER BY a.id")).containsExactly("1|300", "2|200");
  }

  @Test
  void forSystemTime_expressionsOfNow() throws SQLException {
    // ten minutes ago the table had no rows (it did not exist; its rows are all newer)
    assertThat(rows("SELECT id FROM acct FOR SYSTEM_TIME AS OF now() - INTERVAL '10' MINUTE")).isEmpty();
    assertThat(rows("SELECT count(*) FROM acct FOR SYSTEM_TIME AS OF CURRENT_TIMESTAMP")).containsExactly("2");
  }

  @Test
  void forSystemTime_beforeTheRetentionWindowOrInTheFuture() {
    assertThatThrownBy(() -> rows("SELECT id FROM acct FOR SYSTEM_TIME AS OF now() - INTERVAL '2' HOUR"))
        .isInstanceOf(SQLException.class).hasMessageContaining("snapshot too old")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("72000");
    assertThatThrownBy(() -> rows("SELECT id FROM acct FOR SYSTEM_TIME AS OF TIMESTAMP '2000-01-01 00:00:00'"))
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("72000");
    assertThatThrownBy(() -> rows("SELECT id FROM acct FOR SYSTEM_TIME AS OF now() + INTERVAL '1' HOUR"))
        .isInstanceOf(SQLException.class).hasMessageContaining("in the future")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22023");
  }

  @Test
  void forSystemTime_insertFromThePastRestoresRows() throws SQLException {
    statement.execute("CREATE TABLE restored (id INT PRIMARY KEY, owner TEXT, balance BIGINT)");
    statement.execute("INSERT INTO restored SELECT * FROM acct" + asOf(updated));
    assertThat(rows("SELECT * FROM restored ORDER BY id")).containsExactly("1|amy|150", "2|bob|200");
  }

  private static String systemTime(String time) {
    return " AS OF SYSTEM TIME '" + time + "'";
  }

  @Test
  void asOfSystemTime_wholeStatementReadsOneSnapshot() throws SQLException {
    assertThat(rows("SELECT a.id, a.owner AS a_owner, b.owner AS b_owner FROM acct a JOIN acct b ON a.id = b.id"
        + systemTime(updated) + " ORDER BY a.id")).containsExactly("1|amy|amy", "2|bob|bob");
    // point query by key: plans may use the key directory and index seeks, which the engine answers at the snapshot
    assertThat(rows("SELECT balance FROM acct" + systemTime(inserted) + " WHERE id = 1")).containsExactly("100");
    assertThat(rows("SELECT balance FROM acct" + systemTime(deleted) + " WHERE id = 1")).isEmpty();
    assertThat(rows("SELECT balance FROM acct" + systemTime(reinserted) + " WHERE id = 1")).containsExactly("300");
    assertThat(rows("SELECT id FROM acct" + systemTime(updated) + " WHERE owner = 'amy'")).containsExactly("1");
    assertThat(rows("SELECT id FROM acct" + systemTime(inserted) + " WHERE owner = 'amy'")).isEmpty();
    assertThat(rows("SELECT count(*) FROM acct AS OF SYSTEM TIME now() - INTERVAL '10' MINUTE"))
        .containsExactly("0");
    assertThat(rows("SELECT count(*) FROM acct AS OF SYSTEM TIME '-10m'")).containsExactly("0");
  }

  @Test
  void asOfSystemTime_explainShowsTheSnapshot() throws SQLException {
    List<String> plan = rows("EXPLAIN SELECT * FROM acct" + systemTime(updated));
    assertThat(plan.get(plan.size() - 1)).startsWith("Snapshot: AS OF SYSTEM TIME '");
  }

  @Test
  void asOfSystemTime_writesAndErrors() {
    assertThatThrownBy(() -> statement.execute("DELETE FROM acct AS OF SYSTEM TIME '-1s'"))
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("25006");
    assertThatThrownBy(() -> rows("SELECT * FROM acct AS OF SYSTEM TIME '2000-01-01 00:00:00'"))
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("72000");
    assertThatThrownBy(() -> rows("SELECT * FROM acct AS OF SYSTEM TIME now() + INTERVAL '1' HOUR"))
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22023");
  }

  @Test
  void beginAsOfSystemTime_readOnlyBlock() throws SQLException {
    statement.execute("BEGIN AS OF SYSTEM TIME '" + updated + "'");
    assertThat(rows("SELECT owner FROM acct WHERE id = 1")).containsExactly("amy");
    assertThat(rows("SELECT count(*) FROM acct")).containsExactly("2");
    assertThatThrownBy(() -> statement.execute("INSERT INTO acct VALUES (9, 'x', 1)"))
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("25006");
    statement.execute("ROLLBACK");
    statement.execute("BEGIN");
    statement.execute("SET TRANSACTION AS OF SYSTEM TIME '" + inserted + "'");
    assertThat(rows("SELECT owner, balance FROM acct WHERE id = 1")).containsExactly("ann|100");
    statement.execute("COMMIT");
    assertThat(rows("SELECT balance FROM acct WHERE id = 1")).containsExactly("300");
  }
}
