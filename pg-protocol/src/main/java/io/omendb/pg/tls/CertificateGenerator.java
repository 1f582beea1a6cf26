package io.omendb.pg.tls;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Makes a local certificate authority and a server certificate signed by it, as PEM files: what {@code omendb
 * gen-cert} writes for development and for deployments without a real CA. Clients verify the server by trusting
 * {@code ca.crt} (psql's {@code sslrootcert}, pgjdbc's {@code sslrootcert}).
 */
public final class CertificateGenerator {
  /** The files written. */
  public static final String CA_CERTIFICATE = "ca.crt";
  public static final String CA_KEY = "ca.key";
  public static final String SERVER_CERTIFICATE = "server.crt";
  public static final String SERVER_KEY = "server.key";

  /** How long the CA is valid. */
  public static final Duration CA_VALIDITY = Duration.ofDays(3650);
  /** How long a server certificate is valid: 825 days, the longest clients such as Apple's accept. */
  public static final Duration SERVER_VALIDITY = Duration.ofDays(825);

  private static final int RSA_BITS = 3072;
  private static final String EC_CURVE = "secp256r1";
  private static final int SERIAL_BITS = 64;
  private static final Duration CLOCK_SKEW = Duration.ofHours(1);

  /** The key algorithm of both certificates. */
  public enum KeyType {
    /** ECDSA on P-256: small and fast, the default. */
    EC,
    /** RSA with 3072-bit keys, for old clients. */
    RSA
  }

  /** How private keys are written. */
  public enum KeyFormat {
    /** {@code BEGIN PRIVATE KEY}: PKCS#8, what OpenSSL 3 writes. */
    PKCS8,
    /** {@code BEGIN RSA PRIVATE KEY} (PKCS#1) or {@code BEGIN EC PRIVATE KEY} (SEC1): OpenSSL's traditional form. */
    TRADITIONAL
  }

  /**
   * The paths written by {@link #generate}.
   *
   * @param caCertificate the CA certificate, to give clients
   * @param caKey the CA's private key, to keep offline or delete once no more certificates are needed
   * @param serverCertificate the server certificate ({@code --tls-cert})
   * @param serverKey the server's private key ({@code --tls-key})
   */
  public record Generated(Path caCertificate, Path caKey, Path serverCertificate, Path serverKey) {}

  private final SecureRandom random;

  public CertificateGenerator(SecureRandom random) {
    this.random = requireNonNull(random, "random");
  }

  /**
   * Writes {@code ca.crt}, {@code ca.key}, {@code server.crt} and {@code server.key} into {@code directory}
   * (created if missing; existing files are never overwritten). Key files are readable by their owner only.
   *
   * @param hosts the names and IP addresses clients use to reach the server; they become the certificate's subject
   *     alternative names (the first is also its common name), which verify-full checks
   * @throws IOException if a file exists already or cannot be written
   */
  public Generated generate(Path directory, List<String> hosts, KeyType keyType, KeyFormat keyFormat)
      throws IOException {
    requireNonNull(directory, "directory");
    requireNonNull(keyType, "keyType");
    requireNonNull(keyFormat, "keyFormat");
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("at least one host name or address is needed");
    }
    Generated paths = new Generated(directory.resolve(CA_CERTIFICATE), directory.resolve(CA_KEY),
        directory.resolve(SERVER_CERTIFICATE), directory.resolve(SERVER_KEY));
    for (Path path : List.of(paths.caCertificate(), paths.caKey(), paths.serverCertificate(), paths.serverKey())) {
      if (Files.exists(path)) {
        throw new FileAlreadyExistsException(path + " (remove it or choose another directory)");
      }
    }
    try {
      KeyPair caKeys = newKeyPair(keyType);
      X500Name caName = new X500Name("CN=OmenDB local CA " + Instant.now().getEpochSecond());
      Instant now = Instant.now();
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(),
          Date.from(now.minus(CLOCK_SKEW)), Date.from(now.plus(CA_VALIDITY)), caName, caKeys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(Extension.subjectKeyIdentifier, false,
              extensions.createSubjectKeyIdentifier(caKeys.getPublic()));
      X509Certificate caCertificate = sign(ca, caKeys, keyType);

      KeyPair serverKeys = newKeyPair(keyType);
      X509v3CertificateBuilder server = new JcaX509v3CertificateBuilder(caCertificate, serial(),
          Date.from(now.minus(CLOCK_SKEW)), Date.from(now.plus(SERVER_VALIDITY)),
          new X500Name("CN=" + hosts.get(0).replace(",", "\\,")), serverKeys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true,
              new KeyUsage(KeyUsage.digitalSignature | (keyType == KeyType.RSA ? KeyUsage.keyEncipherment : 0)))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
          .addExtension(Extension.subjectAlternativeName, false, alternativeNames(hosts))
          .addExtension(Extension.authorityKeyIdentifier, false,
              extensions.createAuthorityKeyIdentifier(caCertificate));
      X509Certificate serverCertificate = sign(server, caKeys, keyType);

      Files.createDirectories(directory);
      write(paths.caCertificate(), pem(caCertificate), false);
      write(paths.caKey(), privateKeyPem(caKeys, keyFormat), true);
      write(paths.serverCertificate(), pem(serverCertificate), false);
      write(paths.serverKey(), privateKeyPem(serverKeys, keyFormat), true);
      return paths;
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IOException("cannot generate certificates: " + e.getMessage(), e);
    }
  }

  /**
   * Issues a client certificate signed by a CA made by {@link #generate}, for servers started with
   * {@code --tls-ca}: writes {@code <name>.crt} and {@code <name>.key} (owner-only) next to the CA.
   *
   * @param commonName the certificate's common name, by convention the user name
   * @return the certificate and key paths, in that order
   * @throws IOException if the CA cannot be read or a file exists already
   */
  public List<Path> issueClientCertificate(Generated ca, String commonName) throws IOException {
    requireNonNull(commonName, "commonName");
    Path directory = ca.caCertificate().toAbsolutePath().getParent();
    Path certificateFile = directory.resolve(commonName + ".crt");
    Path keyFile = directory.resolve(commonName + ".key");
    X509Certificate caCertificate = PemFiles.readCertificates(ca.caCertificate()).get(0);
    java.security.PrivateKey caKey = PemFiles.readPrivateKey(ca.caKey());
    KeyType keyType = caKey.getAlgorithm().equals("EC") ? KeyType.EC : KeyType.RSA;
    try {
      KeyPair keys = newKeyPair(keyType);
      Instant now = Instant.now();
      X509v3CertificateBuilder client = new JcaX509v3CertificateBuilder(caCertificate, serial(),
          Date.from(now.minus(CLOCK_SKEW)), Date.from(now.plus(SERVER_VALIDITY)),
          new X500Name("CN=" + commonName.replace(",", "\\,")), keys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
      X509Certificate certificate = sign(client, new KeyPair(caCertificate.getPublicKey(), caKey), keyType);
      write(certificateFile, pem(certificate), false);
      write(keyFile, privateKeyPem(keys, KeyFormat.PKCS8), true);
      return List.of(certificateFile, keyFile);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IOException("cannot issue a client certificate: " + e.getMessage(), e);
    }
  }

  private KeyPair newKeyPair(KeyType type) throws GeneralSecurityException {
    KeyPairGenerator generator;
    if (type == KeyType.EC) {
      generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(EC_CURVE), random);
    } else {
      generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(RSA_BITS, random);
    }
    return generator.generateKeyPair();
  }

  private BigInteger serial() {
    return new BigInteger(SERIAL_BITS, random).setBit(SERIAL_BITS - 1);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer, KeyType type)
      throws OperatorCreationException, GeneralSecurityException {
    String algorithm = type == KeyType.EC ? "SHA256withECDSA" : "SHA256withRSA";
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(signer.getPrivate())));
  }

  private static GeneralNames alternativeNames(List<String> hosts) {
    List<GeneralName> names = new ArrayList<>();
    for (String host : hosts) {
      boolean numeric = host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
      names.add(new GeneralName(numeric ? GeneralName.iPAddress : GeneralName.dNSName, host));
    }
    return new GeneralNames(names.toArray(new GeneralName[0]));
  }

  private static String pem(Object object) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    }
    return text.toString();
  }

  private static String privateKeyPem(KeyPair keys, KeyFormat format) throws IOException {
    if (format == KeyFormat.TRADITIONAL && keys.getPrivate() instanceof ECPrivateKey ec) {
      // SEC1 as OpenSSL writes it, with the curve inside: the JDK's encoding leaves it out.
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(ec.getEncoded());
      SubjectPublicKeyInfo publicInfo = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
      org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(
          ec.getParams().getOrder().bitLength(), ec.getS(), publicInfo.getPublicKeyData(),
          info.getPrivateKeyAlgorithm().getParameters());
      return pem(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
    }
    if (format == KeyFormat.TRADITIONAL) {
      return pem(keys.getPrivate());
    }
    return pem(new PemObject("PRIVATE KEY", keys.getPrivate().getEncoded()));
  }

  private static void write(Path path, String text, boolean secret) throws IOException {
    Files.createFile(path);
    if (secret && path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    }
    try (Writer writer = Files.newBufferedWriter(path, StandardCharsets.US_ASCII)) {
      writer.write(text);
    }
  }
}
