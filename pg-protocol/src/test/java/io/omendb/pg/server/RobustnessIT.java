package io.omendb.pg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.adapter.Database;
import io.omendb.pg.message.BackendMessage;
import io.omendb.pg.message.CommandComplete;
import io.omendb.pg.message.ErrorResponse;
import io.omendb.pg.message.ReadyForQuery;
import io.omendb.pg.message.TransactionIndicator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or careless clients: the server answers with an error or a clean close and keeps serving others. */
class RobustnessIT {
  private static final int DEPTH = 100_000;

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

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/omendb?user=omen");
  }

  @Test
  void deeplyNestedSql_is54001_andTheSessionLives() throws Exception {
    String nested = "SELECT " + "(".repeat(DEPTH) + "1" + ")".repeat(DEPTH);
    try (RawClient client = new RawClient(server.port())) {
      client.startup("omen");
      List<BackendMessage> answer = client.query(nested);
      assertThat(answer.get(0)).isInstanceOfSatisfying(ErrorResponse.class, e -> {
        assertThat(e.sqlState()).isEqualTo("54001");
        assertThat(e.isFatal()).isFalse();
      });
      assertThat(client.query("SELECT 1")).contains(new CommandComplete("SELECT 1"));
    }
    try (Connection conn = connect(); Statement st = conn.createStatement()) {
      assertThatThrownBy(() -> st.executeQuery(nested))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("54001"));
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
        assertThat(rs.next()).isTrue();
      }
    }
  }

  @Test
  void vanishedClient_hasItsTransactionRolledBack() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      client.startup("omen");
      client.query("BEGIN");
      assertThat(client.query("INSERT INTO t VALUES (1)"))
          .endsWith(new ReadyForQuery(TransactionIndicator.IN_TRANSACTION));
    } // the socket closes without Terminate or COMMIT
    try (Connection conn = connect(); Statement st = conn.createStatement()) {
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (server.connectionCount() > 1 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isZero();
      }
      assertThat(st.executeUpdate("INSERT INTO t VALUES (1)")).isEqualTo(1);
    }
  }
}
