package io.omendb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Users, roles and table privileges through pgjdbc against the whole server: every privilege against every kind of
 * statement, GRANT then REVOKE, role membership, grant options, concurrent sessions of different users, and
 * passwords kept out of errors and logs.
 */
class PrivilegesIT {
  private static final String ADMIN_PASSWORD = "privileges-it-admin";
  private static final List<String> STATEMENTS = List.of("SELECT", "INSERT", "UPDATE", "DELETE");

  @TempDir Path dataDir;
  private OmenServer server;

  @BeforeEach
  void start() throws Exception {
    server = new OmenServer(new ServerConfig(dataDir, InetAddress.getLoopbackAddress(), 0, -1)
        .withSecurity(SecurityOptions.loopbackTrust())
        .withAdmin(AdminConfig.defaults().withUser("admin")), Map.of(AdminBootstrap.PASSWORD_ENV, ADMIN_PASSWORD));
    server.start();
    admin("CREATE USER alice PASSWORD 'alice-pw'",
        "CREATE USER bob PASSWORD 'bob-pw'",
        "CREATE TABLE t (id INT PRIMARY KEY, v TEXT)",
        "INSERT INTO t VALUES (1, 'one'), (2, 'two')");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Connection connect(String user) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("preferQueryMode", "simple");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.pgPort() + "/omendb", properties);
  }

  private void admin(String... sql) throws SQLException {
    try (Connection connection = connect("admin"); Statement statement = connection.createStatement()) {
      for (String s : sql) {
        statement.execute(s);
      }
    }
  }

  private static String state(Statement statement, String sql) {
    try {
      statement.execute(sql);
      return "ok";
    } catch (SQLException e) {
      return e.getSQLState();
    }
  }

  private static String sqlFor(String kind) {
    return switch (kind) {
      case "SELECT" -> "SELECT v FROM t";
      case "INSERT" -> "INSERT INTO t VALUES (10, 'ten')";
      case "UPDATE" -> "UPDATE t SET v = 'changed'";
      case "DELETE" -> "DELETE FROM t";
      default -> throw new IllegalArgumentException(kind);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT", "INSERT", "UPDATE", "DELETE"})
  void privilege_grantedAlone_allowsOnlyItsStatementKind(String granted) throws SQLException {
    admin("GRANT " + granted + " ON t TO alice");
    try (Connection alice = connect("alice"); Statement statement = alice.createStatement()) {
      for (String kind : STATEMENTS) {
        assertThat(state(statement, sqlFor(kind))).as("%s with only %s", kind, granted)
            .isEqualTo(kind.equals(granted) ? "ok" : "42501");
      }
    }
  }

  @Test
  void noPrivilege_errorIsPostgresqls() throws SQLException {
    try (Connection alice = connect("alice"); Statement statement = alice.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM t"))
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("42501");
            assertThat(e.getMessage()).contains("permission denied for table t");
          });
    }
  }

  @Test
  void grantThenRevoke_takesEffectInOpenSession() throws SQLException {
    try (Connection alice = connect("alice"); Statement statement = alice.createStatement()) {
      assertThat(state(statement, "SELECT * FROM t")).isEqualTo("42501");
      admin("GRANT SELECT ON TABLE t TO alice");
      try (ResultSet rows = statement.executeQuery("SELECT v FROM t ORDER BY id")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("one");
      }
      admin("REVOKE SELECT ON TABLE t FROM alice");
      assertThat(state(statement, "SELECT * FROM t")).isEqualTo("42501");
    }
  }

  @Test
  void allPrivilegesToPublic_everyUser() throws SQLException {
    admin("GRANT ALL PRIVILEGES ON t TO PUBLIC");
    try (Connection bob = connect("bob"); Statement statement = bob.createStatement()) {
      for (String kind : STATEMENTS) {
        assertThat(state(statement, sqlFor(kind))).as(kind).isEqualTo("ok");
      }
    }
    admin("REVOKE ALL ON t FROM PUBLIC");
    try (Connection bob = connect("bob"); Statement statement = bob.createStatement()) {
      assertThat(state(statement, "SELECT * FROM t")).isEqualTo("42501");
    }
  }

  @Test
  void roleMembership_grantsOfGroupApplyUntilRevoked() throws SQLException {
    admin("CREATE ROLE readers", "GRANT SELECT ON t TO readers");
    try (Connection bob = connect("bob"); Statement statement = bob.createStatement()) {
      assertThat(state(statement, "SELECT * FROM t")).isEqualTo("42501");
      admin("GRANT readers TO bob");
      assertThat(state(statement, "SELECT * FROM t")).isEqualTo("ok");
      assertThat(state(statement, "INSERT INTO t VALUES (3, 'three')")).isEqualTo("42501");
      admin("REVOKE readers FROM bob");
      assertThat(state(statement, "SELECT * FROM t")).isEqualTo("42501");
    }
  }

  @Test
  void joinAndSubquery_everyTableChecked() throws SQLException {
    admin("CREATE TABLE u (id INT PRIMARY KEY)", "GRANT SELECT ON t TO alice");
    try (Connection alice = connect("alice"); Statement statement = alice.createStatement()) {
      assertThat(state(statement, "SELECT t.v FROM t")).isEqualTo("ok");
      assertThat(state(statement, "SELECT t.v FROM t JOIN u ON t.id = u.id")).isEqualTo("42501");
      assertThat(state(statement, "SELECT v FROM t WHERE id IN (SELECT id FROM u)")).isEqualTo("42501");
      assertThat(state(statement, "SELECT (SELECT count(*) FROM u) FROM t")).isEqualTo("42501");
    }
  }

  @Test
  void copy_needsInsertToLoadAndSelectToDump() throws Exception {
    try (Connection alice = connect("alice")) {
      CopyManager copy = new CopyManager(alice.unwrap(BaseConnection.class));
      assertThatThrownBy(() -> copy.copyIn("COPY t FROM STDIN", new StringReader("7\tseven\n")))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
      admin("GRANT INSERT ON t TO alice");
      assertThat(copy.copyIn("COPY t FROM STDIN", new StringReader("7\tseven\n"))).isEqualTo(1);
      assertThatThrownBy(() -> copy.copyOut("COPY t TO STDOUT", new StringWriter()))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
      admin("GRANT SELECT ON t TO alice");
      StringWriter dumped = new StringWriter();
      assertThat(copy.copyOut("COPY t TO STDOUT", dumped)).isEqualTo(3);
      assertThat(dumped.toString()).contains("7\tseven");
    }
  }

  @Test
  void grantOption_letsHolderGrantOn_otherwiseRefused() throws SQLException {
    admin("GRANT SELECT ON t TO alice");
    try (Connection alice = connect("alice"); Statement statement = alice.createStatement()) {
      assertThat(state(statement, "GRANT SELECT ON t TO bob")).isEqualTo("42501");
      admin("GRANT SELECT ON t TO alice WITH GRANT OPTION");
      assertThat(state(statement, "GRANT SELECT ON t TO bob")).isEqualTo("ok");
      assertThat(state(statement, "GRANT INSERT ON t TO bob")).isEqualTo("42501");
    }
    try (Connection bob = connect("bob"); Statement statement = bob.createStatement()) {
      assertThat(state(statement, "SELECT * FROM t")).isEqualTo("ok");
    }
  }

  @Test
  void owner_hasAllPrivileges_othersCannotDropOrIndex() throws SQLException {
    try (Connection alice = connect("alice"); Statement statement = alice.createStatement()) {
      statement.execute("CREATE TABLE mine (id INT PRIMARY KEY)");
      for (String sql : List.of("INSERT INTO mine VALUES (1)", "SELECT * FROM mine", "UPDATE mine SET id = 2",
          "DELETE FROM mine")) {
        assertThat(state(statement, sql)).as(sql).isEqualTo("ok");
      }
    }
    try (Connection bob = connect("bob"); Statement statement = bob.createStatement()) {
      assertThat(state(statement, "DROP TABLE mine")).isEqualTo("42501");
      assertThat(state(statement, "CREATE INDEX mine_id ON mine (id)")).isEqualTo("42501");
    }
    try (Connection admin = connect("admin"); Statement statement = admin.createStatement()) {
      assertThat(state(statement, "DROP USER alice")).isEqualTo("2BP01");
      assertThat(state(statement, "DROP TABLE mine")).isEqualTo("ok");
      assertThat(state(statement, "DROP USER alice")).isEqualTo("ok");
      assertThat(state(statement, "DROP USER IF EXISTS alice")).isEqualTo("ok");
      assertThat(state(statement, "DROP USER alice")).isEqualTo("42704");
    }
  }

  @Test
  void roleManagement_onlySuperuserOrCreateRole() throws SQLException {
    try (Connection alice = connect("alice"); Statement statement = alice.createStatement()) {
      assertThat(state(statement, "CREATE USER eve")).isEqualTo("42501");
      assertThat(state(statement, "ALTER USER bob PASSWORD 'x'")).isEqualTo("42501");
      assertThat(state(statement, "GRANT pg_x TO alice")).isIn("42501", "42704");
      assertThat(state(statement, "ALTER USER alice PASSWORD 'mine'")).isEqualTo("ok");
    }
    assertThat(server.database().find("alice").orElseThrow().verifier().orElseThrow().matches("mine")).isTrue();
    admin("ALTER USER alice CREATEROLE");
    try (Connection alice = connect("alice"); Statement statement = alice.createStatement()) {
      assertThat(state(statement, "CREATE USER eve")).isEqualTo("ok");
      assertThat(state(statement, "CREATE USER boss SUPERUSER")).isEqualTo("42501");
      assertThat(state(statement, "ALTER USER admin NOLOGIN")).isEqualTo("42501");
    }
  }

  @Test
  void alterUser_psqlPasswordVerifier_storedAsSent() throws SQLException {
    String verifier = "SCRAM-SHA-256$4096:AWPt4ihLEdFs/AAtat5Cbw==$"
        + "6NLTDaCNOyLipl1kDtBOojT5Xtw1VGDz2jf7zhooits=:AtcQwpEB8XRotX4Ykr8zhgkXiKioew2ek9nMUATO5ek=";
    try (Connection alice = connect("alice"); Statement statement = alice.createStatement()) {
      statement.execute("ALTER USER alice PASSWORD '" + verifier + "'");
    }
    assertThat(server.database().find("alice").orElseThrow().verifier().orElseThrow().toString())
        .isEqualTo(verifier);
  }

  @Test
  void nologinRole_connectionRefused() throws SQLException {
    admin("CREATE ROLE group_only");
    assertThatThrownBy(() -> connect("group_only").close()).isInstanceOfSatisfying(SQLException.class,
        e -> assertThat(e.getSQLState()).isEqualTo("28000"));
  }

  @Test
  void concurrentSessionsOfDifferentUsers_eachKeepsItsOwnPrivileges() throws Exception {
    admin("GRANT SELECT ON t TO alice", "GRANT INSERT ON t TO bob");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Integer> aliceWork = () -> {
        int denied = 0;
        try (Connection alice = connect("alice"); Statement statement = alice.createStatement()) {
          for (int i = 0; i < 30; i++) {
            assertThat(state(statement, "SELECT count(*) FROM t")).isEqualTo("ok");
            if (state(statement, "INSERT INTO t VALUES (" + (1000 + i) + ", 'a')").equals("42501")) {
              denied++;
            }
          }
        }
        return denied;
      };
      Callable<Integer> bobWork = () -> {
        int denied = 0;
        try (Connection bob = connect("bob"); Statement statement = bob.createStatement()) {
          for (int i = 0; i < 30; i++) {
            assertThat(state(statement, "INSERT INTO t VALUES (" + (2000 + i) + ", 'b')")).isEqualTo("ok");
            if (state(statement, "SELECT count(*) FROM t").equals("42501")) {
              denied++;
            }
          }
        }
        return denied;
      };
      Future<Integer> alice = pool.submit(aliceWork);
      Future<Integer> bob = pool.submit(bobWork);
      assertThat(alice.get()).isEqualTo(30);
      assertThat(bob.get()).isEqualTo(30);
    } finally {
      pool.shutdownNow();
    }
    try (Connection admin = connect("admin"); Statement statement = admin.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM t WHERE id >= 2000")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getLong(1)).isEqualTo(30);
    }
  }

  @Test
  void failedPasswordStatements_passwordInNeitherErrorNorLog() throws Exception {
    Logger root = Logger.getLogger("");
    Level previous = root.getLevel();
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    PrintStream logOut = new PrintStream(logged, true, StandardCharsets.UTF_8);
    List<LogRecord> records = new ArrayList<>();
    SimpleFormatter formatter = new SimpleFormatter();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLoggerName() == null || !record.getLoggerName().startsWith("io.omendb")) {
          return; // the client's own logging (pgjdbc traces what it sends) is not the server's log
        }
        synchronized (records) {
          records.add(record);
          logOut.print(formatter.format(record));
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    capture.setLevel(Level.ALL);
    root.addHandler(capture);
    root.setLevel(Level.ALL);
    List<String> errors = new ArrayList<>();
    try (Connection admin = connect("admin"); Statement statement = admin.createStatement()) {
      for (String sql : List.of("CREATE USER alice PASSWORD 'Leaked-Secret-1'",
          "ALTER USER PASSWORD 'Leaked-Secret-1'",
          "ALTER USER nobody PASSWORD 'Leaked-Secret-1'",
          "CREATE USER carol PASSWORD 'Leaked-Secret-1' LOGIN LOGIN")) {
        try {
          statement.execute(sql);
          errors.add("no error for " + sql);
        } catch (SQLException e) {
          errors.add(e.getSQLState() + " " + e.getMessage());
        }
      }
    } finally {
      root.removeHandler(capture);
      root.setLevel(previous);
    }
    assertThat(errors).hasSize(4).allSatisfy(error -> assertThat(error).doesNotContain("Leaked-Secret-1")
        .doesNotStartWith("no error"));
    assertThat(records).isNotEmpty();
    assertThat(logged.toString(StandardCharsets.UTF_8)).doesNotContain("Leaked-Secret-1");
  }
}
