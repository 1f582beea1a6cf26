package io.omendb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Views through the whole server: psql 15's {@code \dv}, {@code \d} and {@code \d+} compared with transcripts
 * PostgreSQL 15 printed for the same schema ({@code psql/views/schema.sql}; see {@link PsqlCatalogIT} for how),
 * pgjdbc's {@code getTables} with type VIEW, and views that outlive a server restart.
 */
class ViewsIT {
  private static final String USER = "tester";
  private static final String DATABASE = "omendb";
  /** The view definition psql prints after "View definition:", which is our stored text (see docs/sql.md). */
  private static final String DEFINITION_START = "View definition:\n";

  @TempDir Path dataDir;
  @TempDir Path work;
  private OmenServer server;

  @BeforeEach
  void start() throws Exception {
    startServer();
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      for (String sql : resource("schema.sql").split(";\n")) {
        if (!sql.isBlank()) {
          statement.execute(sql);
        }
      }
    }
  }

  private void startServer() throws Exception {
    server = new OmenServer(new ServerConfig(dataDir, InetAddress.getLoopbackAddress(), 0, -1)
        .withSecurity(SecurityOptions.loopbackTrust()).withAdmin(AdminConfig.defaults().withUser(USER)));
    server.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", USER);
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.pgPort() + "/" + DATABASE,
        properties);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "\\dv|dv",
      "\\d staff_names|d_staff_names",
      "\\d+ well_paid|dplus_well_paid",
  })
  void describe_printsWhatPostgresPrinted(String command, String golden) throws Exception {
    boolean psql = Files.isExecutable(Path.of("/usr/bin/psql"));
    if (!psql && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("psql is required in CI; .ci/run installs postgresql-client");
    }
    Assumptions.assumeTrue(psql, "psql is not installed");
    String expected = resource(golden + ".pg15.txt");
    String actual = psql("-E", "-c", command);
    assertThat(withoutDefinition(PsqlCatalogIT.normalizeOids(actual)))
        .isEqualTo(withoutDefinition(PsqlCatalogIT.normalizeOids(expected)));
    if (expected.contains(DEFINITION_START)) {
      assertThat(actual).contains(DEFINITION_START + " SELECT name, pay FROM staff WHERE pay > 100;\n");
    }
  }

  /** The transcript with the view definition's lines (PostgreSQL's deparsed query, ours as written) cut out. */
  private static String withoutDefinition(String transcript) {
    int start = transcript.indexOf(DEFINITION_START);
    if (start < 0) {
      return transcript;
    }
    int end = transcript.indexOf(";\n", start);
    return transcript.substring(0, start) + "View definition: ..." + transcript.substring(end + 1);
  }

  @Test
  void getTables_viewType_listsTheViews() throws SQLException {
    try (Connection connection = connect()) {
      List<String> views = new ArrayList<>();
      try (ResultSet rs = connection.getMetaData().getTables(null, "public", "%", new String[] {"VIEW"})) {
        while (rs.next()) {
          views.add(rs.getString("TABLE_NAME") + ":" + rs.getString("TABLE_TYPE"));
        }
      }
      assertThat(views).containsExactly("staff_names:VIEW", "well_paid:VIEW");
      List<String> columns = new ArrayList<>();
      try (ResultSet rs = connection.getMetaData().getColumns(null, "public", "well_paid", "%")) {
        while (rs.next()) {
          columns.add(rs.getString("COLUMN_NAME") + ":" + rs.getString("TYPE_NAME"));
        }
      }
      assertThat(columns).containsExactly("who:varchar", "pay:numeric");
    }
  }

  @Test
  void select_afterRestart_viewsStillAnswer() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO staff VALUES (1, 'ann', 150.00, true), (2, 'bob', 90.00, false)");
    }
    server.close();
    startServer();
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT who, pay FROM well_paid")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1) + "|" + rs.getString(2)).isEqualTo("ann|150.00");
      assertThat(rs.next()).isFalse();
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ViewsIT.class.getResourceAsStream("/psql/views/" + name)) {
      if (in == null) {
        throw new AssertionError("missing test resource psql/views/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Runs psql with {@code extra} arguments; returns what it printed on stdout and stderr, interleaved. */
  private String psql(String... extra) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("psql", "-X", "-h", "127.0.0.1",
        "-p", String.valueOf(server.pgPort()), "-U", USER, "-d", DATABASE));
    command.addAll(List.of(extra));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGCONNECT_TIMEOUT", "10");
    Path out = work.resolve("out.txt");
    builder.redirectOutput(out.toFile());
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("psql did not finish");
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
