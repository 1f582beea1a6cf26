package io.omendb.pg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.adapter.Database;
import io.omendb.pg.message.BackendKeyData;
import io.omendb.pg.message.BackendMessage;
import io.omendb.pg.message.Bind;
import io.omendb.pg.message.BindComplete;
import io.omendb.pg.message.CommandComplete;
import io.omendb.pg.message.DataRow;
import io.omendb.pg.message.ErrorResponse;
import io.omendb.pg.message.Execute;
import io.omendb.pg.message.Parse;
import io.omendb.pg.message.ParseComplete;
import io.omendb.pg.message.ReadyForQuery;
import io.omendb.pg.message.Sync;
import io.omendb.pg.message.TransactionIndicator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/**
 * Protocol details checked against PostgreSQL 15's behaviour: the implicit transaction of a Sync cycle,
 * {@code pg_backend_pid()}, {@code current_schema()}/{@code current_schemas(true)}, session characteristics and
 * {@code DISCARD ALL}, startup {@code options=-c}, and shutdown telling clients 57P01.
 */
class ProtocolDetailsIT {
  @TempDir Path dataDir;
  private Database database;
  private PgServer server;

  @BeforeEach
  void start() throws Exception {
    database = Database.open(dataDir);
    server = new PgServer(database, PgServerConfig.loopback(0));
    server.start();
    try (Connection conn = connect(""); Statement st = conn.createStatement()) {
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
  void implicitTransaction_errorInTheThirdExecute_rollsBackTheFirstTwo() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      client.startup("omen");
      client.send(new Parse("ins", "INSERT INTO t VALUES ($1)", List.of()));
      for (String id : List.of("1", "2", "1", "3")) {
        client.send(new Bind("", "ins", List.of(), List.of(id.getBytes(StandardCharsets.UTF_8)), List.of()));
        client.send(new Execute("", 0));
      }
      client.send(new Sync());
      List<BackendMessage> answer = client.readUntilReady();
      assertThat(answer.subList(0, 5)).containsExactly(new ParseComplete(), new BindComplete(),
          new CommandComplete("INSERT 0 1"), new BindComplete(), new CommandComplete("INSERT 0 1"));
      assertThat(answer.get(6)).isInstanceOfSatisfying(ErrorResponse.class,
          e -> assertThat(e.sqlState()).isEqualTo("23505"));
      assertThat(answer).hasSize(8).last().isEqualTo(new ReadyForQuery(TransactionIndicator.IDLE));
    }
    assertThat(count()).isZero();
  }

  @Test
  void implicitTransaction_pgjdbcBatchWithADuplicate_leavesNoRows() throws Exception {
    try (Connection conn = connect(""); PreparedStatement insert = conn.prepareStatement("INSERT INTO t VALUES (?)")) {
      for (int id : new int[] {1, 2, 1, 3}) {
        insert.setInt(1, id);
        insert.addBatch();
      }
      assertThatThrownBy(insert::executeBatch).isInstanceOfSatisfying(BatchUpdateException.class,
          e -> assertThat(e.getSQLState()).isEqualTo("23505"));
    }
    assertThat(count()).isZero();
  }

  @Test
  void implicitTransaction_successfulBatch_commitsEveryRowAtSync() throws Exception {
    try (Connection conn = connect(""); PreparedStatement insert = conn.prepareStatement("INSERT INTO t VALUES (?)")) {
      for (int id = 1; id <= 3; id++) {
        insert.setInt(1, id);
        insert.addBatch();
      }
      assertThat(insert.executeBatch()).containsExactly(1, 1, 1);
      try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
      }
      assertThat(conn.getAutoCommit()).isTrue();
    }
    assertThat(count()).isEqualTo(3);
  }

  @Test
  void pgBackendPid_isTheProcessIdSentInBackendKeyData() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      BackendKeyData key = client.startup("omen").stream().filter(BackendKeyData.class::isInstance)
          .map(BackendKeyData.class::cast).findFirst().orElseThrow();
      List<BackendMessage> answer = client.query("SELECT pg_backend_pid()");
      assertThat(answer).filteredOn(DataRow.class::isInstance).singleElement().isInstanceOfSatisfying(DataRow.class,
          row -> assertThat(new String(row.values().get(0), StandardCharsets.UTF_8))
              .isEqualTo(Integer.toString(key.processId())));
    }
    try (Connection conn = connect(""); Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(conn.unwrap(PGConnection.class).getBackendPID());
    }
  }

  @Test
  void currentSchemaAndSchemas_answerAsPostgresql() throws Exception {
    try (Connection conn = connect(""); Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT current_schema(), current_schema, current_schemas(true),"
            + " current_schemas(false)")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("public");
      assertThat(rs.getString(2)).isEqualTo("public");
      assertThat(rs.getString(3)).isEqualTo("{pg_catalog,public}");
      assertThat(rs.getString(4)).isEqualTo("{public}");
    }
  }

  @Test
  void sessionCharacteristicsAndDiscardAll_resetToTheStartupValues() throws Exception {
    // assumeMinServerVersion=9.0 makes pgjdbc send application_name in the startup packet (else it SETs it later,
    // and DISCARD ALL resets it to '' in PostgreSQL 15 too).
    try (Connection conn = connect("&ApplicationName=battery&assumeMinServerVersion=9.0");
        Statement st = conn.createStatement()) {
      st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE");
      st.execute("SET application_name = 'changed'");
      assertThat(show(st, "default_transaction_isolation")).isEqualTo("serializable");
      assertThat(show(st, "application_name")).isEqualTo("changed");
      st.execute("DISCARD ALL");
      assertThat(show(st, "default_transaction_isolation")).isEqualTo("read committed");
      assertThat(show(st, "application_name")).isEqualTo("battery");
    }
  }

  @Test
  void startupOptions_setParameters() throws Exception {
    try (Connection conn = connect("&options=-c%20statement_timeout%3D5s%20-c%20search_path%3Dpublic");
        Statement st = conn.createStatement()) {
      assertThat(show(st, "statement_timeout")).isEqualTo("5s");
      assertThat(show(st, "search_path")).isEqualTo("public");
    }
  }

  @Test
  void shutdown_tellsAnIdleJdbcClient57P01() throws Exception {
    try (Connection conn = connect(""); Statement st = conn.createStatement()) {
      server.close();
      assertThatThrownBy(() -> st.executeQuery("SELECT 1")).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getSQLState()).isEqualTo("57P01"));
    }
  }

  private Connection connect(String extra) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/omendb?user=omen" + extra);
  }

  private long count() throws SQLException {
    try (Connection conn = connect(""); Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String show(Statement st, String name) throws SQLException {
    try (ResultSet rs = st.executeQuery("SHOW " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
