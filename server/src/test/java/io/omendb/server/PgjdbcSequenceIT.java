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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sequences through pgjdbc and the extended query protocol: nextval from many connections at once, serial and
 * identity columns filled by prepared INSERTs, and the sequence state surviving a server restart.
 */
class PgjdbcSequenceIT {
  private static final int CLIENTS = 6;
  private static final int CALLS_PER_CLIENT = 100;

  @TempDir Path dataDir;
  private OmenServer server;

  @BeforeEach
  void start() throws Exception {
    server = startServer();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private OmenServer startServer() throws Exception {
    OmenServer started = new OmenServer(new ServerConfig(dataDir, InetAddress.getLoopbackAddress(), 0, -1)
        .withSecurity(SecurityOptions.loopbackTrust()));
    started.start();
    return started;
  }

  private Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "tester");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.pgPort() + "/omendb", properties);
  }

  @Test
  void nextval_fromConcurrentConnections_givesDistinctValues() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SEQUENCE shared");
    }
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<List<Long>>> futures = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        futures.add(pool.submit(() -> {
          List<Long> values = new ArrayList<>();
          try (Connection connection = connect();
              PreparedStatement nextval = connection.prepareStatement("SELECT nextval(?)")) {
            for (int i = 0; i < CALLS_PER_CLIENT; i++) {
              nextval.setString(1, "shared");
              try (ResultSet resultSet = nextval.executeQuery()) {
                resultSet.next();
                values.add(resultSet.getLong(1));
              }
            }
          }
          return values;
        }));
      }
      Set<Long> all = new HashSet<>();
      for (Future<List<Long>> future : futures) {
        List<Long> values = future.get();
        assertThat(values).isSorted();
        all.addAll(values);
      }
      assertThat(all).hasSize(CLIENTS * CALLS_PER_CLIENT);
      assertThat(all).allMatch(v -> v >= 1 && v <= CLIENTS * CALLS_PER_CLIENT);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void serialInsert_throughPreparedStatements_numbersRowsAndResumesAfterRestart() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE notes (id SERIAL PRIMARY KEY, body TEXT)");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notes (body) VALUES (?)")) {
        for (String body : List.of("a", "b", "c")) {
          insert.setString(1, body);
          assertThat(insert.executeUpdate()).isEqualTo(1);
        }
      }
      try (ResultSet resultSet = statement.executeQuery("SELECT id, body FROM notes ORDER BY id")) {
        List<String> rows = new ArrayList<>();
        while (resultSet.next()) {
          rows.add(resultSet.getInt(1) + "|" + resultSet.getString(2));
        }
        assertThat(rows).containsExactly("1|a", "2|b", "3|c");
      }
      try (ResultSet resultSet = statement.executeQuery("SELECT currval('notes_id_seq')")) {
        resultSet.next();
        assertThat(resultSet.getLong(1)).isEqualTo(3);
      }
    }
    server.close();
    server = startServer();
    try (Connection connection = connect();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO notes (body) VALUES (?)");
        Statement statement = connection.createStatement()) {
      insert.setString(1, "d");
      insert.executeUpdate();
      try (ResultSet resultSet = statement.executeQuery("SELECT id FROM notes WHERE body = 'd'")) {
        resultSet.next();
        assertThat(resultSet.getInt(1)).isGreaterThan(3);
      }
    }
  }

  @Test
  void identityAlways_preparedInsertOfAnExplicitValue_fails428C9UnlessOverriding() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE events (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, kind TEXT)");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO events (id, kind) VALUES (?, ?)")) {
        insert.setLong(1, 42);
        insert.setString(2, "x");
        assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class)
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("428C9");
      }
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO events (id, kind) OVERRIDING SYSTEM VALUE VALUES (?, ?)")) {
        insert.setLong(1, 42);
        insert.setString(2, "y");
        assertThat(insert.executeUpdate()).isEqualTo(1);
      }
      statement.execute("INSERT INTO events (kind) VALUES ('z')");
      try (ResultSet resultSet = statement.executeQuery("SELECT id, kind FROM events ORDER BY id")) {
        List<String> rows = new ArrayList<>();
        while (resultSet.next()) {
          rows.add(resultSet.getLong(1) + "|" + resultSet.getString(2));
        }
        assertThat(rows).containsExactly("1|z", "42|y");
      }
    }
  }
}
