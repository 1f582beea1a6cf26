package io.omendb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * timestamptz through pgjdbc: {@code setObject(OffsetDateTime)}, {@code setTimestamp} and {@code getObject(...,
 * OffsetDateTime.class)} in the text and binary formats of both protocols, and text output in the session's zone.
 */
class PgjdbcTimestampTzIT {
  private static final OffsetDateTime KOLKATA = OffsetDateTime.parse("2024-05-17T10:11:12.345+05:30");

  @TempDir Path dataDir;
  private OmenServer server;

  @BeforeEach
  void start() throws Exception {
    server = new OmenServer(new ServerConfig(dataDir, InetAddress.getLoopbackAddress(), 0, -1)
        .withSecurity(SecurityOptions.loopbackTrust()));
    server.start();
    try (Connection connection = connect("simple"); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE ev (id INT PRIMARY KEY, at_tz TIMESTAMPTZ)");
    }
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** A connection; {@code mode} "simple" (text, simple protocol) or "binary" (server-prepared, binary results). */
  private Connection connect(String mode) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "tester");
    if (mode.equals("simple")) {
      properties.setProperty("preferQueryMode", "simple");
    } else {
      properties.setProperty("prepareThreshold", "-1");
      properties.setProperty("binaryTransfer", "true");
    }
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.pgPort() + "/omendb", properties);
  }

  @Test
  void setObject_offsetDateTime_roundTripsTheInstantInTextAndBinary() throws Exception {
    for (String mode : new String[] {"simple", "binary"}) {
      int id = mode.equals("simple") ? 1 : 2;
      try (Connection connection = connect(mode);
          PreparedStatement insert = connection.prepareStatement("INSERT INTO ev VALUES (?, ?)")) {
        insert.setInt(1, id);
        insert.setObject(2, KOLKATA);
        assertThat(insert.executeUpdate()).isEqualTo(1);
        try (PreparedStatement select = connection.prepareStatement("SELECT at_tz FROM ev WHERE id = ?")) {
          select.setInt(1, id);
          try (ResultSet rows = select.executeQuery()) {
            assertThat(rows.next()).isTrue();
            OffsetDateTime read = rows.getObject(1, OffsetDateTime.class);
            assertThat(read.toInstant()).as(mode).isEqualTo(KOLKATA.toInstant());
            assertThat(rows.getMetaData().getColumnTypeName(1)).isEqualTo("timestamptz");
          }
        }
      }
    }
  }

  @Test
  void getString_printsInTheSessionZone() throws Exception {
    try (Connection connection = connect("simple"); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO ev VALUES (3, '2024-05-17 10:11:12.345+05:30')");
      statement.execute("SET TIME ZONE 'Europe/Paris'");
      try (ResultSet rows = statement.executeQuery("SELECT at_tz, CAST(at_tz AS TEXT) FROM ev WHERE id = 3")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("2024-05-17 06:41:12.345+02");
        assertThat(rows.getString(2)).isEqualTo("2024-05-17 06:41:12.345+02");
      }
      statement.execute("SET TIME ZONE 'America/St_Johns'");
      try (ResultSet rows = statement.executeQuery("SELECT at_tz FROM ev WHERE id = 3")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("2024-05-17 02:11:12.345-02:30");
      }
    }
  }

  @Test
  void setTimestamp_isTheInstantOfTheTimestamp() throws Exception {
    Timestamp instant = Timestamp.from(Instant.parse("2024-01-15T23:30:00.5Z"));
    try (Connection connection = connect("binary");
        PreparedStatement insert = connection.prepareStatement("INSERT INTO ev VALUES (?, ?)")) {
      insert.setInt(1, 4);
      insert.setTimestamp(2, instant);
      insert.executeUpdate();
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT at_tz FROM ev WHERE id = 4")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getTimestamp(1)).isEqualTo(instant);
        assertThat(rows.getObject(1, OffsetDateTime.class))
            .isEqualTo(OffsetDateTime.of(2024, 1, 15, 23, 30, 0, 500_000_000, ZoneOffset.UTC));
      }
    }
  }

  @Test
  void now_isTimestamptzNearTheClientClock() throws Exception {
    try (Connection connection = connect("binary"); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT now(), localtimestamp")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getMetaData().getColumnTypeName(1)).isEqualTo("timestamptz");
      assertThat(rows.getMetaData().getColumnTypeName(2)).isEqualTo("timestamp");
      Instant now = rows.getObject(1, OffsetDateTime.class).toInstant();
      assertThat(now).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
    }
  }
}
