package io.omendb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SELECT ... FOR UPDATE} through pgjdbc with two connections: the extended protocol (prepared, with a
 * parameter) and the simple one; the transaction that loses the row fails with 40001 as under PostgreSQL's
 * REPEATABLE READ.
 */
class PgjdbcRowLockIT {
  @TempDir Path dataDir;
  private OmenServer server;

  @BeforeEach
  void start() throws Exception {
    server = new OmenServer(new ServerConfig(dataDir, InetAddress.getLoopbackAddress(), 0, -1)
        .withSecurity(SecurityOptions.loopbackTrust()));
    server.start();
    try (Connection connection = connect(false); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE jobs (id INT PRIMARY KEY, state TEXT NOT NULL)");
      statement.execute("INSERT INTO jobs VALUES (1, 'new'), (2, 'new')");
    }
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Connection connect(boolean simple) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "tester");
    if (simple) {
      properties.setProperty("preferQueryMode", "simple");
    }
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.pgPort() + "/omendb", properties);
  }

  private static String state(Connection connection, int id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT state FROM jobs WHERE id = ?")) {
      select.setInt(1, id);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  @Test
  void forUpdate_prepared_lockerWinsAndTheOtherWriterFails() throws SQLException {
    try (Connection worker = connect(false); Connection other = connect(false)) {
      worker.setAutoCommit(false);
      other.setAutoCommit(false);
      try (PreparedStatement claim = worker.prepareStatement(
          "SELECT id, state FROM jobs WHERE id = ? FOR UPDATE")) {
        // several executions, so that pgjdbc switches to a named server-side statement
        for (int i = 0; i < 6; i++) {
          claim.setInt(1, 1);
          try (ResultSet rs = claim.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("state")).isEqualTo("new");
            assertThat(rs.next()).isFalse();
          }
        }
      }
      try (Statement statement = other.createStatement()) {
        assertThat(statement.executeUpdate("UPDATE jobs SET state = 'stolen' WHERE id = 1")).isEqualTo(1);
      }
      try (Statement statement = worker.createStatement()) {
        statement.executeUpdate("UPDATE jobs SET state = 'running' WHERE id = 1");
      }
      worker.commit();
      assertThatThrownBy(other::commit).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("40001"))
          .hasMessageContaining("could not serialize access due to concurrent update");
    }
    try (Connection check = connect(false)) {
      assertThat(state(check, 1)).isEqualTo("running");
    }
  }

  @Test
  void forUpdate_simple_rowChangedAfterSnapshotFailsAtTheSelect() throws SQLException {
    try (Connection locker = connect(true); Connection writer = connect(true)) {
      locker.setAutoCommit(false);
      locker.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      assertThat(state(locker, 2)).isEqualTo("new");
      try (Statement statement = writer.createStatement()) {
        statement.executeUpdate("UPDATE jobs SET state = 'done' WHERE id = 2");
      }
      try (Statement statement = locker.createStatement()) {
        assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM jobs WHERE id = 2 FOR UPDATE"))
            .isInstanceOf(SQLException.class)
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("40001"));
      }
      locker.rollback();
      try (Statement statement = locker.createStatement();
          ResultSet rs = statement.executeQuery("SELECT id FROM jobs WHERE id = 1 FOR UPDATE")) {
        assertThat(rs.next()).isTrue();
      }
      locker.commit();
    }
  }
}
