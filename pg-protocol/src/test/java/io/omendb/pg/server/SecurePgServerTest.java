package io.omendb.pg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.omendb.adapter.ColumnMeta;
import io.omendb.adapter.CommandKind;
import io.omendb.adapter.LoginRole;
import io.omendb.adapter.LoginThrottle;
import io.omendb.adapter.RoleDirectory;
import io.omendb.engine.users.ScramVerifier;
import io.omendb.pg.auth.HbaRules;
import io.omendb.pg.codec.MessageType;
import io.omendb.pg.message.ErrorResponse;
import io.omendb.pg.message.GSSENCRequest;
import io.omendb.pg.message.SSLRequest;
import io.omendb.pg.server.CannedSession.Canned;
import io.omendb.pg.tls.CertificateGenerator;
import io.omendb.pg.tls.CertificateGenerator.Generated;
import io.omendb.pg.tls.TlsContext;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS, SCRAM-SHA-256, hba rules and failed-login handling through real clients (pgjdbc, psql) and a raw socket,
 * over {@link CannedSession}s and an in-memory {@link RoleDirectory} of real verifiers.
 */
class SecurePgServerTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALICE_PASSWORD = "alice's long passphrase";

  private static final Map<String, LoginRole> ROLES = Map.of(
      "alice", role("alice", ALICE_PASSWORD, true, Optional.empty()),
      "paula", role("paula", "paula-pw", true, Optional.empty()),
      "carol", role("carol", "carol-pw", false, Optional.empty()),
      "dave", role("dave", "dave-pw", true, Optional.of(Instant.parse("2000-01-01T00:00:00Z"))),
      "erin", new LoginRole("erin", Optional.empty(), true, false, -1, Optional.empty()));

  private static final String HBA = String.join("\n",
      "host    all all     127.0.0.1/32 trust   # not this user's rule: users below are matched by name",
      "host    all mallory all          reject",
      "hostssl all paula   all          password",
      "host    all all     all          scram-sha-256");

  private static final Map<String, Canned> TABLE = Map.of(
      "SELECT 1", Canned.rows(CommandKind.SELECT,
          List.of(new ColumnMeta("one", Types.INTEGER, "INTEGER", -1, -1, null, false)), new Object[] {1}),
      "SET application_name = 'secure-test'", Canned.count(CommandKind.SET, 0));

  @TempDir
  static Path certificates;

  private static Generated files;

  private final CannedSession.Factory sessions = new CannedSession.Factory(TABLE);
  private PgServer server;

  @BeforeAll
  static void generateCertificates() throws IOException {
    files = new CertificateGenerator(RANDOM).generate(certificates, List.of("localhost", "127.0.0.1"),
        CertificateGenerator.KeyType.EC, CertificateGenerator.KeyFormat.PKCS8);
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  private static LoginRole role(String name, String password, boolean canLogin, Optional<Instant> validUntil) {
    return new LoginRole(name, Optional.of(ScramVerifier.create(password, RANDOM)), canLogin, false, -1, validUntil);
  }

  private static SecurityConfig security() throws IOException {
    return SecurityConfig.loopbackTrust()
        .withTls(Optional.of(TlsContext.load(files.serverCertificate(), files.serverKey(), Optional.empty())))
        .withHba(HbaRules.parse(HBA.replaceFirst("host    all all     127.0.0.1/32 trust",
            "host    all trusted 127.0.0.1/32 trust")))
        .withRoles(name -> Optional.ofNullable(ROLES.get(name)))
        .withThrottle(LoginThrottle.none());
  }

  private void start(SecurityConfig security) throws IOException {
    server = new PgServer(sessions, PgServerConfig.loopback(0).withSecurity(security));
    server.start();
  }

  // pgjdbc

  @Test
  void pgjdbc_scramInPlainText_succeeds() throws Exception {
    start(security());
    try (Connection conn = pgjdbc("alice", ALICE_PASSWORD, "sslmode=disable")) {
      assertThat(queryOne(conn)).isEqualTo(1);
    }
  }

  @Test
  void pgjdbc_verifyFullWithTheCa_connectsOverTls13() throws Exception {
    start(security());
    try (Connection conn = pgjdbc("alice", ALICE_PASSWORD,
        "sslmode=verify-full&sslrootcert=" + files.caCertificate())) {
      assertThat(queryOne(conn)).isEqualTo(1);
    }
  }

  @Test
  void pgjdbc_verifyFullWithAnotherCa_fails() throws Exception {
    start(security());
    Generated other = new CertificateGenerator(RANDOM).generate(certificates.resolve("other"),
        List.of("localhost"), CertificateGenerator.KeyType.EC, CertificateGenerator.KeyFormat.PKCS8);
    assertThatThrownBy(() -> pgjdbc("alice", ALICE_PASSWORD,
        "sslmode=verify-full&sslrootcert=" + other.caCertificate())).isInstanceOf(SQLException.class)
        .hasMessageContaining("SSL");
  }

  @Test
  void pgjdbc_channelBindingRequired_succeedsOverTls() throws Exception {
    start(security());
    try (Connection conn = pgjdbc("alice", ALICE_PASSWORD, "sslmode=require&channelBinding=require")) {
      assertThat(queryOne(conn)).isEqualTo(1);
    }
  }

  @Test
  void pgjdbc_channelBindingRequired_refusesPlainText() throws Exception {
    start(security());
    assertThatThrownBy(() -> pgjdbc("alice", ALICE_PASSWORD, "sslmode=disable&channelBinding=require"))
        .isInstanceOf(SQLException.class).message().containsIgnoringCase("channel binding");
  }

  @Test
  void pgjdbc_wrongPassword_is28P01() throws Exception {
    start(security());
    assertThatThrownBy(() -> pgjdbc("alice", "wrong", "sslmode=require"))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("28P01");
          assertThat(e.getMessage()).contains("password authentication failed for user \"alice\"");
        });
  }

  @Test
  void pgjdbc_unknownUserNoPasswordAndExpiredPassword_lookLikeAWrongPassword() throws Exception {
    start(security());
    for (String user : List.of("zed", "erin", "dave")) {
      assertThatThrownBy(() -> pgjdbc(user, "dave-pw", "sslmode=disable")).as(user)
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("28P01");
            assertThat(e.getMessage()).contains("password authentication failed for user \"" + user + "\"");
          });
    }
  }

  @Test
  void pgjdbc_roleWithoutLogin_is28000AfterAuthentication() throws Exception {
    start(security());
    assertThatThrownBy(() -> pgjdbc("carol", "carol-pw", "sslmode=disable"))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("28000");
          assertThat(e.getMessage()).contains("role \"carol\" is not permitted to log in");
        });
  }

  @Test
  void pgjdbc_rejectRule_is28000() throws Exception {
    start(security());
    assertThatThrownBy(() -> pgjdbc("mallory", "x", "sslmode=disable"))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("28000");
          assertThat(e.getMessage()).contains("pg_hba.conf rejects connection for host \"127.0.0.1\", user"
              + " \"mallory\"");
        });
  }

  @Test
  void pgjdbc_trustRule_needsNoPassword() throws Exception {
    start(security());
    try (Connection conn = pgjdbc("trusted", null, "sslmode=disable")) {
      assertThat(queryOne(conn)).isEqualTo(1);
    }
  }

  @Test
  void pgjdbc_passwordRuleOverTls_sendsTheClearTextPasswordInsideTls() throws Exception {
    start(security());
    try (Connection conn = pgjdbc("paula", "paula-pw", "sslmode=require")) {
      assertThat(queryOne(conn)).isEqualTo(1);
    }
    assertThatThrownBy(() -> pgjdbc("paula", "nope", "sslmode=require"))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
  }

  @Test
  void pgjdbc_passwordRuleInPlainText_fallsThroughToScram() throws Exception {
    start(security());
    // hostssl does not match a plain-text connection, so the next rule (scram-sha-256) applies.
    try (Connection conn = pgjdbc("paula", "paula-pw", "sslmode=disable")) {
      assertThat(queryOne(conn)).isEqualTo(1);
    }
  }

  @Test
  void pgjdbc_noMatchingRule_is28000() throws Exception {
    start(security().withHba(HbaRules.parse("hostssl all all all scram-sha-256")));
    assertThatThrownBy(() -> pgjdbc("alice", ALICE_PASSWORD, "sslmode=disable"))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("28000");
          assertThat(e.getMessage()).contains("no pg_hba.conf entry for host \"127.0.0.1\", user \"alice\"")
              .contains("no encryption");
        });
  }

  @Test
  void pgjdbc_tlsRequired_refusesPlainTextBeforeAuthentication() throws Exception {
    start(security().withTlsRequired(true));
    assertThatThrownBy(() -> pgjdbc("alice", ALICE_PASSWORD, "sslmode=disable"))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("28000");
          assertThat(e.getMessage()).contains("requires TLS");
        });
    try (Connection conn = pgjdbc("alice", ALICE_PASSWORD, "sslmode=require")) {
      assertThat(queryOne(conn)).isEqualTo(1);
    }
  }

  @Test
  void failedLogins_areSlowedPerAddress() throws Exception {
    start(security().withThrottle(new LoginThrottle(Duration.ofMillis(200), Duration.ofSeconds(5),
        Duration.ofMinutes(1))));
    long first = timeFailedLogin();
    long second = timeFailedLogin();
    long third = timeFailedLogin();
    assertThat(first).isGreaterThanOrEqualTo(200);
    assertThat(second).isGreaterThanOrEqualTo(400);
    assertThat(third).isGreaterThanOrEqualTo(800);
    try (Connection conn = pgjdbc("alice", ALICE_PASSWORD, "sslmode=disable")) {
      assertThat(queryOne(conn)).isEqualTo(1);
    }
    assertThat(timeFailedLogin()).as("a success resets the count").isBetween(200L, 799L);
  }

  @Test
  void failedLogins_areLoggedWithoutThePassword() throws Exception {
    start(security());
    List<LogRecord> records = new ArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        synchronized (records) {
          records.add(record);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger(ClientAuthenticator.class.getName());
    logger.addHandler(handler);
    try {
      assertThatThrownBy(() -> pgjdbc("alice", "hunter2-secret", "sslmode=require&channelBinding=require"));
      assertThatThrownBy(() -> pgjdbc("paula", "hunter3-secret", "sslmode=require"));
    } finally {
      logger.removeHandler(handler);
    }
    List<String> logged;
    synchronized (records) {
      logged = records.stream().map(r -> new java.util.logging.SimpleFormatter().formatMessage(r)).toList();
    }
    assertThat(logged).anyMatch(line -> line.contains("password authentication failed for user \"alice\""))
        .anyMatch(line -> line.contains("password authentication failed for user \"paula\""))
        .noneMatch(line -> line.contains("hunter2") || line.contains("hunter3"));
  }

  // psql (libpq)

  @Test
  void psql_sslmodeRequire_connectsOverTlsWithScram() throws Exception {
    start(security());
    Psql result = psql("alice", ALICE_PASSWORD, "sslmode=require", "\\conninfo");
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SSL connection (protocol: TLSv1.3");
  }

  @Test
  void psql_sslmodeVerifyFullWithTheCa_connectsAndQueries() throws Exception {
    start(security());
    Psql result = psql("alice", ALICE_PASSWORD,
        "sslmode=verify-full sslrootcert=" + files.caCertificate() + " channel_binding=require", "SELECT 1");
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).isEqualTo("1\n");
  }

  @Test
  void psql_verifyFullWithAHostNotInTheCertificate_fails() throws Exception {
    start(security());
    // libpq checks the certificate against host and connects to hostaddr.
    Psql result = psqlAt("db.example.com hostaddr=127.0.0.1", "alice", ALICE_PASSWORD,
        "sslmode=verify-full sslrootcert=" + files.caCertificate(), "SELECT 1");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).containsAnyOf("does not match host name", "server certificate for");
  }

  @Test
  void psql_wrongPassword_reportsPostgresMessage() throws Exception {
    start(security());
    Psql result = psql("alice", "not it", "sslmode=require", "SELECT 1");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("password authentication failed for user \"alice\"");
  }

  @Test
  void psql_sslmodeDisableWhenTlsRequired_isRefused() throws Exception {
    start(security().withTlsRequired(true));
    Psql result = psql("alice", ALICE_PASSWORD, "sslmode=disable", "SELECT 1");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("requires TLS");
  }

  @Test
  void clientCertificates_withTlsCa_areCheckedWhenPresented() throws Exception {
    SecurityConfig security = security().withTls(Optional.of(TlsContext.load(files.serverCertificate(),
        files.serverKey(), Optional.of(files.caCertificate()))));
    start(security);
    List<Path> good = new CertificateGenerator(RANDOM).issueClientCertificate(files, "alice");
    Generated otherCa = new CertificateGenerator(RANDOM).generate(certificates.resolve("rogue"),
        List.of("localhost"), CertificateGenerator.KeyType.EC, CertificateGenerator.KeyFormat.PKCS8);
    List<Path> rogue = new CertificateGenerator(RANDOM).issueClientCertificate(otherCa, "alice");
    String verify = "sslmode=verify-full sslrootcert=" + files.caCertificate();

    Psql none = psql("alice", ALICE_PASSWORD, verify, "SELECT 1");
    assertThat(none.exitCode()).as(none.output()).isZero();
    Psql signed = psql("alice", ALICE_PASSWORD, verify + " sslcert=" + good.get(0) + " sslkey=" + good.get(1),
        "SELECT 1");
    assertThat(signed.exitCode()).as(signed.output()).isZero();
    Psql unknown = psql("alice", ALICE_PASSWORD, verify + " sslcert=" + rogue.get(0) + " sslkey=" + rogue.get(1),
        "SELECT 1");
    assertThat(unknown.exitCode()).isNotZero();
    assertThat(unknown.output()).containsIgnoringCase("certificate");
  }

  // raw protocol

  @Test
  void sslRequest_isAnsweredS_andGssencN() throws Exception {
    start(security());
    try (RawClient client = new RawClient(server.port())) {
      client.send(new GSSENCRequest());
      assertThat(client.readByte()).isEqualTo(MessageType.ENCRYPTION_REFUSED);
      client.send(new SSLRequest());
      assertThat(client.readByte()).isEqualTo(MessageType.SSL_ACCEPTED);
    }
  }

  @Test
  void sslRequest_withBytesPipelinedBeforeTheHandshake_isRefused() throws Exception {
    start(security());
    try (RawClient client = new RawClient(server.port())) {
      byte[] sslRequest = io.omendb.pg.codec.FrontendEncoder.toBytes(new SSLRequest());
      byte[] injected = io.omendb.pg.codec.FrontendEncoder.toBytes(new io.omendb.pg.message.Query("SELECT 1"));
      byte[] both = java.util.Arrays.copyOf(sslRequest, sslRequest.length + injected.length);
      System.arraycopy(injected, 0, both, sslRequest.length, injected.length);
      client.sendRaw(both);

      assertThat(client.read()).isInstanceOfSatisfying(ErrorResponse.class, e -> {
        assertThat(e.sqlState()).isEqualTo("08P01");
        assertThat(e.message()).isEqualTo("received unencrypted data after SSL request");
      });
      assertThat(client.serverClosed()).isTrue();
    }
  }

  @Test
  void tls_onlyModernSuites_aCbcOnlyClientIsRefused() throws Exception {
    start(security());
    try (RawClient client = new RawClient(server.port())) {
      client.send(new SSLRequest());
      assertThat(client.readByte()).isEqualTo(MessageType.SSL_ACCEPTED);
      SSLSocket tls = (SSLSocket) trustingCa().getSocketFactory().createSocket(client.socket(), "localhost",
          server.port(), true);
      tls.setEnabledProtocols(new String[] {"TLSv1.2"});
      tls.setEnabledCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"});
      assertThatThrownBy(tls::startHandshake).isInstanceOf(IOException.class);
    }
  }

  @Test
  void tls_negotiatesTls13WithAnAeadSuite() throws Exception {
    start(security());
    try (RawClient client = new RawClient(server.port())) {
      client.send(new SSLRequest());
      assertThat(client.readByte()).isEqualTo(MessageType.SSL_ACCEPTED);
      SSLSocket tls = (SSLSocket) trustingCa().getSocketFactory().createSocket(client.socket(), "localhost",
          server.port(), true);
      tls.startHandshake();
      assertThat(tls.getSession().getProtocol()).isEqualTo("TLSv1.3");
      assertThat(tls.getSession().getCipherSuite()).isIn("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
          "TLS_CHACHA20_POLY1305_SHA256");
    }
  }

  @Test
  void trustRules_refuseToListenBeyondLoopback_butScramOnlyRulesMay() throws Exception {
    server = new PgServer(sessions, PgServerConfig.loopback(0).withBindAddress(InetAddress.getByName("0.0.0.0"))
        .withSecurity(security()));
    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("trust");
    server.close();
    server = new PgServer(sessions, PgServerConfig.loopback(0).withBindAddress(InetAddress.getByName("0.0.0.0"))
        .withSecurity(security().withHba(HbaRules.scramEverywhere())));
    server.start();
    try (Connection conn = pgjdbc("alice", ALICE_PASSWORD, "sslmode=require")) {
      assertThat(queryOne(conn)).isEqualTo(1);
    }
  }

  @Test
  void securityConfig_tlsRequiredOrHostsslWithoutCertificate_isRefused() {
    assertThatThrownBy(() -> SecurityConfig.loopbackTrust().withTlsRequired(true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--tls-cert");
    assertThatThrownBy(() -> SecurityConfig.loopbackTrust()
        .withHba(HbaRules.parse("hostssl all all all scram-sha-256")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hostssl");
  }

  private long timeFailedLogin() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> pgjdbc("alice", "wrong", "sslmode=disable")).isInstanceOf(SQLException.class);
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  private static SSLContext trustingCa() throws Exception {
    java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("ca", io.omendb.pg.tls.PemFiles.readCertificates(files.caCertificate()).get(0));
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private Connection pgjdbc(String user, String password, String options) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("preferQueryMode", "simple");
    properties.setProperty("ApplicationName", "secure-test");
    properties.setProperty("gssEncMode", "disable");
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + server.port() + "/test?" + options,
        properties);
  }

  private static int queryOne(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
      assertThat(rs.next()).isTrue();
      return rs.getInt(1);
    }
  }

  private Psql psql(String user, String password, String options, String command) throws Exception {
    return psqlAt("localhost", user, password, options, command);
  }

  private Psql psqlAt(String host, String user, String password, String options, String command)
      throws Exception {
    String psql = findPsql();
    assumeTrue(psql != null, "psql is not installed");
    List<String> commandLine = new ArrayList<>(List.of(psql, "-X", "-A", "-t", "-w", "-v", "ON_ERROR_STOP=1",
        "host=" + host + " port=" + server.port() + " user=" + user + " dbname=test connect_timeout=10 "
            + "gssencmode=disable " + options, "-c", command));
    ProcessBuilder builder = new ProcessBuilder(commandLine).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", password);
    // No client certificate or root certificate from the user's home: only what the test gives.
    builder.environment().put("PGSSLCERT", certificates.resolve("none.crt").toString());
    builder.environment().put("PGSSLKEY", certificates.resolve("none.key").toString());
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
