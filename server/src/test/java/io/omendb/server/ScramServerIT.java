package io.omendb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.omendb.engine.users.ScramVerifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SCRAM-SHA-256 against the roles the database keeps: users made with SQL log in with pgjdbc and psql over verified
 * TLS with channel binding, and password changes take effect for the next login.
 */
class ScramServerIT {
  @TempDir Path dir;
  private OmenServer server;

  @BeforeEach
  void start() throws Exception {
    assertThat(Main.run(new String[] {"gen-cert", "--dir", dir.resolve("certs").toString()},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err)).isZero();
    Files.writeString(dir.resolve("hba.conf"), String.join("\n",
        "host all admin 127.0.0.1/32 trust",
        "host all all   all          scram-sha-256", ""));
    server = new OmenServer(Main.parseStart(List.of("--data-dir", dir.resolve("data").toString(), "--pg-port", "0",
        "--admin-user", "admin",
        "--avatica-port", "-1", "--tls-cert", dir.resolve("certs/server.crt").toString(),
        "--tls-key", dir.resolve("certs/server.key").toString(), "--hba-file", dir.resolve("hba.conf").toString(),
        // The bootstrap superuser, trusted from loopback by the rules above, creates the users.
        "--admin-user", "admin")));
    server.start();
    try (Connection admin = connect("admin", null, "sslmode=disable"); Statement st = admin.createStatement()) {
      st.execute("CREATE USER alice WITH PASSWORD 'alice pass phrase'");
      st.execute("CREATE USER bob PASSWORD 'bob pass phrase'");
      st.execute("CREATE ROLE carol PASSWORD 'carol pass phrase'");
    }
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void pgjdbc_userCreatedWithSql_logsInOverVerifiedTlsWithChannelBinding() throws Exception {
    try (Connection alice = connect("alice", "alice pass phrase", "sslmode=verify-full&sslrootcert="
        + dir.resolve("certs/ca.crt") + "&channelBinding=require")) {
      assertThat(one(alice, "SELECT 6 * 7")).isEqualTo(42);
    }
  }

  @Test
  void pgjdbc_wrongPasswordAndUnknownUser_get28P01WithTheSameMessage() {
    assertThatThrownBy(() -> connect("alice", "bob pass phrase", "sslmode=require"))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("28P01");
          assertThat(e.getMessage()).contains("password authentication failed for user \"alice\"");
        });
    assertThatThrownBy(() -> connect("zoe", "bob pass phrase", "sslmode=require"))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("28P01");
          assertThat(e.getMessage()).contains("password authentication failed for user \"zoe\"");
        });
  }

  @Test
  void pgjdbc_roleWithoutLogin_isRefused() {
    assertThatThrownBy(() -> connect("carol", "carol pass phrase", "sslmode=require"))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("28000");
          assertThat(e.getMessage()).contains("role \"carol\" is not permitted to log in");
        });
  }

  @Test
  void alterUserPassword_takesEffectForTheNextLogin() throws Exception {
    try (Connection alice = connect("alice", "alice pass phrase", "sslmode=require");
        Statement st = alice.createStatement()) {
      st.execute("ALTER USER alice PASSWORD 'a new pass phrase'");
    }
    assertThatThrownBy(() -> connect("alice", "alice pass phrase", "sslmode=require"))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
    try (Connection alice = connect("alice", "a new pass phrase", "sslmode=require")) {
      assertThat(one(alice, "SELECT 1")).isEqualTo(1);
    }
  }

  @Test
  void alterUserPassword_withAClientComputedVerifier_asPsqlPasswordSendsIt() throws Exception {
    String verifier = ScramVerifier.create("computed by the client", new SecureRandom()).toString();
    try (Connection admin = connect("admin", null, "sslmode=disable"); Statement st = admin.createStatement()) {
      st.execute("ALTER USER bob PASSWORD '" + verifier + "'");
    }
    try (Connection bob = connect("bob", "computed by the client", "sslmode=require")) {
      assertThat(one(bob, "SELECT 1")).isEqualTo(1);
    }
  }

  @Test
  void concurrentSessions_ofDifferentUsers() throws Exception {
    try (Connection alice = connect("alice", "alice pass phrase", "sslmode=require");
        Connection bob = connect("bob", "bob pass phrase", "sslmode=disable")) {
      assertThat(one(alice, "SELECT 1")).isEqualTo(1);
      assertThat(one(bob, "SELECT 2")).isEqualTo(2);
      assertThat(one(alice, "SELECT 3")).isEqualTo(3);
    }
  }

  @Test
  void psql_verifyFullWithChannelBinding_logsInWithThePassword() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/psql")), "psql is not installed");
    ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-A", "-t", "-w",
        "host=localhost hostaddr=127.0.0.1 port=" + server.pgPort() + " user=alice dbname=omendb"
            + " connect_timeout=10 gssencmode=disable sslmode=verify-full channel_binding=require sslrootcert="
            + dir.resolve("certs/ca.crt"), "-c", "SELECT 40 + 2").redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", "alice pass phrase");
    builder.environment().put("PGSSLCERT", dir.resolve("none.crt").toString());
    builder.environment().put("PGSSLKEY", dir.resolve("none.key").toString());
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).isEqualTo("42\n");
  }

  private Connection connect(String user, String password, String options) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("gssEncMode", "disable");
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + server.pgPort() + "/omendb?" + options,
        properties);
  }

  private static int one(Connection connection, String sql) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getInt(1);
    }
  }
}
