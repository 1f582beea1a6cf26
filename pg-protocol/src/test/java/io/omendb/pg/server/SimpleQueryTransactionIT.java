package io.omendb.pg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.omendb.adapter.Database;
import io.omendb.pg.message.BackendMessage;
import io.omendb.pg.message.CommandComplete;
import io.omendb.pg.message.ErrorResponse;
import io.omendb.pg.message.NoticeResponse;
import io.omendb.pg.message.ReadyForQuery;
import io.omendb.pg.message.TransactionIndicator;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simple Query holding several statements runs in one implicit transaction, checked with pgjdbc in simple mode,
 * psql -c and raw messages against the answers of PostgreSQL 15.
 */
class SimpleQueryTransactionIT {
  @TempDir Path dataDir;
  private Database database;
  private PgServer server;

  @BeforeEach
  void start() throws Exception {
    database = Database.open(dataDir);
    server = new PgServer(database, PgServerConfig.loopback(0));
    server.start();
    try (Connection conn = connect(); Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE t (id INT PRIMARY KEY)");
    }
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void pgjdbcSimpleMode_errorInTheLastStatement_rollsBackTheInserts() throws Exception {
    try (Connection conn = connect(); Statement st = conn.createStatement()) {
      assertThatThrownBy(() -> st.execute("INSERT INTO t VALUES (1); INSERT INTO t VALUES (2); SELECT 1/0"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22012"));
      assertThat(ids(st)).isEmpty();
      st.execute("INSERT INTO t VALUES (3); INSERT INTO t VALUES (4)");
      assertThat(ids(st)).containsExactly(3, 4);
    }
  }

  @Test
  void pgjdbcSimpleMode_duplicateKeyInTheSecondInsert_rollsBackTheFirst() throws Exception {
    try (Connection conn = connect(); Statement st = conn.createStatement()) {
      assertThatThrownBy(() -> st.execute("INSERT INTO t VALUES (1); INSERT INTO t VALUES (1)"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
      assertThat(ids(st)).isEmpty();
    }
  }

  @Test
  void pgjdbcSimpleMode_commitInTheMessage_keepsTheInsertBeforeIt() throws Exception {
    try (Connection conn = connect(); Statement st = conn.createStatement()) {
      assertThatThrownBy(() -> st.execute(
          "INSERT INTO t VALUES (3); COMMIT; INSERT INTO t VALUES (4); SELECT 1/0"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22012"));
      assertThat(ids(st)).containsExactly(3);
    }
  }

  @Test
  void rawQuery_commitAndRollbackInTheMessage_warnAndEndTheImplicitBlock() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      client.startup("omen");
      List<BackendMessage> answer = client.query(
          "INSERT INTO t VALUES (6); ROLLBACK; INSERT INTO t VALUES (7); COMMIT; INSERT INTO t VALUES (8)");
      assertThat(answer).filteredOn(NoticeResponse.class::isInstance).hasSize(2).allSatisfy(notice -> {
        NoticeResponse n = (NoticeResponse) notice;
        assertThat(n.severity()).isEqualTo("WARNING");
        assertThat(n.sqlState()).isEqualTo("25P01");
        assertThat(n.message()).isEqualTo("there is no transaction in progress");
      });
      assertThat(answer).filteredOn(CommandComplete.class::isInstance).containsExactly(
          new CommandComplete("INSERT 0 1"), new CommandComplete("ROLLBACK"), new CommandComplete("INSERT 0 1"),
          new CommandComplete("COMMIT"), new CommandComplete("INSERT 0 1"));
      assertThat(answer).last().isEqualTo(new ReadyForQuery(TransactionIndicator.IDLE));
    }
    try (Connection conn = connect(); Statement st = conn.createStatement()) {
      assertThat(ids(st)).containsExactly(7, 8);
    }
  }

  @Test
  void rawQuery_explicitBeginInTheMessage_leavesTheBlockOpen() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      client.startup("omen");
      List<BackendMessage> answer = client.query("INSERT INTO t VALUES (1); BEGIN; INSERT INTO t VALUES (2)");
      assertThat(answer).filteredOn(NoticeResponse.class::isInstance).isEmpty();
      assertThat(answer).last().isEqualTo(new ReadyForQuery(TransactionIndicator.IN_TRANSACTION));
      assertThat(committedIds()).isEmpty();
      answer = client.query("ROLLBACK");
      assertThat(answer).last().isEqualTo(new ReadyForQuery(TransactionIndicator.IDLE));
    }
    assertThat(committedIds()).isEmpty();
  }

  @Test
  void rawQuery_errorAfterInserts_endsTheQueryIdleWithNoRows() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      client.startup("omen");
      List<BackendMessage> answer = client.query(
          "INSERT INTO t VALUES (1); INSERT INTO t VALUES (2); SELECT 1/0; INSERT INTO t VALUES (3)");
      assertThat(answer).filteredOn(CommandComplete.class::isInstance)
          .containsExactly(new CommandComplete("INSERT 0 1"), new CommandComplete("INSERT 0 1"));
      assertThat(answer).filteredOn(ErrorResponse.class::isInstance).singleElement()
          .isInstanceOfSatisfying(ErrorResponse.class, e -> assertThat(e.sqlState()).isEqualTo("22012"));
      assertThat(answer).last().isEqualTo(new ReadyForQuery(TransactionIndicator.IDLE));
    }
    assertThat(committedIds()).isEmpty();
  }

  @Test
  void psql_errorInTheLastStatement_rollsBackTheInserts() throws Exception {
    String output = psql("INSERT INTO t VALUES (1); INSERT INTO t VALUES (2); SELECT 1/0");
    assertThat(output).contains("ERROR:  division by zero");
    assertThat(committedIds()).isEmpty();
    output = psql("INSERT INTO t VALUES (3); COMMIT; INSERT INTO t VALUES (4); SELECT 1/0");
    assertThat(output).contains("WARNING:  there is no transaction in progress", "ERROR:  division by zero");
    assertThat(committedIds()).containsExactly(3);
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + server.port() + "/omendb?user=omen&preferQueryMode=simple");
  }

  private List<Integer> committedIds() throws SQLException {
    try (Connection conn = connect(); Statement st = conn.createStatement()) {
      return ids(st);
    }
  }

  private static List<Integer> ids(Statement st) throws SQLException {
    List<Integer> ids = new ArrayList<>();
    try (ResultSet rs = st.executeQuery("SELECT id FROM t ORDER BY id")) {
      while (rs.next()) {
        ids.add(rs.getInt(1));
      }
    }
    return ids;
  }

  private String psql(String sql) throws Exception {
    String psql = findPsql();
    assumeTrue(psql != null, "psql is not installed");
    ProcessBuilder builder = new ProcessBuilder(psql, "-X", "-A", "-t",
        "host=127.0.0.1 port=" + server.port() + " user=omen dbname=omendb connect_timeout=10 sslmode=disable",
        "-c", sql).redirectErrorStream(true);
    Process process = builder.start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("psql did not finish");
    }
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static String findPsql() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      File candidate = new File(dir, "psql");
      if (candidate.canExecute()) {
        return candidate.getPath();
      }
    }
    return null;
  }
}
