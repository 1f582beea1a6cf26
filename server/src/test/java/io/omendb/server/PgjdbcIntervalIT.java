package io.omendb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PGInterval;

/**
 * Interval columns through pgjdbc: OID 1186 in the row description, PostgreSQL's text, and {@code getObject} as a
 * {@link PGInterval}, with the simple protocol and with server-prepared statements.
 */
class PgjdbcIntervalIT {
  @TempDir Path dataDir;
  private OmenServer server;

  @BeforeEach
  void start() throws Exception {
    server = new OmenServer(new ServerConfig(dataDir, InetAddress.getLoopbackAddress(), 0, -1)
        .withSecurity(SecurityOptions.loopbackTrust()));
    server.start();
    try (Connection connection = connect("simple"); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE iv (id INT PRIMARY KEY, d interval, ym INTERVAL YEAR TO MONTH)");
      statement.execute("INSERT INTO iv VALUES (1, '1 day 02:00:00'::interval, '1 year 2 months'::interval),"
          + " (2, '-1 day'::interval, '-2 years'::interval), (3, NULL, NULL)");
    }
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** A connection; {@code mode} "simple" (simple protocol) or "prepared" (server-prepared statements). */
  private Connection connect(String mode) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "tester");
    if (mode.equals("simple")) {
      properties.setProperty("preferQueryMode", "simple");
    } else {
      properties.setProperty("prepareThreshold", "-1");
    }
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.pgPort() + "/omendb", properties);
  }

  @Test
  void select_intervalColumns_readAsPostgresTextAndPgInterval() throws Exception {
    for (String mode : new String[] {"simple", "prepared"}) {
      try (Connection connection = connect(mode);
          java.sql.PreparedStatement select = connection.prepareStatement("SELECT d, ym FROM iv ORDER BY id");
          ResultSet rows = select.executeQuery()) {
        assertThat(rows.getMetaData().getColumnTypeName(1)).as(mode).isEqualTo("interval");
        assertThat(rows.getMetaData().getColumnTypeName(2)).as(mode).isEqualTo("interval");
        List<String> text = new ArrayList<>();
        List<Object> objects = new ArrayList<>();
        while (rows.next()) {
          text.add(rows.getString(1) + "|" + rows.getString(2));
          objects.add(rows.getObject(1));
          objects.add(rows.getObject(2));
        }
        assertThat(text).as(mode).containsExactly("1 day 02:00:00|1 year 2 mons", "-1 days|-2 years", "null|null");
        assertThat(objects).as(mode).containsExactly(new PGInterval(0, 0, 1, 2, 0, 0), new PGInterval(1, 2, 0, 0,
            0, 0), new PGInterval(0, 0, -1, 0, 0, 0), new PGInterval(-2, 0, 0, 0, 0, 0), null, null);
      }
    }
  }

  @Test
  void where_intervalComparedWithLiteral_selectsRows() throws Exception {
    try (Connection connection = connect("prepared"); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id, d * 2 FROM iv WHERE d > '1 hour'::interval")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(1);
      assertThat(rows.getString(2)).isEqualTo("2 days 04:00:00");
      assertThat(rows.next()).isFalse();
    }
  }
}
