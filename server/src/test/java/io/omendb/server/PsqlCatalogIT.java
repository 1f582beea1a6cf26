package io.omendb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * psql 15's describe meta-commands against the server, compared with golden transcripts that PostgreSQL 15 printed
 * for the same schema ({@code psql/catalog/schema.sql}): each transcript holds the catalog queries psql sent
 * ({@code psql -E}) and what it printed. psql chooses its queries by the server version we report, so our server
 * must receive the same queries and answer them from its own catalog. The only difference allowed is the value of
 * the oid literals psql copies from one query into the next. Skipped where psql is not installed, except in CI.
 */
class PsqlCatalogIT {
  private static final String USER = "tester";
  private static final String DATABASE = "omendb";

  @TempDir Path dataDir;
  @TempDir Path work;
  private OmenServer server;

  @BeforeEach
  void start() throws Exception {
    boolean psql = Files.isExecutable(Path.of("/usr/bin/psql"));
    if (!psql && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("psql is required in CI; .ci/run installs postgresql-client");
    }
    Assumptions.assumeTrue(psql, "psql is not installed");
    server = new OmenServer(new ServerConfig(dataDir, InetAddress.getLoopbackAddress(), 0, -1)
        .withSecurity(SecurityOptions.loopbackTrust()).withAdmin(AdminConfig.defaults().withUser(USER)));
    server.start();
    Path schema = work.resolve("schema.sql");
    try (InputStream in = resource("schema.sql")) {
      Files.copy(in, schema);
    }
    String out = psql("-q", "-v", "ON_ERROR_STOP=1", "-f", schema.toString());
    assertThat(out).isEmpty();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "\\d|d",
      "\\dt|dt",
      "\\di|di",
      "\\dn|dn",
      "\\du tester|du_tester",
      "\\l omendb|l_omendb",
      "\\d accounts|d_accounts",
      "\\d orders|d_orders",
      "\\d+ accounts|dplus_accounts",
      "\\d+ orders|dplus_orders",
  })
  void describe_printsWhatPostgresPrinted(String command, String golden) throws Exception {
    String expected;
    try (InputStream in = resource(golden + ".pg15.txt")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String actual = psql("-E", "-c", command);
    assertThat(normalizeOids(actual)).isEqualTo(normalizeOids(expected));
  }

  /**
   * {@code \\dt+} and {@code \\di+} (unaligned): the same queries and rows as PostgreSQL 15 printed, but for the
   * sizes, which are the engine's estimates ({@code pg_table_size}, {@code pg_size_pretty}).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "\\dt+|dtplus",
      "\\di+|diplus",
  })
  void describeWithSizes_printsWhatPostgresPrintedButTheSizes(String command, String golden) throws Exception {
    String expected;
    try (InputStream in = resource(golden + ".pg15.txt")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String actual = psql("-E", "-A", "-c", command);
    assertThat(withoutSizes(normalizeOids(actual))).isEqualTo(withoutSizes(normalizeOids(expected)));
  }

  /**
   * {@code \\d} of sequences ({@code psql/catalog/sequences.sql}): a serial column's sequence prints "Owned by"
   * from {@code pg_depend}, a free-standing one its options, as PostgreSQL 15 printed them.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "\\d items_id_seq|d_items_id_seq",
      "\\d counter|d_counter",
  })
  void describeSequence_printsWhatPostgresPrinted(String command, String golden) throws Exception {
    assertThat(psql("-q", "-v", "ON_ERROR_STOP=1", "-f", copy("sequences.sql").toString())).isEmpty();
    String expected;
    try (InputStream in = resource(golden + ".pg15.txt")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(normalizeOids(psql("-E", "-c", command))).isEqualTo(normalizeOids(expected));
  }

  /** Replaces the sizes of an unaligned listing ({@code |8192 bytes|}) by a marker. */
  static String withoutSizes(String transcript) {
    return transcript.replaceAll("\\|-?\\d+ (bytes|kB|MB|GB|TB|PB)\\|", "|<size>|");
  }

  /**
   * Roles, a membership and table grants ({@code psql/catalog/roles.sql}) as {@code \\du}, {@code \\dp} and
   * {@code \\z} show them, as pg_class.relacl, pg_roles, pg_user and pg_auth_members hold them
   * ({@code roles_queries.sql}), and as information_schema.table_privileges lists them before and after a GRANT
   * and two REVOKEs ({@code privileges_queries.sql}).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "-c|\\du ledger*|du_ledger",
      "-f|roles_queries.sql|roles_queries",
      "-c|\\dp|dp",
      "-c|\\dp ledger|dp_ledger",
      "-c|\\z ledger|z_ledger",
      "-f|privileges_queries.sql|privileges_queries",
  })
  void roles_printWhatPostgresPrinted(String flag, String argument, String golden) throws Exception {
    assertThat(psql("-q", "-v", "ON_ERROR_STOP=1", "-f", copy("roles.sql").toString())).isEmpty();
    String expected;
    try (InputStream in = resource(golden + ".pg15.txt")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String actual = flag.equals("-f") ? psql("-f", copy(argument).toString()) : psql("-E", "-c", argument);
    assertThat(normalizeOids(actual)).isEqualTo(normalizeOids(expected));
  }

  /**
   * Schemas ({@code psql/catalog/schemas.sql}: two schemas, tables in {@code app} and in {@code public}) as
   * {@code \\dn} lists them, {@code \\dt app.*} and {@code \\di app.*} find them by pattern, {@code \\d app.items}
   * describes one, and {@code \\dt} shows only what the search path makes visible.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "\\dn|dn_schemas",
      "\\dt app.*|dt_app",
      "\\di app.*|di_app",
      "\\d app.items|d_app_items",
      "\\dt|dt_path",
  })
  void schemas_printWhatPostgresPrinted(String command, String golden) throws Exception {
    assertThat(psql("-q", "-v", "ON_ERROR_STOP=1", "-f", copy("schemas.sql").toString())).isEmpty();
    String expected;
    try (InputStream in = resource(golden + ".pg15.txt")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(normalizeOids(psql("-E", "-c", command))).isEqualTo(normalizeOids(expected));
  }

  private Path copy(String name) throws IOException {
    Path file = work.resolve(name);
    try (InputStream in = resource(name)) {
      Files.copy(in, file);
    }
    return file;
  }

  @Test
  void conninfo_namesDatabaseUserHostAndPort() throws Exception {
    assertThat(psql("-c", "\\conninfo")).isEqualTo("You are connected to database \"" + DATABASE + "\" as user \""
        + USER + "\" on host \"127.0.0.1\" at port \"" + server.pgPort() + "\".\n");
  }

  /** Replaces quoted oid literals ({@code WHERE c.oid = '16390'}), which differ between servers, by a marker. */
  static String normalizeOids(String transcript) {
    return transcript.replaceAll("'\\d{4,}'", "'<oid>'");
  }

  private static InputStream resource(String name) {
    InputStream in = PsqlCatalogIT.class.getResourceAsStream("/psql/catalog/" + name);
    if (in == null) {
      throw new AssertionError("missing test resource psql/catalog/" + name);
    }
    return in;
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
