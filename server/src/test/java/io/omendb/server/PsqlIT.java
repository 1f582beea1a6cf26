package io.omendb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
 * The real psql client against the server. Skipped where psql is not installed, except in CI (CI=true), whose
 * script installs it: there a missing psql fails the test.
 */
class PsqlIT {
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
        .withSecurity(SecurityOptions.loopbackTrust()));
    server.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Run psql(String... extra) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-A", "-t", "-h", "127.0.0.1",
        "-p", String.valueOf(server.pgPort()), "-U", "tester", "-d", "omendb", "-v", "ON_ERROR_STOP=1",
        "-v", "VERBOSITY=verbose"));
    command.addAll(List.of(extra));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("PGCONNECT_TIMEOUT", "10");
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

  @Test
  void script_createInsertSelectJoinGroupBy() throws Exception {
    Path script = work.resolve("basics.sql");
    try (var in = getClass().getResourceAsStream("/psql/basics.sql")) {
      Files.copy(in, script);
    }
    Run run = psql("-f", script.toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().toList()).containsExactly(
        "ops",
        "1|eng", "2|eng", "3|ops", "4|ops",
        "eng|2|250", "ops|2|80");
  }

  @Test
  void script_transactionsUpdateDelete() throws Exception {
    Path script = work.resolve("transactions.sql");
    try (var in = getClass().getResourceAsStream("/psql/transactions.sql")) {
      Files.copy(in, script);
    }
    Run run = psql("-f", script.toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().toList()).containsExactly("200", "1|70", "2|130", "read committed", "1");
  }

  @Test
  void failedBlock_refusesUntilRollback() throws Exception {
    assertThat(psql("-c", "CREATE TABLE t (id INT PRIMARY KEY)").exitCode()).isZero();
    Path script = work.resolve("failed.sql");
    Files.writeString(script, String.join("\n",
        "BEGIN;",
        "INSERT INTO t VALUES (1);",
        "INSERT INTO t VALUES (1);",
        "INSERT INTO t VALUES (2);",
        "COMMIT;",
        "SELECT count(*) FROM t;"));
    // without ON_ERROR_STOP psql carries on, as an interactive user would
    List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-A", "-t", "-h", "127.0.0.1",
        "-p", String.valueOf(server.pgPort()), "-U", "tester", "-d", "omendb", "-v", "VERBOSITY=verbose",
        "-f", script.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output).contains("ERROR:  23505:").contains("ERROR:  25P02:");
    assertThat(output.strip()).endsWith("0");
  }

  @Test
  void errors_reportSqlState() throws Exception {
    assertThat(psql("-c", "CREATE TABLE t (id INT PRIMARY KEY, v TEXT NOT NULL)").exitCode()).isZero();
    assertThat(psql("-c", "INSERT INTO t VALUES (1, 'a')").exitCode()).isZero();
    assertError(psql("-c", "SELECT * FROM nowhere"), "42P01");
    assertError(psql("-c", "SELEKT 1"), "42601");
    assertError(psql("-c", "SELECT nope FROM t"), "42703");
    assertError(psql("-c", "INSERT INTO t VALUES (1, 'dup')"), "23505");
    assertError(psql("-c", "INSERT INTO t VALUES (2, NULL)"), "23502");
    Run count = psql("-c", "SELECT count(*) FROM t");
    assertThat(count.out().strip()).isEqualTo("1");
  }

  private static void assertError(Run run, String sqlState) {
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("ERROR:  " + sqlState + ":");
  }
}
