package io.omendb.avatica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.omendb.adapter.Database;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaSqlException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole stack in both serializations: Avatica's own thin JDBC driver, over HTTP, to a real {@link Database}
 * in a temporary directory.
 */
class AvaticaServerIT {
  private static final int PROBE_TIMEOUT_MILLIS = 2_000;

  @TempDir
  Path dataDir;

  private Database database;
  private AvaticaServer server;

  @BeforeEach
  void open() throws SQLException {
    database = Database.open(dataDir);
  }

  @AfterEach
  void close() {
    // The server first, so that every session it opened is closed before the database.
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Serialization.class)
  void createInsertSelect_withWhere(Serialization serialization) throws Exception {
    try (Connection conn = connect(serialization); Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, score DOUBLE)");
      assertThat(st.executeUpdate("INSERT INTO person VALUES (1, 'ann', 1.5), (2, 'bob', NULL), (3, 'cy', 0.25)"))
          .isEqualTo(3);

      assertThat(rows(st, "SELECT id, name, score FROM person ORDER BY id"))
          .containsExactly("1|ann|1.5", "2|bob|null", "3|cy|0.25");
      assertThat(rows(st, "SELECT name FROM person WHERE id = 2")).containsExactly("bob");
      assertThat(rows(st, "SELECT id FROM person WHERE score > 1 OR name = 'cy' ORDER BY id"))
          .containsExactly("1", "3");
    }
  }

  @ParameterizedTest
  @EnumSource(Serialization.class)
  void join_and_groupBy(Serialization serialization) throws Exception {
    try (Connection conn = connect(serialization); Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE dept (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL)");
      st.execute("CREATE TABLE emp (id INT PRIMARY KEY, dept_id INT NOT NULL, salary INT NOT NULL)");
      st.executeUpdate("INSERT INTO dept VALUES (1, 'eng'), (2, 'ops')");
      st.executeUpdate("INSERT INTO emp VALUES (10, 1, 100), (11, 1, 200), (12, 2, 50)");

      assertThat(rows(st, "SELECT e.id, d.name FROM emp e JOIN dept d ON e.dept_id = d.id ORDER BY e.id"))
          .containsExactly("10|eng", "11|eng", "12|ops");
      assertThat(rows(st, "SELECT d.name, COUNT(*), SUM(e.salary) FROM emp e JOIN dept d ON e.dept_id = d.id"
          + " GROUP BY d.name ORDER BY d.name"))
          .containsExactly("eng|2|300", "ops|1|50");
    }
  }

  @ParameterizedTest
  @EnumSource(Serialization.class)
  void preparedStatement_bindsParameters(Serialization serialization) throws Exception {
    try (Connection conn = connect(serialization); Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE kv (k INT PRIMARY KEY, v VARCHAR(10))");
      try (PreparedStatement insert = conn.prepareStatement("INSERT INTO kv VALUES (?, ?)")) {
        for (int k = 1; k <= 3; k++) {
          insert.setInt(1, k);
          insert.setString(2, "v" + k);
          assertThat(insert.executeUpdate()).isEqualTo(1);
        }
      }
      try (PreparedStatement select = conn.prepareStatement("SELECT v FROM kv WHERE k >= ? ORDER BY k")) {
        select.setInt(1, 2);
        try (ResultSet rs = select.executeQuery()) {
          assertThat(drain(rs)).containsExactly("v2", "v3");
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Serialization.class)
  void unknownTable_carries42P01_withoutServerStackTrace(Serialization serialization) throws Exception {
    try (Connection conn = connect(serialization); Statement st = conn.createStatement()) {
      assertThatThrownBy(() -> st.executeQuery("SELECT * FROM nosuch"))
          .isInstanceOfSatisfying(AvaticaSqlException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("42P01");
            assertThat(e.getMessage()).contains("relation \"nosuch\" does not exist");
            assertThat(e.getStackTraces()).isNotEmpty().allSatisfy(trace -> assertThat(trace)
                .doesNotContain("\tat ").doesNotContain("Caused by").doesNotContain("org.apache.calcite.sql"));
          });
      // The connection is still usable after the error.
      assertThat(rows(st, "SELECT 1")).containsExactly("1");
    }
  }

  @ParameterizedTest
  @EnumSource(Serialization.class)
  void duplicateKey_carries23505_andRollsBack(Serialization serialization) throws Exception {
    try (Connection conn = connect(serialization); Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE t (id INT PRIMARY KEY)");
      st.executeUpdate("INSERT INTO t VALUES (1)");
      assertThatThrownBy(() -> st.executeUpdate("INSERT INTO t VALUES (2), (1)"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
      assertThat(rows(st, "SELECT id FROM t")).containsExactly("1");
    }
  }

  /** PostgreSQL-shaped EXPLAIN through the thin driver: one QUERY PLAN row per plan line. */
  @ParameterizedTest
  @EnumSource(Serialization.class)
  void explain_returnsQueryPlanRows(Serialization serialization) throws Exception {
    try (Connection conn = connect(serialization); Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE ex (id INT PRIMARY KEY)");
      assertThat(String.join("\n", rows(st, "EXPLAIN SELECT id FROM ex WHERE id = 3")))
          .contains("StoreIndexSeek").contains("keys=[[$0 = 3]]");
    }
  }

  /** JDBC transactions over the thin driver: autocommit off, commit and rollback reach the session. */
  @ParameterizedTest
  @EnumSource(Serialization.class)
  void autoCommitOff_commitAndRollback(Serialization serialization) throws Exception {
    try (Connection writer = connect(serialization); Connection reader = connect(serialization);
        Statement setup = writer.createStatement()) {
      setup.execute("CREATE TABLE tx (id INT PRIMARY KEY)");
      writer.setAutoCommit(false);
      try (Statement st = writer.createStatement(); Statement check = reader.createStatement()) {
        st.executeUpdate("INSERT INTO tx VALUES (1)");
        assertThat(rows(check, "SELECT count(*) FROM tx")).containsExactly("0");
        writer.commit();
        assertThat(rows(check, "SELECT count(*) FROM tx")).containsExactly("1");
        st.executeUpdate("INSERT INTO tx VALUES (2)");
        writer.rollback();
        assertThat(rows(check, "SELECT count(*) FROM tx")).containsExactly("1");
      }
    }
  }

  @Test
  void connections_areSessions_closedWithConnectionAndServer() throws Exception {
    try (Connection conn = connect(Serialization.JSON); Statement st = conn.createStatement()) {
      assertThat(rows(st, "SELECT 1")).containsExactly("1");
      assertThat(database.sessionCount()).isEqualTo(1);
    }
    assertThat(database.sessionCount()).isZero();

    Connection left = connect(Serialization.JSON);
    try (Statement st = left.createStatement()) {
      assertThat(rows(st, "SELECT 1")).containsExactly("1");
    }
    assertThat(database.sessionCount()).isEqualTo(1);
    server.close();
    assertThat(database.sessionCount()).isZero();
  }

  @Test
  void url_namesLoopbackPortAndSerialization() throws Exception {
    server = new AvaticaServer(database, AvaticaServerConfig.loopback(0).withSerialization(Serialization.PROTOBUF));
    server.start();
    assertThat(server.port()).isPositive();
    assertThat(server.url())
        .isEqualTo("jdbc:avatica:remote:url=http://127.0.0.1:" + server.port() + ";serialization=protobuf");
  }

  @Test
  void listensOnLoopbackOnly_notOnOtherLocalAddresses() throws Exception {
    server = new AvaticaServer(database, AvaticaServerConfig.loopback(0));
    server.start();
    InetAddress other = nonLoopbackLocalAddress();
    assumeTrue(other != null, "no non-loopback interface to probe");
    try (Socket socket = new Socket()) {
      assertThatThrownBy(() -> socket.connect(new InetSocketAddress(other, server.port()), PROBE_TIMEOUT_MILLIS))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void start_onNonLoopbackAddress_isRefused() throws Exception {
    InetAddress wildcard = InetAddress.getByAddress(new byte[4]);
    server = new AvaticaServer(database, AvaticaServerConfig.loopback(0).withBindAddress(wildcard));
    assertThatThrownBy(server::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unauthenticated")
        .hasMessageContaining("0.0.0.0");
    assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void start_onTakenPort_throwsIOException() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      server = new AvaticaServer(database, AvaticaServerConfig.loopback(taken.getLocalPort()));
      assertThatThrownBy(server::start).isInstanceOf(IOException.class);
      assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void start_twice_isRefused() throws Exception {
    server = new AvaticaServer(database, AvaticaServerConfig.loopback(0));
    server.start();
    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class).hasMessage("server already started");
  }

  private Connection connect(Serialization serialization) throws Exception {
    if (server == null) {
      server = new AvaticaServer(database, AvaticaServerConfig.loopback(0).withSerialization(serialization));
      server.start();
    }
    Properties info = new Properties();
    info.setProperty("user", "omendb");
    return DriverManager.getConnection(server.url(), info);
  }

  private static InetAddress nonLoopbackLocalAddress() throws SocketException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address) {
          return address;
        }
      }
    }
    return null;
  }

  private static List<String> rows(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      return drain(rs);
    }
  }

  private static List<String> drain(ResultSet rs) throws SQLException {
    int columns = rs.getMetaData().getColumnCount();
    List<String> rows = new ArrayList<>();
    while (rs.next()) {
      StringBuilder row = new StringBuilder();
      for (int i = 1; i <= columns; i++) {
        if (i > 1) {
          row.append('|');
        }
        row.append(rs.getString(i));
      }
      rows.add(row.toString());
    }
    return rows;
  }
}
