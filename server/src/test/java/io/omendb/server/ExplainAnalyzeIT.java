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
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * EXPLAIN ANALYZE with actual rows per operator through pgjdbc (simple and extended query modes) and the Avatica
 * thin driver (protobuf, the server's serialization), against the whole server on ephemeral ports.
 */
class ExplainAnalyzeIT {
  private static final Pattern ACTUAL = Pattern.compile(
      " \\(actual time=\\d+\\.\\d{3}\\.\\.\\d+\\.\\d{3} rows=(\\d+) loops=(\\d+)\\)$");

  /** The superuser's first password, handed to the server as OMENDB_ADMIN_PASSWORD would be. */
  private static final String ADMIN_PASSWORD = "explain-it-admin";

  @TempDir Path dataDir;
  private OmenServer server;

  @BeforeEach
  void start() throws Exception {
    server = new OmenServer(new ServerConfig(dataDir, InetAddress.getLoopbackAddress(), 0, 0)
        .withSecurity(SecurityOptions.loopbackTrust())
        .withAdmin(AdminConfig.defaults().withUser("tester")), Map.of(AdminBootstrap.PASSWORD_ENV, ADMIN_PASSWORD));
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Connection connect(String client) throws SQLException {
    if (client.startsWith("avatica-")) {
      return DriverManager.getConnection("jdbc:avatica:remote:url=http://127.0.0.1:" + server.avaticaPort()
          + ";serialization=" + client.substring("avatica-".length())
          + ";authentication=BASIC;avatica_user=tester;avatica_password=" + ADMIN_PASSWORD);
    }
    Properties properties = new Properties();
    properties.setProperty("user", "tester");
    properties.setProperty("preferQueryMode", client.substring("pgjdbc-".length()));
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.pgPort() + "/omendb", properties);
  }

  private static List<String> column(Statement statement, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery(sql)) {
      assertThat(rs.getMetaData().getColumnLabel(1)).isEqualToIgnoringCase("QUERY PLAN");
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static long actualRows(List<String> plan, String operator) {
    String line = plan.stream().filter(l -> l.strip().startsWith(operator)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + operator + " in " + plan));
    Matcher matcher = ACTUAL.matcher(line);
    assertThat(matcher.find()).as(line).isTrue();
    return Long.parseLong(matcher.group(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"pgjdbc-simple", "pgjdbc-extended", "avatica-protobuf"})
  void explainAnalyze_actualRowsOnEveryOperator(String client) throws SQLException {
    try (Connection connection = connect(client); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE item (id INT PRIMARY KEY, grp INT NOT NULL, price INT)");
      statement.execute("INSERT INTO item VALUES (1, 1, 10), (2, 1, 20), (3, 2, 30), (4, 2, 40), (5, 3, 50), "
          + "(6, 3, 60), (7, 4, 70)");
      List<String> plan = column(statement,
          "EXPLAIN ANALYZE SELECT grp, sum(price) FROM item WHERE id BETWEEN 2 AND 6 AND price > 25 GROUP BY grp");
      assertThat(actualRows(plan, "StoreIndexSeek(table=[[public, item]], index=[PRIMARY]")).isEqualTo(5);
      assertThat(actualRows(plan, "EnumerableCalc")).isEqualTo(4);
      assertThat(actualRows(plan, "EnumerableAggregate")).isEqualTo(2);
      assertThat(plan).anyMatch(l -> l.startsWith("Planning Time: ")).anyMatch(l -> l.startsWith("Execution Time: "));
      List<String> point = column(statement, "EXPLAIN ANALYZE SELECT price FROM item WHERE id = 7");
      assertThat(point).anyMatch(l -> l.contains("StoreIndexSeek(table=[[public, item]], index=[PRIMARY], alex=[true], "
          + "keys=[[$0 = 7]], projects=[[2]]) (actual time="));
      assertThat(actualRows(point, "StoreIndexSeek")).isEqualTo(1);
    }
  }
}
