package io.omendb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection {@code omendb shell} opens to a running server's Avatica endpoint, which requires HTTP BASIC: the
 * shell's user and password log in, and a wrong password is a clear 28P01, not a bare HTTP 401.
 */
class ShellDriverIT {
  private static final String ADMIN_PASSWORD = "shell-it-admin";

  @TempDir Path dataDir;
  private OmenServer server;

  @BeforeEach
  void start() throws Exception {
    server = new OmenServer(new ServerConfig(dataDir, InetAddress.getLoopbackAddress(), 0, 0)
        .withAdmin(AdminConfig.defaults().withUser("admin")), Map.of(AdminBootstrap.PASSWORD_ENV, ADMIN_PASSWORD));
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Connection connect(String user, String password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    String url = Main.shellArguments(java.util.List.of("--avatica-port", String.valueOf(server.avaticaPort())),
        Map.of(Main.SHELL_PASSWORD_ENV, password), null, user).get(1);
    return new ShellDriver().connect(url, properties);
  }

  @Test
  void connect_userAndPassword_runsAsThatUser() throws SQLException {
    try (Connection connection = connect("admin", ADMIN_PASSWORD);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT current_user")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("admin");
    }
  }

  @Test
  void connect_wrongPassword_28P01NamingTheUser() {
    assertThatThrownBy(() -> {
      try (Connection connection = connect("admin", "wrong");
          Statement statement = connection.createStatement()) {
        statement.executeQuery("SELECT 1").close();
      }
    }).isInstanceOfSatisfying(SQLException.class, e -> {
      assertThat(e.getSQLState()).isEqualTo("28P01");
      assertThat(e.getMessage()).startsWith("password authentication failed for user \"admin\"")
          .contains(Main.SHELL_PASSWORD_ENV).doesNotContain("401");
    });
  }
}
