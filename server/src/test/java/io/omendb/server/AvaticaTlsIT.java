package io.omendb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Avatica endpoint over HTTPS with the certificate and key the PostgreSQL port uses ({@code omendb gen-cert}
 * files), driven by the Avatica thin driver with HTTP BASIC credentials and a truststore holding the generated CA.
 */
class AvaticaTlsIT {
  /** The superuser's first password, handed to the server as OMENDB_ADMIN_PASSWORD would be. */
  private static final String ADMIN_PASSWORD = "avatica-tls-it-admin";
  private static final String TRUSTSTORE_PASSWORD = "changeit";

  @TempDir Path dir;
  private OmenServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private void start(InetAddress listen, boolean tls) throws Exception {
    int status = Main.run(new String[] {"gen-cert", "--dir", dir.resolve("certs").toString()},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err);
    assertThat(status).isZero();
    SecurityOptions security = SecurityOptions.defaults();
    if (tls) {
      security = security.withTlsCert(dir.resolve("certs/server.crt")).withTlsKey(dir.resolve("certs/server.key"));
    }
    server = new OmenServer(new ServerConfig(dir.resolve("data"), listen, 0, 0).withSecurity(security)
        .withAdmin(AdminConfig.defaults().withUser("tester")), Map.of(AdminBootstrap.PASSWORD_ENV, ADMIN_PASSWORD));
    server.start();
  }

  /** A PKCS12 truststore holding the CA that gen-cert made. */
  private Path truststore() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    try (InputStream in = Files.newInputStream(dir.resolve("certs/ca.crt"))) {
      store.setCertificateEntry("omendb-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    Path file = dir.resolve("truststore.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, TRUSTSTORE_PASSWORD.toCharArray());
    }
    return file;
  }

  private Connection avatica(String scheme, String password) throws Exception {
    return DriverManager.getConnection("jdbc:avatica:remote:url=" + scheme + "://localhost:" + server.avaticaPort()
        + ";serialization=protobuf;authentication=BASIC;avatica_user=tester;avatica_password=" + password
        + ";truststore=" + truststore() + ";truststore_password=" + TRUSTSTORE_PASSWORD);
  }

  @Test
  void avatica_httpsWithBasicCredentials_runsSql() throws Exception {
    start(InetAddress.getLoopbackAddress(), true);
    try (Connection connection = avatica("https", ADMIN_PASSWORD); Statement st = connection.createStatement()) {
      st.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10))");
      st.execute("INSERT INTO t VALUES (1, 'one')");
      try (ResultSet rs = st.executeQuery("SELECT name, 40 + id FROM t")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("one");
        assertThat(rs.getInt(2)).isEqualTo(41);
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @Test
  void avatica_httpsWithWrongPassword_isRefused() throws Exception {
    start(InetAddress.getLoopbackAddress(), true);
    assertThatThrownBy(() -> {
      try (Connection connection = avatica("https", "wrong"); Statement st = connection.createStatement()) {
        st.executeQuery("SELECT 1").close();
      }
    }).isInstanceOf(Exception.class);
  }

  @Test
  void avatica_plainHttpWhenTlsIsOn_isNotServed() throws Exception {
    start(InetAddress.getLoopbackAddress(), true);
    // A plain-text HTTP request gets no HTTP answer at all: the port speaks TLS only. (The thin driver is not used
    // here: it retries a connection that closes without a response forever.)
    try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), server.avaticaPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readNBytes(64), StandardCharsets.ISO_8859_1);
      assertThat(answer).doesNotStartWith("HTTP/");
    }
  }

  @Test
  void start_wildcardAddressWithTls_servesHttps() throws Exception {
    start(InetAddress.getByName("0.0.0.0"), true);
    try (Connection connection = avatica("https", ADMIN_PASSWORD); Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT 6 * 7")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(42);
    }
  }

  @Test
  void start_wildcardAddressWithoutTls_isRefused() {
    assertThatThrownBy(() -> start(InetAddress.getByName("0.0.0.0"), false))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no TLS configured");
    server = null;
  }
}
