package io.omendb.pg.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.omendb.pg.tls.CertificateGenerator.Generated;
import io.omendb.pg.tls.CertificateGenerator.KeyFormat;
import io.omendb.pg.tls.CertificateGenerator.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PEM loading in every key layout, the generator's output, key checks and reloading. */
class TlsContextTest {
  private static final List<String> HOSTS = List.of("localhost", "127.0.0.1", "::1");
  private final CertificateGenerator generator = new CertificateGenerator(new SecureRandom());

  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({"EC, PKCS8, BEGIN PRIVATE KEY", "EC, TRADITIONAL, BEGIN EC PRIVATE KEY",
      "RSA, PKCS8, BEGIN PRIVATE KEY", "RSA, TRADITIONAL, BEGIN RSA PRIVATE KEY"})
  void load_everyKeyTypeAndPemLayout(KeyType type, KeyFormat format, String pemHeader) throws IOException {
    Generated files = generator.generate(dir, HOSTS, type, format);
    assertThat(Files.readString(files.serverKey())).contains(pemHeader);

    TlsContext context = TlsContext.load(files.serverCertificate(), files.serverKey(), Optional.empty());

    assertThat(context.certificate().getPublicKey().getAlgorithm()).isEqualTo(type.name());
    assertThat(PemFiles.readPrivateKey(files.serverKey()).getAlgorithm()).isEqualTo(type.name());
  }

  @ParameterizedTest
  @CsvSource({
      "'genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out raw.pem',"
          + " 'rsa -traditional -in raw.pem -out key.pem', BEGIN RSA PRIVATE KEY",
      "'genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out raw.pem', 'pkey -in raw.pem -out key.pem',"
          + " BEGIN PRIVATE KEY",
      "'ecparam -name prime256v1 -genkey -noout -out raw.pem', 'ec -in raw.pem -out key.pem', BEGIN EC PRIVATE KEY",
      "'ecparam -name prime256v1 -genkey -noout -out raw.pem', 'pkcs8 -topk8 -nocrypt -in raw.pem -out key.pem',"
          + " BEGIN PRIVATE KEY"})
  void load_filesMadeByOpenssl(String makeKey, String convertKey, String pemHeader) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
    openssl(makeKey);
    openssl(convertKey);
    openssl("req -new -x509 -key key.pem -out cert.pem -days 2 -subj /CN=localhost");
    assertThat(Files.readString(dir.resolve("key.pem"))).contains(pemHeader);

    TlsContext context = TlsContext.load(dir.resolve("cert.pem"), dir.resolve("key.pem"), Optional.empty());

    assertThat(context.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
  }

  @Test
  void generate_certificatesVerifyWithOpenssl() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
    Generated files = generator.generate(dir, HOSTS, KeyType.EC, KeyFormat.TRADITIONAL);
    assertThat(openssl("verify -CAfile " + files.caCertificate() + " " + files.serverCertificate()))
        .contains(": OK");
    assertThat(openssl("ec -check -noout -in " + files.serverKey())).contains("EC Key valid");
  }

  private String openssl(String arguments) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/openssl"));
    command.addAll(List.of(arguments.split(" ")));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(arguments + ": " + output).isZero();
    return output;
  }

  @Test
  void generate_makesAServerCertificateSignedByTheCaWithHostNames() throws Exception {
    Generated files = generator.generate(dir, HOSTS, KeyType.EC, KeyFormat.PKCS8);
    X509Certificate ca = PemFiles.readCertificates(files.caCertificate()).get(0);
    X509Certificate server = PemFiles.readCertificates(files.serverCertificate()).get(0);

    server.verify(ca.getPublicKey());
    server.checkValidity();
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(server.getBasicConstraints()).isEqualTo(-1);
    assertThat(server.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
    assertThat(server.getSubjectAlternativeNames()).extracting(name -> name.get(1).toString())
        .contains("localhost", "127.0.0.1");
    assertThat(server.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
  }

  @Test
  void generate_keysAreReadableByTheOwnerOnly() throws IOException {
    Generated files = generator.generate(dir, HOSTS, KeyType.EC, KeyFormat.PKCS8);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.serverKey())))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.caKey())))
        .isEqualTo("rw-------");
  }

  @Test
  void generate_neverOverwrites() throws IOException {
    generator.generate(dir, HOSTS, KeyType.EC, KeyFormat.PKCS8);
    assertThatThrownBy(() -> generator.generate(dir, HOSTS, KeyType.EC, KeyFormat.PKCS8))
        .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
  }

  @Test
  void load_keyOfAnotherCertificate_isRefused() throws IOException {
    Generated one = generator.generate(dir.resolve("one"), HOSTS, KeyType.EC, KeyFormat.PKCS8);
    Generated two = generator.generate(dir.resolve("two"), HOSTS, KeyType.EC, KeyFormat.PKCS8);

    assertThatThrownBy(() -> TlsContext.load(one.serverCertificate(), two.serverKey(), Optional.empty()))
        .isInstanceOf(IOException.class).hasMessageContaining("does not match");
  }

  @Test
  void load_encryptedKey_isRefused() throws IOException {
    Generated files = generator.generate(dir, HOSTS, KeyType.RSA, KeyFormat.PKCS8);
    Path encrypted = dir.resolve("encrypted.key");
    // An OpenSSL-encrypted PKCS#8 key; the content after the header is never decrypted.
    Files.writeString(encrypted, "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
        + "MIIBvTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQIvH3N6ZzN3NQCAggA\n"
        + "MAwGCCqGSIb3DQIJBQAwHQYJYIZIAWUDBAEqBBDyYf1+n0dW2B1bq6nKq3sWBIIB\n"
        + "YA==\n"
        + "-----END ENCRYPTED PRIVATE KEY-----\n");

    assertThatThrownBy(() -> TlsContext.load(files.serverCertificate(), encrypted, Optional.empty()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void load_missingOrEmptyFiles_areRefused() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");
    assertThatThrownBy(() -> PemFiles.readCertificates(empty)).hasMessageContaining("no PEM certificate");
    assertThatThrownBy(() -> PemFiles.readPrivateKey(empty)).hasMessageContaining("no PEM private key");
    assertThatThrownBy(() -> PemFiles.readCertificates(dir.resolve("missing.pem"))).isInstanceOf(IOException.class);
  }

  @Test
  void reloadIfChanged_picksUpReplacedFiles_andKeepsTheOldOnBrokenOnes() throws IOException {
    Generated first = generator.generate(dir.resolve("first"), HOSTS, KeyType.EC, KeyFormat.PKCS8);
    Path cert = Files.copy(first.serverCertificate(), dir.resolve("server.crt"));
    Path key = Files.copy(first.serverKey(), dir.resolve("server.key"));
    TlsContext context = TlsContext.load(cert, key, Optional.empty());
    X509Certificate before = context.certificate();
    assertThat(context.reloadIfChanged()).isFalse();

    Generated second = generator.generate(dir.resolve("second"), HOSTS, KeyType.RSA, KeyFormat.TRADITIONAL);
    Files.copy(second.serverCertificate(), cert, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(context.reloadIfChanged()).as("certificate changed, key not yet: mismatch, keep the old").isFalse();
    assertThat(context.certificate()).isEqualTo(before);

    Files.copy(second.serverKey(), key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(context.reloadIfChanged()).isTrue();
    assertThat(context.certificate()).isNotEqualTo(before);
    assertThat(context.certificate().getPublicKey().getAlgorithm()).isEqualTo("RSA");
  }

  @Test
  void tlsServerEndPoint_isTheSha256OfTheCertificate() throws Exception {
    Generated files = generator.generate(dir, HOSTS, KeyType.EC, KeyFormat.PKCS8);
    X509Certificate certificate = PemFiles.readCertificates(files.serverCertificate()).get(0);

    assertThat(ChannelBinding.tlsServerEndPoint(certificate)).isEqualTo(
        java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
  }
}
