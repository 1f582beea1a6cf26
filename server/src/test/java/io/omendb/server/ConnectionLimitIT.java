package io.omendb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONNECTION LIMIT enforced at login on the PostgreSQL port, driven by pgjdbc against the whole server. */
class ConnectionLimitIT {
  /** The superuser's first password, handed to the server as OMENDB_ADMIN_PASSWORD would be. */
  private static final String ADMIN_PASSWORD = "connection-limit-it-admin";

  @TempDir Path dataDir;
  private OmenServer server;
  private final List<Connection> open = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = new OmenServer(new ServerConfig(dataDir, InetAddress.getLoopbackAddress(), 0, -1)
        .withSecurity(SecurityOptions.loopbackTrust())
        .withAdmin(AdminConfig.defaults().withUser("tester")), Map.of(AdminBootstrap.PASSWORD_ENV, ADMIN_PASSWORD));
    server.start();
    try (Connection admin = connect("tester"); Statement st = admin.createStatement()) {
      st.execute("CREATE ROLE alice LOGIN CONNECTION LIMIT 2");
      st.execute("CREATE ROLE boss SUPERUSER LOGIN CONNECTION LIMIT 1");
    }
  }

  @AfterEach
  void stop() throws SQLException {
    for (Connection connection : open) {
      connection.close();
    }
    server.close();
  }

  private Connection connect(String user) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    Connection connection =
        DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.pgPort() + "/omendb", properties);
    open.add(connection);
    return connection;
  }

  private static int selectOne(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
      assertThat(rs.next()).isTrue();
      return rs.getInt(1);
    }
  }

  @Test
  void login_beyondTheRolesLimit_isRefusedWith53300() throws SQLException {
    Connection first = connect("alice");
    Connection second = connect("alice");
    assertThat(selectOne(first) + selectOne(second)).isEqualTo(2);

    assertThatThrownBy(() -> connect("alice")).isInstanceOfSatisfying(SQLException.class, e -> {
      assertThat(e.getSQLState()).isEqualTo("53300");
      assertThat(e.getMessage()).contains("too many connections for role \"alice\"");
    });
    // Other roles are not affected.
    assertThat(selectOne(connect("tester"))).isEqualTo(1);
  }

  @Test
  void login_afterASessionOfTheRoleEnds_isAllowedAgain() throws Exception {
    connect("alice");
    Connection second = connect("alice");
    second.close();
    // The server releases the slot when it sees the connection end, which may take a moment after close().
    long deadline = System.nanoTime() + 10_000_000_000L;
    Connection third = null;
    while (third == null) {
      try {
        third = connect("alice");
      } catch (SQLException e) {
        assertThat(e.getSQLState()).isEqualTo("53300");
        assertThat(System.nanoTime()).as("slot released within 10 s").isLessThan(deadline);
        Thread.sleep(20);
      }
    }
    assertThat(selectOne(third)).isEqualTo(1);
  }

  @Test
  void login_ofASuperuserBeyondItsLimit_isAllowed() throws SQLException {
    Connection first = connect("boss");
    Connection second = connect("boss");
    assertThat(selectOne(first) + selectOne(second)).isEqualTo(2);
  }

  @Test
  void login_ofARoleWithLimitZero_isRefused() throws SQLException {
    try (Connection admin = connect("tester"); Statement st = admin.createStatement()) {
      st.execute("ALTER ROLE alice CONNECTION LIMIT 0");
    }
    assertThatThrownBy(() -> connect("alice")).isInstanceOfSatisfying(SQLException.class,
        e -> assertThat(e.getSQLState()).isEqualTo("53300"));
  }
}
