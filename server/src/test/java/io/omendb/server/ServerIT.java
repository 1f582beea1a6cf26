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

/** The whole server on ephemeral ports, driven by pgjdbc and the Avatica thin driver. */
class ServerIT {
  /** The superuser's first password, handed to the server as OMENDB_ADMIN_PASSWORD would be. */
  private static final String ADMIN_PASSWORD = "server-it-admin";
  @TempDir Path dataDir;
  private OmenServer server;

  @BeforeEach
  void start() throws Exception {
    server = newServer(0);
    server.start();
  }

  /** A server whose superuser is the "tester" both clients log in as. */
  private OmenServer newServer(int avaticaPort) {
    return new OmenServer(new ServerConfig(dataDir, InetAddress.getLoopbackAddress(), 0, avaticaPort)
        .withAdmin(AdminConfig.defaults().withUser("tester")),
        Map.of(AdminBootstrap.PASSWORD_ENV, ADMIN_PASSWORD));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Connection pg() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "tester");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.pgPort() + "/omendb", properties);
  }

  private Connection avatica(String serialization) throws SQLException {
    return DriverManager.getConnection("jdbc:avatica:remote:url=http://127.0.0.1:" + server.avaticaPort()
        + ";serialization=" + serialization + ";authentication=BASIC;avatica_user=tester;avatica_password="
        + ADMIN_PASSWORD);
  }

  private static List<String> rows(Statement statement, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery(sql)) {
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

  @Test
  void pgjdbc_createInsertSelectJoinGroupBy() throws SQLException {
    try (Connection connection = pg(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE dept (id INT PRIMARY KEY, name TEXT NOT NULL)");
      statement.execute("CREATE TABLE emp (id BIGINT PRIMARY KEY, dept_id INT, salary INT DEFAULT 10)");
      assertThat(statement.executeUpdate("INSERT INTO dept VALUES (1, 'eng'), (2, 'ops')")).isEqualTo(2);
      assertThat(statement.executeUpdate("INSERT INTO emp VALUES (1, 1, 100), (2, 1, 150), (3, 2, 70)"))
          .isEqualTo(3);
      statement.executeUpdate("INSERT INTO emp (id, dept_id) VALUES (4, 2)");
      assertThat(rows(statement, "SELECT name FROM dept WHERE id = 2")).containsExactly("ops");
      assertThat(rows(statement, "SELECT d.name, count(*), sum(e.salary) FROM emp e JOIN dept d "
          + "ON e.dept_id = d.id GROUP BY d.name ORDER BY d.name")).containsExactly("eng|2|250", "ops|2|80");
      assertThat(rows(statement, "SELECT id FROM emp ORDER BY salary DESC LIMIT 2")).containsExactly("2", "1");
    }
  }

  @Test
  void pgjdbc_errorsCarrySqlState() throws SQLException {
    try (Connection connection = pg(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INT PRIMARY KEY, v TEXT NOT NULL)");
      statement.execute("INSERT INTO t VALUES (1, 'a')");
      assertThat(sqlState(statement, "SELEKT 1")).isEqualTo("42601");
      assertThat(sqlState(statement, "SELECT * FROM missing")).isEqualTo("42P01");
      assertThat(sqlState(statement, "SELECT nope FROM t")).isEqualTo("42703");
      assertThat(sqlState(statement, "INSERT INTO t VALUES (1, 'b')")).isEqualTo("23505");
      assertThat(sqlState(statement, "INSERT INTO t VALUES (2, NULL)")).isEqualTo("23502");
      // the session survives its errors
      assertThat(rows(statement, "SELECT v FROM t")).containsExactly("a");
    }
  }

  private static String sqlState(Statement statement, String sql) {
    try {
      statement.execute(sql);
    } catch (SQLException e) {
      return e.getSQLState();
    }
    throw new AssertionError("expected an error from " + sql);
  }

  @Test
  void avatica_protobuf() throws SQLException {
    try (Connection pg = pg(); Statement statement = pg.createStatement()) {
      statement.execute("CREATE TABLE kv (k INT PRIMARY KEY, v VARCHAR(10))");
    }
    for (String serialization : List.of("protobuf")) {
      try (Connection connection = avatica(serialization); Statement statement = connection.createStatement()) {
        int base = serialization.equals("json") ? 0 : 10;
        statement.executeUpdate("INSERT INTO kv VALUES (" + (base + 1) + ", 'a'), (" + (base + 2) + ", 'b')");
        assertThat(rows(statement, "SELECT count(*) FROM kv WHERE k > " + base)).containsExactly("2");
        assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM nothing"))
            .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
      }
    }
    try (Connection pg = pg(); Statement statement = pg.createStatement()) {
      assertThat(rows(statement, "SELECT k FROM kv ORDER BY k")).containsExactly("11", "12");
    }
  }

  @Test
  void restart_keepsRows() throws Exception {
    try (Connection connection = pg(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INT PRIMARY KEY, v TEXT)");
      statement.execute("INSERT INTO t VALUES (1, 'one'), (2, 'two')");
    }
    server.close();
    server = newServer(-1);
    server.start();
    try (Connection connection = pg(); Statement statement = connection.createStatement()) {
      assertThat(rows(statement, "SELECT v FROM t ORDER BY id")).containsExactly("one", "two");
    }
  }
}
