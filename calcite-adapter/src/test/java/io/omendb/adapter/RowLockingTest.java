package io.omendb.adapter;

import static org.assertj.core.api.Assertions.assertThat;

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

/** {@code SELECT ... FOR UPDATE/SHARE} between two sessions of one database. */
class RowLockingTest {
  @TempDir Path dir;
  private Database database;
  private Session a;
  private Session b;

  @BeforeEach
  void open() throws SQLException {
    database = Database.open(dir);
    a = database.openSession("a", Map.of());
    b = database.openSession("b", Map.of());
    run(a, "CREATE TABLE acct (id INT PRIMARY KEY, balance INT NOT NULL)");
    run(a, "INSERT INTO acct VALUES (1, 100), (2, 100), (3, 100)");
  }

  @AfterEach
  void close() {
    a.close();
    b.close();
    database.close();
  }

  private static String run(Session session, String sql) throws SQLException {
    try (StatementResult result = session.execute(sql)) {
      while (result.next() != null) {
        // drain
      }
      return result.commandTag();
    }
  }

  private static List<List<Object>> rows(StatementResult result) throws SQLException {
    try (result) {
      List<List<Object>> rows = new ArrayList<>();
      for (Object[] row = result.next(); row != null; row = result.next()) {
        rows.add(Arrays.asList(row));
      }
      return rows;
    }
  }

  private static SQLException error(Session session, String sql) {
    try {
      run(session, sql);
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("expected an error from " + sql);
  }

  @Test
  void forUpdate_lockerCommitsFirst_concurrentUpdateFailsAtCommit() throws SQLException {
    run(a, "BEGIN");
    assertThat(rows(a.execute("SELECT id, balance FROM acct WHERE id = 1 FOR UPDATE")))
        .containsExactly(List.of(1, 100));
    run(b, "BEGIN");
    run(b, "UPDATE acct SET balance = 0 WHERE id = 1");
    assertThat(run(a, "COMMIT")).isEqualTo("COMMIT");
    SQLException failure = error(b, "COMMIT");
    assertThat(failure.getSQLState()).isEqualTo("40001");
    assertThat(failure.getMessage()).contains("could not serialize access due to concurrent update");
    assertThat(rows(a.execute("SELECT balance FROM acct WHERE id = 1"))).containsExactly(List.of(100));
  }

  @Test
  void forUpdate_writerCommitsFirst_lockerFailsAtCommit() throws SQLException {
    run(a, "BEGIN");
    rows(a.execute("SELECT * FROM acct WHERE id = 2 FOR NO KEY UPDATE"));
    run(b, "DELETE FROM acct WHERE id = 2");
    assertThat(error(a, "COMMIT").getSQLState()).isEqualTo("40001");
  }

  @Test
  void forUpdate_rowChangedAfterSnapshot_failsAtTheSelect() throws SQLException {
    run(a, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    rows(a.execute("SELECT count(*) FROM acct"));
    run(b, "UPDATE acct SET balance = 1 WHERE id = 3");
    assertThat(error(a, "SELECT * FROM acct WHERE id = 3 FOR UPDATE").getSQLState()).isEqualTo("40001");
    assertThat(a.transactionStatus()).isEqualTo(TransactionStatus.FAILED);
    run(a, "ROLLBACK");
  }

  @Test
  void forUpdate_locksOnlyTheRowsItReturns() throws SQLException {
    run(a, "BEGIN");
    rows(a.execute("SELECT * FROM acct WHERE id = 1 FOR UPDATE"));
    run(b, "UPDATE acct SET balance = 7 WHERE id = 2");
    assertThat(run(a, "UPDATE acct SET balance = balance - 10 WHERE id = 1")).isEqualTo("UPDATE 1");
    assertThat(run(a, "COMMIT")).isEqualTo("COMMIT");
    assertThat(rows(b.execute("SELECT balance FROM acct ORDER BY id")))
        .containsExactly(List.of(90), List.of(7), List.of(100));
  }

  @Test
  void forUpdate_twoLockersOfOneRow_secondCommitFails() throws SQLException {
    run(a, "BEGIN");
    run(b, "BEGIN");
    rows(a.execute("SELECT * FROM acct FOR UPDATE"));
    rows(b.execute("SELECT * FROM acct WHERE id = 3 FOR UPDATE OF acct NOWAIT"));
    run(a, "COMMIT");
    assertThat(error(b, "COMMIT").getSQLState()).isEqualTo("40001");
  }

  @Test
  void forShare_sharersDoNotConflict_aWriterBeforeTheirCommitDoes() throws SQLException {
    run(a, "BEGIN");
    run(b, "BEGIN");
    rows(a.execute("SELECT * FROM acct x WHERE id = 1 FOR SHARE OF x"));
    rows(b.execute("SELECT * FROM acct WHERE id = 1 FOR KEY SHARE"));
    assertThat(run(a, "COMMIT")).isEqualTo("COMMIT");
    assertThat(run(b, "COMMIT")).isEqualTo("COMMIT");
    run(a, "BEGIN");
    rows(a.execute("SELECT * FROM acct WHERE id = 1 FOR SHARE"));
    run(b, "UPDATE acct SET balance = 5 WHERE id = 1");
    assertThat(error(a, "COMMIT").getSQLState()).isEqualTo("40001");
  }

  @Test
  void forUpdate_preparedWithParameter_locksTheBoundRow() throws SQLException {
    PreparedQuery select = a.prepare("SELECT balance FROM acct WHERE id = $1 FOR UPDATE", List.of());
    assertThat(select.columns()).extracting(ColumnMeta::name).containsExactly("balance");
    run(a, "BEGIN");
    assertThat(rows(select.execute(List.of(2)))).containsExactly(List.of(100));
    run(b, "BEGIN");
    run(b, "UPDATE acct SET balance = 0 WHERE id = 2");
    run(a, "COMMIT");
    assertThat(error(b, "COMMIT").getSQLState()).isEqualTo("40001");
  }

  @Test
  void forUpdate_outsideABlock_runsAndLocksNothingAfterwards() throws SQLException {
    assertThat(rows(a.execute("select id from acct where balance > 50 order by id for update")))
        .containsExactly(List.of(1), List.of(2), List.of(3));
    assertThat(run(b, "UPDATE acct SET balance = 0")).isEqualTo("UPDATE 3");
    run(a, "BEGIN");
    rows(a.execute("SELECT id FROM acct WHERE id = 1"));
    run(b, "UPDATE acct SET balance = 1 WHERE id = 1");
    assertThat(run(a, "COMMIT")).isEqualTo("COMMIT");
  }

  @Test
  void forUpdate_refusedShapes() {
    assertThat(error(a, "SELECT count(*) FROM acct GROUP BY balance FOR UPDATE").getSQLState())
        .isEqualTo("0A000");
    assertThat(error(a, "SELECT DISTINCT balance FROM acct FOR SHARE").getMessage())
        .contains("FOR SHARE is not allowed with DISTINCT clause");
    assertThat(error(a, "SELECT id FROM acct UNION SELECT id FROM acct FOR UPDATE").getSQLState())
        .isEqualTo("0A000");
    assertThat(error(a, "SELECT * FROM acct FOR UPDATE SKIP LOCKED").getSQLState()).isEqualTo("0A000");
    SQLException missing = error(a, "SELECT * FROM acct x FOR UPDATE OF acct");
    assertThat(missing.getSQLState()).isEqualTo("42P01");
    assertThat(missing.getMessage()).contains("relation \"acct\" in FOR UPDATE clause not found in FROM clause");
  }

  @Test
  void forUpdate_textInStringsAndSystemTimeUntouched() throws SQLException {
    assertThat(rows(a.execute("SELECT 'x FOR UPDATE' AS s FROM acct WHERE id = 1")))
        .containsExactly(List.of("x FOR UPDATE"));
    assertThat(RowLocking.extract("SELECT * FROM t FOR SYSTEM_TIME AS OF TIMESTAMP '2024-01-01'")).isNull();
    assertThat(RowLocking.extract("SELECT * FROM t WHERE id IN (SELECT id FROM u FOR UPDATE)")).isNull();
  }
}
