package io.omendb.pg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.adapter.Database;
import io.omendb.pg.message.BackendMessage;
import io.omendb.pg.message.CommandComplete;
import io.omendb.pg.message.DataRow;
import io.omendb.pg.message.ErrorResponse;
import io.omendb.pg.message.ReadyForQuery;
import io.omendb.pg.message.TransactionIndicator;
import java.io.IOException;
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

/** The whole stack: real pgjdbc, over the wire, to a real {@link Database} in a temporary directory. */
class PgServerIT {

  @TempDir
  Path dataDir;

  private Database database;
  private PgServer server;

  @BeforeEach
  void start() throws Exception {
    database = Database.open(dataDir);
    server = new PgServer(database, PgServerConfig.loopback(0));
    server.start();
  }

  @AfterEach
  void stop() {
    // The server first, so that every session is closed before the database.
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void createInsertSelect_roundTripsThroughPgjdbc() throws SQLException {
    try (Connection conn = connect(); Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, score DOUBLE)");
      assertThat(st.executeUpdate("INSERT INTO person VALUES (1, 'ann', 1.5), (2, 'bob', NULL), (3, 'cy', 0.1)"))
          .isEqualTo(3);

      assertThat(rows(st, "SELECT id, name, score FROM person ORDER BY id"))
          .containsExactly("1|ann|1.5", "2|bob|null", "3|cy|0.1");
      assertThat(rows(st, "SELECT name FROM person WHERE id = 2")).containsExactly("bob");
    }
  }

  @Test
  void join_and_groupBy() throws SQLException {
    try (Connection conn = connect(); Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE dept (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL)");
      st.execute("CREATE TABLE emp (id INT PRIMARY KEY, dept_id INT NOT NULL, salary INT NOT NULL)");
      st.executeUpdate("INSERT INTO dept VALUES (1, 'eng'), (2, 'ops')");
      st.executeUpdate("INSERT INTO emp VALUES (10, 1, 100), (11, 1, 200), (12, 2, 50)");

      assertThat(rows(st, "SELECT e.id, d.name FROM emp e JOIN dept d ON e.dept_id = d.id ORDER BY e.id"))
          .containsExactly("10|eng", "11|eng", "12|ops");
      assertThat(rows(st, "SELECT d.name, COUNT(*), SUM(e.salary) FROM emp e JOIN dept d ON e.dept_id = d.id"
          + " GROUP BY d.name ORDER BY d.name"))
          .containsExactly("eng|2|300", "ops|1|50");
    }
  }

  @Test
  void syntaxError_is42601() throws SQLException {
    assertSqlState("SELEC 1", "42601");
  }

  @Test
  void undefinedTable_is42P01() throws SQLException {
    assertSqlState("SELECT * FROM no_such_table", "42P01");
  }

  @Test
  void undefinedColumn_is42703() throws SQLException {
    try (Connection conn = connect(); Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE t (id INT PRIMARY KEY)");
    }
    assertSqlState("SELECT no_such_column FROM t", "42703");
  }

  @Test
  void duplicateKey_is23505() throws SQLException {
    try (Connection conn = connect(); Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE t (id INT PRIMARY KEY)");
      st.executeUpdate("INSERT INTO t VALUES (1)");
    }
    assertSqlState("INSERT INTO t VALUES (1)", "23505");
  }

  @Test
  void nullIntoNotNull_is23502() throws SQLException {
    try (Connection conn = connect(); Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10) NOT NULL)");
    }
    assertSqlState("INSERT INTO t VALUES (1, NULL)", "23502");
  }

  @Test
  void errorsLeaveTheConnectionUsable() throws SQLException {
    try (Connection conn = connect(); Statement st = conn.createStatement()) {
      assertThatThrownBy(() -> st.executeQuery("SELECT * FROM no_such_table")).isInstanceOf(SQLException.class);
      assertThat(rows(st, "SELECT 1")).containsExactly("1");
    }
  }

  @Test
  void readyForQuery_isIdleInAutocommit_evenAfterAnError() throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      assertThat(client.startup("omen")).last().isEqualTo(new ReadyForQuery(TransactionIndicator.IDLE));
      assertThat(client.query("CREATE TABLE t (id INT PRIMARY KEY)")).containsExactly(
          new CommandComplete("CREATE TABLE"), new ReadyForQuery(TransactionIndicator.IDLE));
      assertThat(client.query("INSERT INTO t VALUES (1)")).containsExactly(
          new CommandComplete("INSERT 0 1"), new ReadyForQuery(TransactionIndicator.IDLE));

      List<BackendMessage> failed = client.query("SELECT * FROM no_such_table");
      assertThat(failed.get(0)).isInstanceOf(ErrorResponse.class);
      assertThat(failed).last().isEqualTo(new ReadyForQuery(TransactionIndicator.IDLE));
    }
  }

  @Test
  void readyForQuery_tracksTheTransactionBlock() throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      client.startup("omen");
      client.query("CREATE TABLE t (id INT PRIMARY KEY)");

      assertThat(client.query("BEGIN")).containsExactly(
          new CommandComplete("BEGIN"), new ReadyForQuery(TransactionIndicator.IN_TRANSACTION));
      assertThat(client.query("INSERT INTO t VALUES (1)")).containsExactly(
          new CommandComplete("INSERT 0 1"), new ReadyForQuery(TransactionIndicator.IN_TRANSACTION));

      List<BackendMessage> failed = client.query("SELECT * FROM no_such_table");
      assertThat(failed.get(0)).isInstanceOf(ErrorResponse.class);
      assertThat(failed).last().isEqualTo(new ReadyForQuery(TransactionIndicator.FAILED));

      assertThat(client.query("ROLLBACK")).last().isEqualTo(new ReadyForQuery(TransactionIndicator.IDLE));
      assertThat(client.query("SELECT COUNT(*) FROM t")).contains(DataRow.ofText("0"));
    }
  }

  @Test
  void multiStatementQuery_stopsAtTheFirstError() throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      client.startup("omen");
      client.query("CREATE TABLE t (id INT PRIMARY KEY)");
      List<BackendMessage> messages =
          client.query("INSERT INTO t VALUES (1); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)");
      assertThat(messages.get(0)).isEqualTo(new CommandComplete("INSERT 0 1"));
      assertThat(messages.get(1)).isInstanceOfSatisfying(ErrorResponse.class,
          e -> assertThat(e.sqlState()).isEqualTo("23505"));
      assertThat(messages).hasSize(3);
    }
  }

  private void assertSqlState(String sql, String sqlState) throws SQLException {
    try (Connection conn = connect(); Statement st = conn.createStatement()) {
      assertThatThrownBy(() -> st.execute(sql))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(sqlState));
    }
  }

  /** pgjdbc in its default mode: the extended query protocol. */
  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/omendb?user=omen");
  }

  /** The result rows as {@code a|b|c} strings, NULL as {@code null}. */
  private static List<String> rows(Statement st, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
