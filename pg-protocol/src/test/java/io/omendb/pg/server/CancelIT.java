package io.omendb.pg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.adapter.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pgjdbc's Statement.cancel (a CancelRequest with the connection's BackendKeyData), statement_timeout set with SET
 * and with the startup {@code options}: the running statement ends with 57014 and the connection stays usable.
 */
class CancelIT {
  private static final String LONG_QUERY = "SELECT a.id, b.id, c.id FROM big a, big b, big c";

  @TempDir Path dataDir;
  private Database database;
  private PgServer server;

  @BeforeEach
  void start() throws Exception {
    database = Database.open(dataDir);
    server = new PgServer(database, PgServerConfig.loopback(0));
    server.start();
    try (Connection conn = connect(new Properties()); Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE big (id INT PRIMARY KEY)");
      // 100 rows in statements of one shape, which share a plan; the 3-way cross join streams 1M rows.
      for (int i = 0; i < 100; i += 10) {
        StringBuilder insert = new StringBuilder("INSERT INTO big VALUES (" + i + ")");
        for (int j = i + 1; j < i + 10; j++) {
          insert.append(", (").append(j).append(')');
        }
        st.execute(insert.toString());
      }
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

  private Connection connect(Properties properties) throws SQLException {
    properties.setProperty("user", "omen");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/omendb", properties);
  }

  @Test
  void statementCancel_stopsTheQuery_with57014() throws Exception {
    try (Connection conn = connect(new Properties()); Statement st = conn.createStatement()) {
      // pgjdbc sends a CancelRequest only while executeQuery is still receiving rows.
      CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
        try (ResultSet rs = st.executeQuery(LONG_QUERY)) {
          while (rs.next()) {
            // read until canceled
          }
          return null;
        } catch (SQLException e) {
          return e;
        }
      });
      Thread.sleep(500);
      st.cancel();

      assertThat(failure.get(60, TimeUnit.SECONDS)).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getSQLState()).isEqualTo("57014"));
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM big")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(100);
      }
    }
  }

  @Test
  void statementTimeout_fromSet_is57014() throws SQLException {
    try (Connection conn = connect(new Properties()); Statement st = conn.createStatement()) {
      st.execute("SET statement_timeout = 200");
      assertThatThrownBy(() -> drain(st, LONG_QUERY)).isInstanceOfSatisfying(SQLException.class, e -> {
        assertThat(e.getSQLState()).isEqualTo("57014");
        assertThat(e.getMessage()).contains("statement timeout");
      });
      st.execute("RESET statement_timeout");
      assertThat(drain(st, "SELECT id FROM big WHERE id < 3")).isEqualTo(3);
    }
  }

  @Test
  void statementTimeout_fromStartupOptions_is57014() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("options", "-c statement_timeout=200ms");
    try (Connection conn = connect(properties); Statement st = conn.createStatement()) {
      try (ResultSet rs = st.executeQuery("SHOW statement_timeout")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("200ms");
      }
      assertThatThrownBy(() -> drain(st, LONG_QUERY)).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getSQLState()).isEqualTo("57014"));
    }
  }

  private static long drain(Statement st, String sql) throws SQLException {
    long rows = 0;
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        rows++;
      }
    }
    return rows;
  }
}
