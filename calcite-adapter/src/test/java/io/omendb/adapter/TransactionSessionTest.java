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

/** Transaction blocks, isolation levels, UPDATE/DELETE and session settings through the Session API. */
class TransactionSessionTest {
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
    run(a, "INSERT INTO acct VALUES (1, 100), (2, 100)");
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

  private static List<List<Object>> rows(Session session, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (StatementResult result = session.execute(sql)) {
      for (Object[] row = result.next(); row != null; row = result.next()) {
        rows.add(Arrays.asList(row));
      }
    }
    return rows;
  }

  private static String state(Session session, String sql) {
    try {
      run(session, sql);
    } catch (SQLException e) {
      return e.getSQLState();
    }
    throw new AssertionError("expected an error from " + sql);
  }

  @Test
  void block_rollbackDiscardsAndStatusFollowsTheBlock() throws SQLException {
    assertThat(a.transactionStatus()).isEqualTo(TransactionStatus.IDLE);
    assertThat(run(a, "BEGIN")).isEqualTo("BEGIN");
    assertThat(a.transactionStatus()).isEqualTo(TransactionStatus.IN_TRANSACTION);
    assertThat(run(a, "INSERT INTO acct VALUES (3, 5)")).isEqualTo("INSERT 0 1");
    assertThat(rows(a, "SELECT count(*) FROM acct")).containsExactly(List.of(3L));
    assertThat(rows(b, "SELECT count(*) FROM acct")).containsExactly(List.of(2L));
    assertThat(run(a, "ROLLBACK")).isEqualTo("ROLLBACK");
    assertThat(a.transactionStatus()).isEqualTo(TransactionStatus.IDLE);
    assertThat(rows(a, "SELECT count(*) FROM acct")).containsExactly(List.of(2L));
  }

  @Test
  void block_errorFailsTheBlockUntilRollback() throws SQLException {
    run(a, "START TRANSACTION");
    run(a, "UPDATE acct SET balance = 0 WHERE id = 1");
    assertThat(state(a, "INSERT INTO acct VALUES (1, 1)")).isEqualTo("23505");
    assertThat(a.transactionStatus()).isEqualTo(TransactionStatus.FAILED);
    assertThat(state(a, "SELECT 1")).isEqualTo("25P02");
    assertThat(run(a, "COMMIT")).isEqualTo("ROLLBACK");
    assertThat(a.transactionStatus()).isEqualTo(TransactionStatus.IDLE);
    assertThat(rows(a, "SELECT balance FROM acct WHERE id = 1")).containsExactly(List.of(100));
  }

  @Test
  void updateAndDelete_commandTagsAndEffects() throws SQLException {
    assertThat(run(a, "UPDATE acct SET balance = balance + 1")).isEqualTo("UPDATE 2");
    assertThat(run(a, "UPDATE acct SET id = 10 WHERE id = 2")).isEqualTo("UPDATE 1");
    assertThat(run(a, "DELETE FROM acct WHERE id = 1")).isEqualTo("DELETE 1");
    assertThat(run(a, "DELETE FROM acct WHERE id = 99")).isEqualTo("DELETE 0");
    assertThat(rows(a, "SELECT id, balance FROM acct")).containsExactly(List.of(10, 101));
    assertThat(state(a, "UPDATE acct SET balance = NULL")).isEqualTo("23502");
  }

  @Test
  void updateAndDelete_onTableWithoutPrimaryKey() throws SQLException {
    run(a, "CREATE TABLE log (msg TEXT, n INT)");
    run(a, "INSERT INTO log VALUES ('x', 1), ('x', 1), ('y', 2)");
    assertThat(run(a, "UPDATE log SET n = 5 WHERE msg = 'x'")).isEqualTo("UPDATE 2");
    assertThat(run(a, "DELETE FROM log WHERE n = 5")).isEqualTo("DELETE 2");
    assertThat(rows(a, "SELECT msg, n FROM log")).containsExactly(List.of("y", 2));
  }

  @Test
  void lostUpdate_secondWriterGetsSerializationFailure() throws SQLException {
    run(a, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    run(b, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    assertThat(rows(a, "SELECT balance FROM acct WHERE id = 1")).containsExactly(List.of(100));
    assertThat(rows(b, "SELECT balance FROM acct WHERE id = 1")).containsExactly(List.of(100));
    run(a, "UPDATE acct SET balance = balance + 10 WHERE id = 1");
    run(b, "UPDATE acct SET balance = balance + 20 WHERE id = 1");
    assertThat(run(a, "COMMIT")).isEqualTo("COMMIT");
    assertThat(state(b, "COMMIT")).isEqualTo("40001");
    assertThat(b.transactionStatus()).isEqualTo(TransactionStatus.IDLE);
    assertThat(rows(b, "SELECT balance FROM acct WHERE id = 1")).containsExactly(List.of(110));
  }

  @Test
  void repeatableRead_seesOneSnapshot_readCommittedSeesNewCommits() throws SQLException {
    run(a, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    assertThat(rows(a, "SELECT sum(balance) FROM acct")).containsExactly(List.of(200L));
    run(b, "UPDATE acct SET balance = 0 WHERE id = 1");
    assertThat(rows(a, "SELECT sum(balance) FROM acct")).containsExactly(List.of(200L));
    run(a, "COMMIT");
    run(a, "BEGIN");
    assertThat(rows(a, "SHOW transaction_isolation")).containsExactly(List.of("read committed"));
    assertThat(rows(a, "SELECT sum(balance) FROM acct")).containsExactly(List.of(100L));
    run(b, "UPDATE acct SET balance = 0 WHERE id = 2");
    assertThat(rows(a, "SELECT sum(balance) FROM acct")).containsExactly(List.of(0L));
    run(a, "COMMIT");
  }

  @Test
  void writeSkew_serializableRefusesWhatRepeatableReadAllows() throws SQLException {
    for (String level : List.of("REPEATABLE READ", "SERIALIZABLE")) {
      run(a, "UPDATE acct SET balance = 1");
      run(a, "BEGIN ISOLATION LEVEL " + level);
      run(b, "BEGIN ISOLATION LEVEL " + level);
      assertThat(rows(a, "SELECT sum(balance) FROM acct")).containsExactly(List.of(2L));
      assertThat(rows(b, "SELECT sum(balance) FROM acct")).containsExactly(List.of(2L));
      run(a, "UPDATE acct SET balance = 0 WHERE id = 1");
      run(b, "UPDATE acct SET balance = 0 WHERE id = 2");
      assertThat(run(a, "COMMIT")).isEqualTo("COMMIT");
      if (level.equals("SERIALIZABLE")) {
        assertThat(state(b, "COMMIT")).isEqualTo("40001");
        assertThat(rows(a, "SELECT sum(balance) FROM acct")).containsExactly(List.of(1L));
      } else {
        assertThat(run(b, "COMMIT")).isEqualTo("COMMIT");
        assertThat(rows(a, "SELECT sum(balance) FROM acct")).containsExactly(List.of(0L));
      }
    }
  }

  @Test
  void setShowReset_parameters() throws SQLException {
    assertThat(run(a, "SET application_name = 'psql'")).isEqualTo("SET");
    assertThat(rows(a, "SHOW application_name")).containsExactly(List.of("psql"));
    assertThat(run(a, "SET search_path TO public, \"$user\"")).isEqualTo("SET");
    assertThat(rows(a, "SHOW search_path")).containsExactly(List.of("public, \"$user\""));
    assertThat(run(a, "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE")).isEqualTo("SET");
    assertThat(rows(a, "SHOW transaction_isolation")).containsExactly(List.of("serializable"));
    assertThat(run(a, "RESET ALL")).isEqualTo("RESET");
    assertThat(rows(a, "SHOW default_transaction_isolation")).containsExactly(List.of("read committed"));
    assertThat(state(a, "SHOW no_such_thing")).isEqualTo("42704");
    assertThat(state(a, "SET no_such_thing = 1")).isEqualTo("42704");
    assertThat(state(a, "SAVEPOINT s")).isEqualTo("0A000");
  }

  @Test
  void setTransaction_onlyBeforeTheFirstQuery() throws SQLException {
    run(a, "BEGIN");
    assertThat(run(a, "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE")).isEqualTo("SET");
    assertThat(rows(a, "SHOW transaction_isolation")).containsExactly(List.of("serializable"));
    rows(a, "SELECT 1");
    assertThat(state(a, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")).isEqualTo("25001");
    run(a, "ROLLBACK");
  }
}
