package io.omendb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void parseStart_defaults() {
    ServerConfig config = Main.parseStart(List.of());
    assertThat(config.dataDir()).isEqualTo(Path.of("data"));
    assertThat(config.listen().isLoopbackAddress()).isTrue();
    assertThat(config.pgPort()).isEqualTo(ServerConfig.DEFAULT_PG_PORT);
    assertThat(config.avaticaPort()).isEqualTo(ServerConfig.DEFAULT_AVATICA_PORT);
  }

  @Test
  void parseStart_everyFlag() {
    ServerConfig config = Main.parseStart(
        List.of("--data-dir", "/tmp/x", "--listen", "127.0.0.2", "--pg-port", "0", "--avatica-port", "-1"));
    assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/x"));
    assertThat(config.listen().getHostAddress()).isEqualTo("127.0.0.2");
    assertThat(config.pgPort()).isZero();
    assertThat(config.avaticaPort()).isEqualTo(-1);
  }

  @Test
  void parseStart_securityFlags() {
    ServerConfig config = Main.parseStart(List.of("--tls-cert", "c.pem", "--tls-key", "k.pem", "--tls-ca", "ca.pem",
        "--tls-required", "--hba-file", "hba.conf", "--pg-port", "0"));
    SecurityOptions security = config.security();
    assertThat(security.tlsEnabled()).isTrue();
    assertThat(security.tlsRequired()).isTrue();
    assertThat(security.tlsCert()).contains(Path.of("c.pem"));
    assertThat(security.tlsKey()).contains(Path.of("k.pem"));
    assertThat(security.tlsCa()).contains(Path.of("ca.pem"));
    assertThat(security.hbaFile()).contains(Path.of("hba.conf"));
    assertThat(config.pgPort()).isZero();

    assertThat(Main.parseStart(List.of("--tls")).security().tlsEnabled()).isTrue();
    assertThat(Main.parseStart(List.of()).security().tlsEnabled()).isFalse();
  }

  @Test
  void run_tlsWithoutCertificateFiles_cannotStart(@org.junit.jupiter.api.io.TempDir Path dir) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(Main.run(new String[] {"start", "--tls", "--pg-port", "0", "--avatica-port", "-1",
        "--data-dir", dir.toString()}, new PrintStream(new ByteArrayOutputStream()), e)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot start").contains("server.crt");
  }

  @Test
  void run_genCert_writesFilesAndRefusesToOverwrite(@org.junit.jupiter.api.io.TempDir Path dir) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    String[] args = {"gen-cert", "--dir", dir.toString(), "--host", "db.example.com", "--host", "10.0.0.5"};
    assertThat(Main.run(args, o, e)).isZero();
    assertThat(dir.resolve("ca.crt")).isRegularFile();
    assertThat(dir.resolve("server.key")).isRegularFile();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("db.example.com, 10.0.0.5").contains("--tls-cert");
    assertThat(Main.run(args, o, e)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("refusing to overwrite").contains("ca.crt");
    assertThat(Main.run(new String[] {"gen-cert", "--key-type", "dsa"}, o, e)).isEqualTo(2);
  }

  @Test
  void parseStart_authTimeout() {
    assertThat(Main.parseStart(List.of()).security().authTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(Main.parseStart(List.of("--auth-timeout", "5")).security().authTimeout())
        .isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(() -> Main.parseStart(List.of("--auth-timeout", "0"))).hasMessageContaining("positive");
    assertThatThrownBy(() -> Main.parseStart(List.of("--auth-timeout", "x"))).hasMessageContaining("number");
  }

  @Test
  void parseStart_historyRetention() {
    assertThat(Main.parseStart(List.of()).historyRetention()).isEqualTo(java.time.Duration.ofHours(1));
    assertThat(Main.parseStart(List.of("--history-retention", "15m")).historyRetention())
        .isEqualTo(java.time.Duration.ofMinutes(15));
    assertThat(Main.parseStart(List.of("--history-retention", "2d")).historyRetention())
        .isEqualTo(java.time.Duration.ofDays(2));
    assertThat(Main.parseStart(List.of("--history-retention", "0")).historyRetention()).isZero();
    assertThat(Main.parseStart(List.of("--history-retention", "PT90S")).historyRetention())
        .isEqualTo(java.time.Duration.ofSeconds(90));
    assertThatThrownBy(() -> Main.parseStart(List.of("--history-retention", "soon")))
        .hasMessageContaining("not a duration");
  }

  @Test
  void parseStart_rowCache() {
    assertThat(Main.parseStart(List.of()).rowCacheBytes()).isEqualTo(64L << 20);
    assertThat(Main.parseStart(List.of("--row-cache", "256m")).rowCacheBytes()).isEqualTo(256L << 20);
    assertThat(Main.parseStart(List.of("--row-cache", "2G")).rowCacheBytes()).isEqualTo(2L << 30);
    assertThat(Main.parseStart(List.of("--row-cache", "512k")).rowCacheBytes()).isEqualTo(512L << 10);
    assertThat(Main.parseStart(List.of("--row-cache", "0")).rowCacheBytes()).isZero();
    assertThat(Main.parseStart(List.of("--row-cache", "1g")).engineOptions().rowCacheBytes()).isEqualTo(1L << 30);
    assertThatThrownBy(() -> Main.parseStart(List.of("--row-cache", "lots"))).hasMessageContaining("not a size");
    assertThatThrownBy(() -> Main.parseStart(List.of("--row-cache", "99999999999999g")))
        .hasMessageContaining("too large");
  }

  @Test
  void parseStart_badInputIsRefusedClearly() {
    assertThatThrownBy(() -> Main.parseStart(List.of("--pg-port", "x"))).hasMessageContaining("must be a number");
    assertThatThrownBy(() -> Main.parseStart(List.of("--pg-port", "70000"))).hasMessageContaining("[0, 65535]");
    assertThatThrownBy(() -> Main.parseStart(List.of("--bogus", "1"))).hasMessageContaining("unknown option");
    assertThatThrownBy(() -> Main.parseStart(List.of("--data-dir"))).hasMessageContaining("needs a value");
  }

  @Test
  void shellArguments_localServer_userAndPasswordFromEnvironment_notInTheUrl() {
    List<String> args = Main.shellArguments(List.of("--user", "alice", "--avatica-port", "9999"),
        Map.of(Main.SHELL_PASSWORD_ENV, "s3cret-pw"), null, "login");
    assertThat(args).containsExactly("-u", "jdbc:omendb-shell:url=http://127.0.0.1:9999;serialization=protobuf",
        "-n", "alice", "-p", "s3cret-pw");
    assertThat(args.get(1)).doesNotContain("s3cret-pw");
  }

  @Test
  void shellArguments_noUserGiven_loginName_noPasswordAnywhere_empty() {
    assertThat(Main.shellArguments(List.of(), Map.of(), null, "login")).containsExactly(
        "-u", "jdbc:omendb-shell:url=http://127.0.0.1:" + ServerConfig.DEFAULT_AVATICA_PORT + ";serialization=protobuf",
        "-n", "login", "-p", "");
  }

  @Test
  void shellArguments_explicitUrl_takenAsGiven() {
    assertThat(Main.shellArguments(List.of("--url", "jdbc:omendb:/tmp/x"), Map.of(Main.SHELL_PASSWORD_ENV, "pw"),
        null, "login")).containsExactly("-u", "jdbc:omendb:/tmp/x", "-n", "login", "-p", "");
    assertThatThrownBy(() -> Main.shellArguments(List.of("--user"), Map.of(), null, "login"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void run_versionAndUnknownCommand() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(Main.run(new String[] {"version"}, o, e)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("omendb " + Main.VERSION);
    assertThat(Main.run(new String[] {"frobnicate"}, o, e)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'");
  }

  @Test
  void run_trustRulesBeyondLoopback_cannotStart(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    Path hba = java.nio.file.Files.writeString(dir.resolve("hba.conf"), "host all all 127.0.0.1/32 trust\n");
    assertThat(Main.run(new String[] {"start", "--listen", "0.0.0.0", "--pg-port", "0", "--avatica-port", "-1",
        "--hba-file", hba.toString(), "--data-dir", dir.resolve("data").toString()},
        new PrintStream(new ByteArrayOutputStream()), e)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot start").contains("trust");
  }

  @Test
  void parseStart_defaultAuthentication_isScramForEveryone() {
    assertThat(Main.parseStart(List.of()).security().defaultRules()).hasToString("host all all all scram-sha-256\n");
  }
}
