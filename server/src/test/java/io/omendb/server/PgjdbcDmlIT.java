package io.omendb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DML beyond plain counts through real clients: RETURNING over pgjdbc's simple and extended protocols (rows, the
 * described row shape, {@code getGeneratedKeys}, which appends {@code RETURNING *} and reads the DML command tag) and
 * through the Avatica driver.
 */
class PgjdbcDmlIT {
  private static final String ADMIN_PASSWORD = "dml-it-admin";
  @TempDir Path dataDir;
  private OmenServer server;

  @BeforeEach
  void start() throws Exception {
    server = new OmenServer(new ServerConfig(dataDir, InetAddress.getLoopbackAddress(), 0, 0)
        .withSecurity(SecurityOptions.loopbackTrust())
        .withAdmin(AdminConfig.defaults().withUser("tester")),
        Map.of(AdminBootstrap.PASSWORD_ENV, ADMIN_PASSWORD));
    server.start();
    try (Connection connection = pg("extended"); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, qty INT DEFAULT 5)");
    }
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Connection pg(String queryMode) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "tester");
    properties.setProperty("preferQueryMode", queryMode);
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.pgPort() + "/omendb", properties);
  }

  private static List<String> rows(ResultSet resultSet) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (resultSet) {
      int columns = resultSet.getMetaData().getColumnCount();
      while (resultSet.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(resultSet.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  @Test
  void returning_simpleProtocol_rowsOfEachStatement() throws SQLException {
    try (Connection connection = pg("simple"); Statement statement = connection.createStatement()) {
      assertThat(rows(statement.executeQuery(
          "INSERT INTO items (id, name) VALUES (1, 'a'), (2, 'b') RETURNING id, name, qty")))
          .containsExactly("1|a|5", "2|b|5");
      assertThat(statement.execute("UPDATE items SET qty = qty * 2 WHERE id = 2 RETURNING qty AS doubled")).isTrue();
      assertThat(statement.getResultSet().getMetaData().getColumnLabel(1)).isEqualTo("doubled");
      assertThat(rows(statement.getResultSet())).containsExactly("10");
      assertThat(rows(statement.executeQuery("DELETE FROM items WHERE id = 1 RETURNING *"))).containsExactly("1|a|5");
      assertThat(rows(statement.executeQuery("SELECT id FROM items"))).containsExactly("2");
    }
  }

  @Test
  void returning_extendedProtocol_describesRowShapeAndBindsParameters() throws SQLException {
    try (Connection connection = pg("extended");
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO items (id, name) VALUES (?, ?) RETURNING id * 100 AS hundreds, upper(name) AS big")) {
      ResultSetMetaData described = insert.getMetaData();
      assertThat(described.getColumnCount()).isEqualTo(2);
      assertThat(described.getColumnLabel(1)).isEqualTo("hundreds");
      assertThat(described.getColumnType(1)).isEqualTo(Types.INTEGER);
      assertThat(described.getColumnLabel(2)).isEqualTo("big");
      for (int id = 1; id <= 6; id++) { // past pgjdbc's prepareThreshold: named server-side statements too
        insert.setInt(1, id);
        insert.setString(2, "n" + id);
        assertThat(rows(insert.executeQuery())).containsExactly(id * 100 + "|N" + id);
      }
    }
  }

  @Test
  void getGeneratedKeys_appendsReturningAndReadsTheInsertTag() throws SQLException {
    try (Connection connection = pg("extended");
        PreparedStatement insert = connection.prepareStatement("INSERT INTO items (id, name) VALUES (?, ?), (?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setInt(1, 7);
      insert.setString(2, "x");
      insert.setInt(3, 8);
      insert.setString(4, "y");
      assertThat(insert.executeUpdate()).isEqualTo(2);
      assertThat(rows(insert.getGeneratedKeys())).containsExactly("7|x|5", "8|y|5");
    }
    try (Connection connection = pg("extended");
        PreparedStatement update = connection.prepareStatement("UPDATE items SET qty = ? WHERE id >= ?",
            new String[] {"id", "qty"})) {
      update.setInt(1, 1);
      update.setInt(2, 8);
      assertThat(update.executeUpdate()).isEqualTo(1);
      assertThat(rows(update.getGeneratedKeys())).containsExactly("8|1");
    }
  }

  @Test
  void returning_avatica_rows() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:avatica:remote:url=http://127.0.0.1:"
        + server.avaticaPort() + ";serialization=protobuf;authentication=BASIC;avatica_user=tester;"
        + "avatica_password=" + ADMIN_PASSWORD); Statement statement = connection.createStatement()) {
      assertThat(rows(statement.executeQuery("INSERT INTO items VALUES (3, 'c', 1) RETURNING name, qty + 1")))
          .containsExactly("c|2");
      assertThat(rows(statement.executeQuery("DELETE FROM items RETURNING id"))).containsExactly("3");
    }
  }

  @Test
  void upsert_extendedProtocolBatch_insertsThenUpdates() throws SQLException {
    try (Connection connection = pg("extended");
        PreparedStatement upsert = connection.prepareStatement("INSERT INTO items (id, name, qty) VALUES (?, ?, ?) "
            + "ON CONFLICT (id) DO UPDATE SET qty = items.qty + EXCLUDED.qty, name = EXCLUDED.name")) {
      for (int round = 1; round <= 3; round++) {
        for (int id = 1; id <= 2; id++) {
          upsert.setInt(1, id);
          upsert.setString(2, "r" + round);
          upsert.setInt(3, id);
          upsert.addBatch();
        }
        assertThat(upsert.executeBatch()).containsExactly(1, 1);
      }
      try (Statement statement = connection.createStatement()) {
        assertThat(rows(statement.executeQuery("SELECT id, name, qty FROM items ORDER BY id")))
            .containsExactly("1|r3|3", "2|r3|6");
        assertThat(rows(statement.executeQuery(
            "INSERT INTO items VALUES (2, 'x', 0), (3, 'y', 0) ON CONFLICT DO NOTHING RETURNING id")))
            .containsExactly("3");
      }
    }
  }

  @Test
  void preparedParameter_longerThanVarchar_isStringDataRightTruncation() throws SQLException {
    try (Connection connection = pg("extended");
        PreparedStatement insert = connection.prepareStatement("INSERT INTO items (id, name) VALUES (?, ?)");
        PreparedStatement update = connection.prepareStatement("UPDATE items SET name = ? WHERE id = ?")) {
      insert.setInt(1, 1);
      insert.setString(2, "x".repeat(21));
      assertThatThrownBy(insert::executeUpdate).isInstanceOfSatisfying(SQLException.class, e -> {
        assertThat(e.getSQLState()).isEqualTo("22001");
        assertThat(e.getMessage()).contains("value too long for type character varying(20)");
      });
      insert.setString(2, "y".repeat(20));
      assertThat(insert.executeUpdate()).isEqualTo(1);
      update.setString(1, "z".repeat(25));
      update.setInt(2, 1);
      assertThatThrownBy(update::executeUpdate).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getSQLState()).isEqualTo("22001"));
      try (Statement statement = connection.createStatement()) {
        assertThat(rows(statement.executeQuery("SELECT name FROM items"))).containsExactly("y".repeat(20));
      }
    }
  }
}
