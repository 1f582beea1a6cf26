package io.omendb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole server with TLS from {@code omendb gen-cert} files and hba rules from a file, as the command line
 * configures it, driven by psql and pgjdbc against a real database.
 */
class TlsServerIT {
  @TempDir Path dir;
  private OmenServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private void start(String... flags) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"gen-cert", "--dir", dir.resolve("certs").toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("sslmode=verify-full");
    Files.writeString(dir.resolve("hba.conf"), String.join("\n",
        "# TLS clients from this machine need no password in this test; nobody gets in without TLS.",
        "hostssl   all all 127.0.0.1/32 trust",
        "hostnossl all all all          reject", ""));
    List<String> args = new ArrayList<>(List.of("--data-dir", dir.resolve("data").toString(), "--pg-port", "0",
        "--avatica-port", "-1", "--tls-cert", dir.resolve("certs/server.crt").toString(),
        "--tls-key", dir.resolve("certs/server.key").toString(), "--hba-file", dir.resolve("hba.conf").toString()));
    args.addAll(List.of(flags));
    server = new OmenServer(Main.parseStart(args));
    server.start();
  }

  @Test
  void psql_verifyFullWithGenCertCa_runsSql() throws Exception {
    start();
    Psql result = psql("sslmode=verify-full sslrootcert=" + dir.resolve("certs/ca.crt"),
        "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10)); INSERT INTO t VALUES (1, 'one'); "
            + "SELECT name FROM t");
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).endsWith("one\n");
  }

  @Test
  void psqlAndPgjdbc_sslmodeRequire_encryptWithoutVerifying() throws Exception {
    start();
    // require: encrypted, certificate not checked (libpq and pgjdbc without a root certificate)
    // (the hba rules reject every connection without TLS, so getting in at all proves encryption)
    Psql result = psql("sslmode=require", "\\conninfo");
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SSL connection (protocol: TLSv1.");
    result = psql("sslmode=require", "SELECT 6 * 7");
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).endsWith("42\n");
    try (Connection conn = pgjdbc("sslmode=require");
        Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT 'tls'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("tls");
    }
  }

  @Test
  void psql_plainText_isRejectedByTheHbaRules() throws Exception {
    start();
    Psql result = psql("sslmode=disable", "SELECT 1");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("pg_hba.conf rejects connection").contains("no encryption");
  }

  @Test
  void pgjdbc_tlsRequired_refusesPlainTextAndServesVerifiedTls() throws Exception {
    start("--tls-required");
    assertThatThrownBy(() -> pgjdbc("sslmode=disable")).isInstanceOfSatisfying(SQLException.class,
        e -> assertThat(e.getSQLState()).isEqualTo("28000"));
    try (Connection conn = pgjdbc("sslmode=verify-full&sslrootcert=" + dir.resolve("certs/ca.crt"));
        Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT 40 + 2")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(42);
    }
  }

  @Test
  void reloadTls_newConnectionsSeeTheNewCertificate() throws Exception {
    start();
    // Replace the certificate and key with ones from another CA: clients trusting the old CA now fail.
    Path other = dir.resolve("other");
    assertThat(Main.run(new String[] {"gen-cert", "--dir", other.toString(), "--key-type", "rsa"},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err)).isZero();
    Files.copy(other.resolve("server.crt"), dir.resolve("certs/server.crt"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(other.resolve("server.key"), dir.resolve("certs/server.key"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    server.reloadTls();

    assertThatThrownBy(() -> pgjdbc("sslmode=verify-full&sslrootcert=" + dir.resolve("certs/ca.crt")))
        .isInstanceOf(SQLException.class);
    try (Connection conn = pgjdbc("sslmode=verify-full&sslrootcert=" + other.resolve("ca.crt"))) {
      assertThat(conn.isValid(5)).isTrue();
    }
  }

  private Connection pgjdbc(String options) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "tester");
    properties.setProperty("preferQueryMode", "simple");
    properties.setProperty("gssEncMode", "disable");
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + server.pgPort() + "/omendb?" + options,
        properties);
  }

  private Psql psql(String options, String sql) throws Exception {
    String psql = findPsql();
    assumeTrue(psql != null, "psql is not installed");
    ProcessBuilder builder = new ProcessBuilder(psql, "-X", "-A", "-t", "-w", "-v", "ON_ERROR_STOP=1",
        "host=localhost hostaddr=127.0.0.1 port=" + server.pgPort() + " user=tester dbname=omendb"
            + " connect_timeout=10 gssencmode=disable " + options, "-c", sql).redirectErrorStream(true);
    builder.environment().put("PGSSLCERT", dir.resolve("none.crt").toString());
    builder.environment().put("PGSSLKEY", dir.resolve("none.key").toString());
    Process process = builder.start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("psql did not finish");
    }
    return new Psql(process.exitValue(), new String(process.getInputStream().readAllBytes(),
        StandardCharsets.UTF_8));
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

  private record Psql(int exitCode, String output) {}
}
