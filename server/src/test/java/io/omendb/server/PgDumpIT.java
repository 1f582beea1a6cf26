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

/**
 * Moving in from PostgreSQL: a plain-format pg_dump of a PostgreSQL 15 database ({@code pgdump/shop.dump.sql}, made
 * from {@code pgdump/shop-source.sql} as that file says) loads through {@code psql -v ON_ERROR_STOP=1 -f}, and then
 * every row, key, index, owner, grant and comment reads back as PostgreSQL 15 printed them
 * ({@code pgdump/check.pg15.txt}, {@code pgdump/describe.pg15.txt}). Skipped where psql is not installed, except in
 * CI.
 */
class PgDumpIT {
  private static final String USER = "tester";
  /** The zone psql asks for (PGTZ): not UTC, the zone the dump was written in. */
  private static final String TIME_ZONE = "America/New_York";

  @TempDir Path dataDir;
  @TempDir Path work;
  private OmenServer server;

  /** What one psql run printed and returned. */
  record Run(int exitCode, String out, String err) {}

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
    // The dump's owner and grantee exist in the source cluster; PostgreSQL would refuse OWNER TO a missing role too.
    Run roles = psql("-c", "CREATE ROLE shop_owner", "-c", "CREATE ROLE shop_reader");
    assertThat(roles.err()).isEmpty();
    Run load = psql("-f", copy("shop.dump.sql").toString());
    assertThat(load.err()).isEmpty();
    assertThat(load.exitCode()).isZero();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void load_rowsOwnersGrantsAndCommentsMatchPostgres() throws Exception {
    Run check = psql("-A", "-t", "-f", copy("check.sql").toString());
    assertThat(check.err()).isEmpty();
    assertThat(check.out()).isEqualTo(text("check.pg15.txt"));
  }

  /**
   * A dump with a schema of its own ({@code pgdump/app.dump.sql}, made from {@code pgdump/app-source.sql}): CREATE
   * SCHEMA, its owner, {@code app.t} tables, COPY into them, keys, an index and grants load, and read back as
   * PostgreSQL 15 printed them ({@code pgdump/app-check.pg15.txt}).
   */
  @Test
  void loadSchemaDump_schemaTablesOwnersAndGrantsMatchPostgres() throws Exception {
    Run load = psql("-f", copy("app.dump.sql").toString());
    assertThat(load.err()).isEmpty();
    assertThat(load.exitCode()).isZero();
    Run check = psql("-A", "-t", "-f", copy("app-check.sql").toString());
    assertThat(check.err()).isEmpty();
    assertThat(check.out()).isEqualTo(text("app-check.pg15.txt"));
  }

  @Test
  void load_describeShowsTheKeysAndIndexesPostgresShows() throws Exception {
    Run describe = psql("-c", "\\d customer", "-c", "\\d order_line");
    assertThat(describe.err()).isEmpty();
    assertThat(indexSections(describe.out())).isEqualTo(indexSections(text("describe.pg15.txt")))
        .contains("    \"customer_pkey\" PRIMARY KEY, btree (id)",
            "    \"customer_email_key\" UNIQUE CONSTRAINT, btree (email)",
            "    \"order_line_pkey\" PRIMARY KEY, btree (order_id, line_no)",
            "    \"order_line_sku_idx\" btree (sku)");
  }

  @Test
  void load_keysRefuseDuplicatesAndNulls() throws Exception {
    assertThat(error("INSERT INTO customer (id, name) VALUES (3, 'again')")).contains("23505");
    assertThat(error("INSERT INTO customer (id, name, email) VALUES (7, 'x', 'ann@example.com')"))
        .contains("23505");
    assertThat(error("INSERT INTO order_line (order_id, line_no) VALUES (100, 2)")).contains("23505");
    assertThat(error("INSERT INTO customer (name) VALUES ('no id')")).contains("23502");
    Run ok = psql("-A", "-t", "-c", "INSERT INTO order_line (order_id, line_no, sku) VALUES (100, 3, 'PEN-01')",
        "-c", "SELECT count(*) FROM order_line WHERE sku = 'PEN-01'");
    assertThat(ok.err()).isEmpty();
    assertThat(ok.out()).isEqualTo("3\n");
  }

  @Test
  void load_queriesUseTheRestoredKeysAndIndexes() throws Exception {
    Run plans = psql("-A", "-t", "-c", "EXPLAIN SELECT name FROM customer WHERE id = 4",
        "-c", "EXPLAIN SELECT order_id FROM order_line WHERE sku = 'INK-02'");
    assertThat(plans.err()).isEmpty();
    // the primary key added after COPY re-keyed the table: a point seek through its ALEX directory
    assertThat(plans.out()).contains("table=[[public, customer]], index=[PRIMARY], alex=[true]")
        .contains("index=[order_line_sku_idx]");
  }

  /** The lines from each "Indexes:" header to the end of that table's description. */
  private static List<String> indexSections(String describe) {
    List<String> lines = new ArrayList<>();
    boolean in = false;
    for (String line : describe.lines().toList()) {
      if (line.startsWith("Indexes:")) {
        in = true;
      } else if (line.isBlank()) {
        in = false;
      }
      if (in) {
        lines.add(line);
      }
    }
    return lines;
  }

  private String error(String sql) throws IOException, InterruptedException {
    Run run = psql("-c", sql);
    assertThat(run.exitCode()).isNotZero();
    return run.err();
  }

  private Path copy(String name) throws IOException {
    Path file = work.resolve(name);
    try (InputStream in = resource(name)) {
      Files.copy(in, file);
    }
    return file;
  }

  private static String text(String name) throws IOException {
    try (InputStream in = resource(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = PgDumpIT.class.getResourceAsStream("/pgdump/" + name);
    if (in == null) {
      throw new AssertionError("missing test resource pgdump/" + name);
    }
    return in;
  }

  private Run psql(String... extra) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-h", "127.0.0.1",
        "-p", String.valueOf(server.pgPort()), "-U", USER, "-d", "omendb", "-v", "ON_ERROR_STOP=1",
        "-v", "VERBOSITY=verbose"));
    command.addAll(List.of(extra));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("PGCONNECT_TIMEOUT", "10");
    // the session's TimeZone (psql sends PGTZ at startup): the dump's timestamptz values (+00) are converted into
    // it on load and printed in it, as PostgreSQL printed check.pg15.txt
    builder.environment().put("PGTZ", TIME_ZONE);
    Path out = work.resolve("out.txt");
    Path err = work.resolve("err.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("psql did not finish");
    }
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
