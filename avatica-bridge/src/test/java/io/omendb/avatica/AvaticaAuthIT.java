package io.omendb.avatica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.adapter.Database;
import io.omendb.adapter.LoginThrottle;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Avatica endpoint with HTTP BASIC authentication against OmenDB users, through Avatica's thin driver and raw
 * HTTP: no door without a password, each connection runs as its user, a connection id cannot be used by another.
 */
class AvaticaAuthIT {
  @TempDir Path dataDir;
  private Database database;
  private AvaticaServer server;

  @BeforeEach
  void open() throws Exception {
    database = Database.open(dataDir);
    try (Connection admin = DriverManager.getConnection(database.jdbcUrl(), props("admin", null));
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE USER alice PASSWORD 'alice-pw'");
      statement.execute("CREATE USER bob PASSWORD 'bob-pw'");
      statement.execute("ALTER USER admin PASSWORD 'admin-pw'");
      statement.execute("CREATE TABLE secrets (id INT PRIMARY KEY, v TEXT)");
      statement.execute("INSERT INTO secrets VALUES (1, 'classified')");
      statement.execute("CREATE TABLE shared (id INT PRIMARY KEY)");
      statement.execute("GRANT SELECT ON shared TO alice");
    }
    server = new AvaticaServer(database, new AvaticaServerConfig(InetAddress.getLoopbackAddress(), 0,
        Serialization.JSON, AuthMethod.BASIC));
    server.start();
  }

  @AfterEach
  void close() {
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
  }

  private static Properties props(String user, String password) {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    if (password != null) {
      properties.setProperty("password", password);
    }
    return properties;
  }

  private Connection connect(String user, String password) throws SQLException {
    return DriverManager.getConnection(server.url() + ";authentication=BASIC;avatica_user=" + user
        + ";avatica_password=" + password, new Properties());
  }

  @Test
  void connect_withoutCredentials_refused() {
    assertThatThrownBy(() -> {
      try (Connection connection = DriverManager.getConnection(server.url(), props("admin", null));
          Statement statement = connection.createStatement()) {
        statement.executeQuery("SELECT 1").close();
      }
    }).isInstanceOf(Exception.class);
  }

  @Test
  void connect_wrongPassword_refused() {
    assertThatThrownBy(() -> {
      try (Connection connection = connect("alice", "wrong");
          Statement statement = connection.createStatement()) {
        statement.executeQuery("SELECT 1").close();
      }
    }).isInstanceOf(Exception.class);
  }

  @Test
  void rawRequest_withoutCredentials_401WithoutStackTrace() throws Exception {
    HttpResponse<String> response = post(null, "{\"request\":\"openConnection\",\"connectionId\":\"x\"}");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWithIgnoringCase("basic realm="));
    assertThat(response.body()).doesNotContain("at org.").doesNotContain("at io.");
  }

  @Test
  void query_runsAsAuthenticatedUser_privilegesApply() throws SQLException {
    try (Connection alice = connect("alice", "alice-pw"); Statement statement = alice.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM shared")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isZero();
      }
      assertThatThrownBy(() -> statement.executeQuery("SELECT v FROM secrets"))
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("42501");
            assertThat(e.getMessage()).contains("permission denied for table secrets")
                .doesNotContain("at io.omendb");
          });
    }
    try (Connection admin = connect("admin", "admin-pw"); Statement statement = admin.createStatement();
        ResultSet rows = statement.executeQuery("SELECT v FROM secrets")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("classified");
    }
  }

  @Test
  void userProperty_cannotImpersonateAnotherUser() throws SQLException {
    try (Connection alice = DriverManager.getConnection(server.url()
        + ";authentication=BASIC;avatica_user=alice;avatica_password=alice-pw", props("admin", null));
        Statement statement = alice.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELECT v FROM secrets"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    }
  }

  @Test
  void connectionId_usedByAnotherUser_refusedAsMissing() throws Exception {
    try (Connection alice = connect("alice", "alice-pw"); Statement statement = alice.createStatement()) {
      statement.executeQuery("SELECT count(*) FROM shared").close();
      String id = alice.unwrap(AvaticaConnection.class).id;
      HttpResponse<String> stolen = post("bob:bob-pw",
          "{\"request\":\"createStatement\",\"connectionId\":\"" + id + "\"}");
      assertThat(stolen.body()).contains("does not exist").contains("08003")
          .doesNotContain("at org.").doesNotContain("at io.");
      HttpResponse<String> reopened = post("bob:bob-pw",
          "{\"request\":\"openConnection\",\"connectionId\":\"" + id + "\",\"info\":{}}");
      assertThat(reopened.body()).contains("already exists");
      HttpResponse<String> own = post("alice:alice-pw",
          "{\"request\":\"createStatement\",\"connectionId\":\"" + id + "\"}");
      assertThat(own.body()).contains("\"statementId\"").doesNotContain("does not exist");
    }
  }

  @Test
  void failedCreateUser_passwordNotInError() throws SQLException {
    try (Connection admin = connect("admin", "admin-pw"); Statement statement = admin.createStatement()) {
      for (String sql : List.of("CREATE USER alice PASSWORD 'Leaked-Secret-2'",
          "ALTER USER PASSWORD 'Leaked-Secret-2'")) {
        // the thin driver prefixes the SQL it sent itself; what the server answered follows "Remote driver error"
        assertThatThrownBy(() -> statement.execute(sql)).isInstanceOfSatisfying(SQLException.class, e -> {
          String message = e.getMessage();
          assertThat(message).contains("Remote driver error");
          assertThat(message.substring(message.indexOf("Remote driver error"))).doesNotContain("Leaked-Secret-2");
        });
      }
    }
  }

  @Test
  void failedLogins_slowedPerAddress_likeThePostgresEndpoint_resetBySuccess() throws Exception {
    server.close();
    server = new AvaticaServer(database, new AvaticaServerConfig(InetAddress.getLoopbackAddress(), 0,
        Serialization.JSON, AuthMethod.BASIC), new LoginThrottle(Duration.ofSeconds(1), Duration.ofSeconds(5),
        Duration.ofMinutes(15)));
    server.start();
    String open = "{\"request\":\"openConnection\",\"connectionId\":\"throttled\"}";
    assertThat(post("alice:wrong", open).statusCode()).isEqualTo(401);
    long start = System.nanoTime();
    assertThat(post("alice:wrong-again", open).statusCode()).isEqualTo(401);
    // the second consecutive failure waits twice the base delay before its 401
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(post("alice:alice-pw", open).statusCode()).isEqualTo(200);
    start = System.nanoTime();
    assertThat(post("alice:wrong", open).statusCode()).isEqualTo(401);
    // a success forgot the failures: back to the base delay
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1))
        .isLessThan(Duration.ofSeconds(2));
  }

  private HttpResponse<String> post(String credentials, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
        .header("Content-Type", "application/json");
    if (credentials != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
