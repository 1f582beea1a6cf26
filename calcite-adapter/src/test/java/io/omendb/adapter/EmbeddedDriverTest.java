package io.omendb.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDriverTest {
  @TempDir Path dir;

  @Test
  void connect_opensDatabaseAndClosesItWithLastConnection() throws SQLException {
    String url = OmenDriver.PREFIX + dir;
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10))");
      assertThat(statement.executeUpdate("INSERT INTO t VALUES (1, 'a'), (2, 'b')")).isEqualTo(2);
      try (ResultSet rs = statement.executeQuery("SELECT name FROM t WHERE id = 2")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("b");
        assertThat(rs.next()).isFalse();
      }
    }
    // the database was closed with the connection, so opening it directly now works
    try (Database database = Database.open(dir)) {
      assertThat(database.engine().catalog().tableNames()).containsExactly("t");
    }
  }

  @Test
  void connect_joinsDatabaseOpenedInProcess() throws SQLException {
    try (Database database = Database.open(dir)) {
      try (Connection first = DriverManager.getConnection(database.jdbcUrl());
          Connection second = DriverManager.getConnection(database.jdbcUrl())) {
        try (Statement statement = first.createStatement()) {
          statement.execute("CREATE TABLE t (id INT PRIMARY KEY)");
          statement.execute("INSERT INTO t VALUES (1)");
        }
        try (Statement statement = second.createStatement();
            ResultSet rs = statement.executeQuery("SELECT count(*) FROM t")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getLong(1)).isEqualTo(1);
        }
        assertThat(database.sessionCount()).isEqualTo(2);
      }
      assertThat(database.sessionCount()).isZero();
    }
  }

  @Test
  void prepareStatement_parametersAndSqlStates() throws SQLException {
    try (Connection connection = DriverManager.getConnection(OmenDriver.PREFIX + dir)) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE t (id INT PRIMARY KEY, v TEXT NOT NULL)");
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
        for (int i = 1; i <= 3; i++) {
          insert.setInt(1, i);
          insert.setString(2, "v" + i);
          assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        insert.setInt(1, 1);
        insert.setString(2, "dup");
        assertThatThrownBy(insert::executeUpdate)
            .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
      }
      try (PreparedStatement select = connection.prepareStatement("SELECT v FROM t WHERE id = ?")) {
        select.setInt(1, 3);
        try (ResultSet rs = select.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo("v3");
        }
      }
      assertThatThrownBy(() -> connection.prepareStatement("SELECT * FROM missing"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
    }
  }

  @Test
  void autoCommitOff_commitAndRollbackDelimitTransactions() throws SQLException {
    String url = OmenDriver.PREFIX + dir;
    try (Connection writer = DriverManager.getConnection(url);
        Connection reader = DriverManager.getConnection(url)) {
      try (Statement statement = writer.createStatement()) {
        statement.execute("CREATE TABLE t (id INT PRIMARY KEY)");
      }
      writer.setAutoCommit(false);
      writer.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      assertThat(writer.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
      try (Statement statement = writer.createStatement()) {
        statement.executeUpdate("INSERT INTO t VALUES (1)");
      }
      assertThat(count(reader)).isZero();
      writer.commit();
      assertThat(count(reader)).isEqualTo(1);
      try (Statement statement = writer.createStatement()) {
        statement.executeUpdate("INSERT INTO t VALUES (2)");
      }
      writer.rollback();
      assertThat(count(reader)).isEqualTo(1);
      writer.setAutoCommit(true);
      try (Statement statement = reader.createStatement()) {
        statement.execute("BEGIN");
        statement.executeUpdate("INSERT INTO t VALUES (3)");
        assertThat(count(writer)).isEqualTo(1);
        statement.execute("COMMIT");
      }
      assertThat(count(writer)).isEqualTo(2);
    }
  }

  @Test
  void explainAndShow_returnRowsThroughJdbc() throws SQLException {
    try (Connection connection = DriverManager.getConnection(OmenDriver.PREFIX + dir);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INT PRIMARY KEY)");
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = statement.executeQuery("EXPLAIN SELECT id FROM t WHERE id = 1")) {
        assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("QUERY PLAN");
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      assertThat(plan.toString()).contains("StoreIndexSeek").contains("keys=[[$0 = 1]]");
      try (ResultSet rs = statement.executeQuery("SHOW transaction_isolation")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("transaction_isolation")).isEqualTo("read committed");
      }
      try (ResultSet rs = statement.executeQuery("EXPLAIN PLAN FOR SELECT id FROM t")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).contains("StoreTableScan");
      }
    }
  }

  private static long count(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM t")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
