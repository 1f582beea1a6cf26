package io.omendb.pg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.omendb.adapter.ColumnMeta;
import io.omendb.adapter.CommandKind;
import io.omendb.pg.server.CannedSession.Canned;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code psql} command-line client (libpq) against the server over {@link CannedSession}s, when psql is
 * installed: libpq negotiates encryption (GSSENCRequest, SSLRequest) before starting up in plain text. Tests
 * framing, not SQL.
 */
class PsqlFramingTest {

  private static final Map<String, Canned> TABLE = Map.of(
      "SELECT id, name FROM t", Canned.rows(CommandKind.SELECT, List.of(
              new ColumnMeta("id", Types.INTEGER, "INTEGER", -1, -1, "T", false),
              new ColumnMeta("name", Types.VARCHAR, "VARCHAR", 10, -1, "T", true)),
          new Object[] {1, "one"}, new Object[] {2, null}),
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
  void psql_printsRows() throws Exception {
    Result result = psql("sslmode=prefer", "SELECT id, name FROM t");
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).isEqualTo("1|one\n2|\n");
  }

  @Test
  void psql_reportsErrorsWithSqlState() throws Exception {
    Result result = psql("sslmode=disable", "SELECT * FROM missing");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("ERROR:  relation \"missing\" does not exist");
  }

  private Result psql(String sslMode, String sql) throws Exception {
    String psql = findPsql();
    assumeTrue(psql != null, "psql is not installed");
    List<String> command = new ArrayList<>(List.of(psql, "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1",
        "host=127.0.0.1 port=" + server.port() + " user=alice dbname=test connect_timeout=10 " + sslMode,
        "-c", sql));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGAPPNAME", "psql-test");
    Process process = builder.start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("psql did not finish");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.exitValue(), output);
  }

  private static String findPsql() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      File candidate = new File(dir, "psql");
      if (candidate.canExecute()) {
        return candidate.getPath();
      }
    }
    return null;
  }

  private record Result(int exitCode, String output) {}
}
