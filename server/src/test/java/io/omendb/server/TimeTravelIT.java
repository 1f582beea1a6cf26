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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time travel through pgwire with pgjdbc: {@code FOR SYSTEM_TIME AS OF} and {@code AS OF SYSTEM TIME} read the
 * versions committed before a time the test captured with {@code now()} between its statements, in simple and
 * extended query protocol; the retention window ({@code --history-retention}) bounds how far back, with 72000.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TimeTravelIT {
  @TempDir Path dataDir;
  private OmenServer server;
  private Connection connection;
  private Statement statement;

  private void start(Duration retention) throws Exception {
    server = new OmenServer(new ServerConfig(dataDir, InetAddress.getLoopbackAddress(), 0, -1)
        .withSecurity(SecurityOptions.loopbackTrust()).withHistoryRetention(retention));
    server.start();
    java.util.Properties properties = new java.util.Properties();
    properties.setProperty("user", "tester");
    properties.setProperty("socketTimeout", "30");
    connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.pgPort() + "/omendb",
        properties);
    statement = connection.createStatement();
  }

  @AfterEach
  void stop() throws SQLException {
    if (connection != null) {
      connection.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** The time now, as text with milliseconds, strictly between the commits before and after it. */
  private String now() throws SQLException, InterruptedException {
    Thread.sleep(3);
    try (ResultSet rs = statement.executeQuery("SELECT CAST(now() AS TIMESTAMP(3))")) {
      rs.next();
      String now = rs.getString(1);
      Thread.sleep(3);
      return now;
    }
  }

  private List<String> rows(String sql, Object... parameters) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (PreparedStatement prepared = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        prepared.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = prepared.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          StringBuilder row = new StringBuilder();
          for (int c = 1; c <= n; c++) {
            row.append(c == 1 ? "" : "|").append(rs.getString(c));
          }
          rows.add(row.toString());
        }
      }
    }
    return rows;
  }

  private static String sqlState(Throwable e) {
    return ((SQLException) e).getSQLState();
  }

  @Test
  void asOf_pointQueryByKeyBeforeUpdateDeleteAndReinsert() throws Exception {
    start(Duration.ofHours(1));
    statement.execute("CREATE TABLE acct (id INT PRIMARY KEY, owner TEXT, balance BIGINT)");
    statement.execute("CREATE INDEX acct_owner ON acct (owner)");
    statement.execute("INSERT INTO acct VALUES (1, 'ann', 100), (2, 'bob', 200)");
    String inserted = now();
    statement.execute("UPDATE acct SET balance = 150, owner = 'amy' WHERE id = 1");
    String updated = now();
    statement.execute("DELETE FROM acct WHERE id = 1");
    String deleted = now();
    statement.execute("INSERT INTO acct VALUES (1, 'ann', 300)");
    String reinserted = now();

    String[] times = {inserted, updated, deleted, reinserted};
    List<List<String>> expected = List.of(List.of("ann|100"), List.of("amy|150"), List.of(), List.of("ann|300"));
    for (int i = 0; i < times.length; i++) {
      String forSystemTime = "SELECT owner, balance FROM acct FOR SYSTEM_TIME AS OF TIMESTAMP '" + times[i]
          + "' WHERE id = ?";
      String asOfSystemTime = "SELECT owner, balance FROM acct AS OF SYSTEM TIME '" + times[i] + "' WHERE id = ?";
      assertThat(rows(forSystemTime, 1)).as(forSystemTime).isEqualTo(expected.get(i));
      assertThat(rows(asOfSystemTime, 1)).as(asOfSystemTime).isEqualTo(expected.get(i));
      // the simple query protocol takes the same path
      try (ResultSet rs = statement.executeQuery(asOfSystemTime.replace("?", "1"))) {
        assertThat(rs.next()).isEqualTo(!expected.get(i).isEmpty());
      }
    }
    // a secondary-index column AS OF a time before the update
    assertThat(rows("SELECT id FROM acct AS OF SYSTEM TIME '" + inserted + "' WHERE owner = ?", "ann"))
        .containsExactly("1");
    assertThat(rows("SELECT id FROM acct AS OF SYSTEM TIME '" + updated + "' WHERE owner = ?", "ann")).isEmpty();
    // each table of a join at its own time
    assertThat(rows("SELECT a.id, a.balance, b.balance FROM acct FOR SYSTEM_TIME AS OF TIMESTAMP '" + inserted
        + "' AS a JOIN acct FOR SYSTEM_TIME AS OF TIMESTAMP '" + updated + "' AS b ON a.id = b.id ORDER BY a.id"))
        .containsExactly("1|100|150", "2|200|200");
    // EXPLAIN names the snapshot
    List<String> plan = rows("EXPLAIN SELECT * FROM acct AS OF SYSTEM TIME '" + updated + "'");
    assertThat(plan.get(plan.size() - 1)).startsWith("Snapshot: AS OF SYSTEM TIME '");
    assertThat(String.join("\n", rows("EXPLAIN SELECT * FROM acct FOR SYSTEM_TIME AS OF TIMESTAMP '" + updated
        + "'"))).contains("StoreAsOfScan").contains(updated);
  }

  @Test
  void beginAsOfSystemTime_readOnlyTransaction() throws Exception {
    start(Duration.ofHours(1));
    statement.execute("CREATE TABLE kv (k INT PRIMARY KEY, v TEXT)");
    statement.execute("INSERT INTO kv VALUES (1, 'old')");
    String before = now();
    statement.execute("UPDATE kv SET v = 'new' WHERE k = 1");
    statement.execute("BEGIN AS OF SYSTEM TIME '" + before + "'");
    assertThat(rows("SELECT v FROM kv WHERE k = ?", 1)).containsExactly("old");
    assertThatThrownBy(() -> statement.execute("INSERT INTO kv VALUES (2, 'x')"))
        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("25006"));
    statement.execute("ROLLBACK");
    // the simple query protocol, and DDL, are refused the same way
    try (Connection simple = DriverManager.getConnection(connection.getMetaData().getURL() + "?preferQueryMode=simple",
        "tester", "");
        Statement s = simple.createStatement()) {
      s.execute("BEGIN AS OF SYSTEM TIME '" + before + "'");
      assertThatThrownBy(() -> s.execute("UPDATE kv SET v = 'x' WHERE k = 1"))
          .satisfies(e -> assertThat(sqlState(e)).isEqualTo("25006"));
      s.execute("ROLLBACK");
      s.execute("BEGIN AS OF SYSTEM TIME '" + before + "'");
      assertThatThrownBy(() -> s.execute("CREATE TABLE nope (a INT)"))
          .satisfies(e -> assertThat(sqlState(e)).isEqualTo("25006"));
      s.execute("ROLLBACK");
    }
    assertThat(rows("SELECT v FROM kv WHERE k = ?", 1)).containsExactly("new");
    assertThatThrownBy(() -> statement.execute("UPDATE kv SET v = 'x' AS OF SYSTEM TIME '-1s'"))
        .satisfies(e -> assertThat(sqlState(e)).isIn("25006", "42601"));
  }

  @Test
  void retentionWindow_olderTimesAreTooOld_futureTimesRefused() throws Exception {
    start(Duration.ofSeconds(1));
    statement.execute("CREATE TABLE kv (k INT PRIMARY KEY, v TEXT)");
    statement.execute("INSERT INTO kv VALUES (1, 'first')");
    String first = now();
    statement.execute("UPDATE kv SET v = 'second' WHERE k = 1");
    assertThat(rows("SELECT v FROM kv AS OF SYSTEM TIME '" + first + "'")).containsExactly("first");
    Thread.sleep(2_500);
    assertThatThrownBy(() -> rows("SELECT v FROM kv AS OF SYSTEM TIME '" + first + "'"))
        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("72000"))
        .hasMessageContaining("snapshot too old");
    assertThatThrownBy(() -> rows("SELECT v FROM kv FOR SYSTEM_TIME AS OF TIMESTAMP '" + first + "'"))
        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("72000"));
    assertThat(rows("SELECT v FROM kv AS OF SYSTEM TIME '-500ms'")).containsExactly("second");
    assertThatThrownBy(() -> rows("SELECT v FROM kv AS OF SYSTEM TIME now() + INTERVAL '1' MINUTE"))
        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("22023"));
  }
}
