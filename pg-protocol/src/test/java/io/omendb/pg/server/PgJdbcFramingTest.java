package io.omendb.pg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.adapter.ColumnMeta;
import io.omendb.adapter.CommandKind;
import io.omendb.pg.server.CannedSession.Canned;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real pgjdbc against the server over {@link CannedSession}s: proves the handshake, type OIDs and text encodings
 * satisfy the driver. Tests framing, not SQL; {@code PgServerIT} runs real SQL.
 */
class PgJdbcFramingTest {

  private static final Map<String, Canned> TABLE = Map.of(
      "SELECT * FROM typed", Canned.rows(CommandKind.SELECT, List.of(
              new ColumnMeta("b", Types.BOOLEAN, "BOOLEAN", -1, -1, null, true),
              new ColumnMeta("i", Types.INTEGER, "INTEGER", -1, -1, null, true),
              new ColumnMeta("l", Types.BIGINT, "BIGINT", -1, -1, null, true),
              new ColumnMeta("d", Types.DOUBLE, "DOUBLE", -1, -1, null, true),
              new ColumnMeta("n", Types.DECIMAL, "DECIMAL", 10, 2, null, true),
              new ColumnMeta("s", Types.VARCHAR, "VARCHAR", 20, -1, null, true),
              new ColumnMeta("ts", Types.TIMESTAMP, "TIMESTAMP", -1, -1, null, true),
              new ColumnMeta("bytes", Types.VARBINARY, "VARBINARY", -1, -1, null, true)),
          new Object[] {true, 42, 1L << 40, 0.1, new BigDecimal("12.50"), "grüße",
              Timestamp.valueOf("2024-01-02 03:04:05.5"), new byte[] {1, 2, (byte) 0xFF}},
          new Object[] {null, null, null, Double.NaN, null, null, null, null}),
      "INSERT INTO t VALUES (1)", Canned.count(CommandKind.INSERT, 1),
      // pgjdbc sends this after startup unless assumeMinServerVersion lets it put the name in the startup packet.
      "SET application_name = 'framing-test'", Canned.count(CommandKind.SET, 0),
      "SELECT * FROM missing", Canned.error("42P01", "relation \"missing\" does not exist"));

  private final CannedSession.Factory sessions = new CannedSession.Factory(TABLE);
  private PgServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = new PgServer(sessions, PgServerConfig.loopback(0));
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void pgjdbc_readsTypedRows() throws SQLException {
    try (Connection conn = connect(); Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM typed")) {
      assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("bool");
      assertThat(rs.getMetaData().getColumnTypeName(5)).isEqualTo("numeric");
      assertThat(rs.getMetaData().getColumnType(6)).isEqualTo(Types.VARCHAR);

      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean("b")).isTrue();
      assertThat(rs.getInt("i")).isEqualTo(42);
      assertThat(rs.getLong("l")).isEqualTo(1L << 40);
      assertThat(rs.getDouble("d")).isEqualTo(0.1);
      assertThat(rs.getBigDecimal("n")).isEqualTo(new BigDecimal("12.50"));
      assertThat(rs.getString("s")).isEqualTo("grüße");
      assertThat(rs.getTimestamp("ts")).isEqualTo(Timestamp.valueOf("2024-01-02 03:04:05.5"));
      assertThat(rs.getBytes("bytes")).containsExactly(1, 2, 0xFF);

      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject("b")).isNull();
      assertThat(rs.getObject("i")).isNull();
      assertThat(rs.getDouble("d")).isNaN();
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void pgjdbc_updateCount() throws SQLException {
    try (Connection conn = connect(); Statement st = conn.createStatement()) {
      assertThat(st.executeUpdate("INSERT INTO t VALUES (1)")).isEqualTo(1);
    }
  }

  @Test
  void pgjdbc_errorCarriesSqlStateAndConnectionSurvives() throws SQLException {
    try (Connection conn = connect(); Statement st = conn.createStatement()) {
      assertThatThrownBy(() -> st.executeQuery("SELECT * FROM missing"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
      assertThat(st.executeUpdate("INSERT INTO t VALUES (1)")).isEqualTo(1);
    }
  }

  @Test
  void pgjdbc_closingTheConnectionClosesTheSession() throws SQLException, InterruptedException {
    try (Connection conn = connect()) {
      assertThat(conn.isValid(5)).isTrue();
    }
    long deadline = System.currentTimeMillis() + 10_000;
    while (!sessions.opened.get(0).closed && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertThat(sessions.opened.get(0).closed).isTrue();
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + server.port() + "/test?preferQueryMode=simple&user=alice"
            + "&ApplicationName=framing-test");
  }
}
