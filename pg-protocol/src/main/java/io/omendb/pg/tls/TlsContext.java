package io.omendb.pg.tls;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The server's TLS configuration, read from PEM files: a certificate chain, its private key and optionally the CAs
 * that client certificates are checked against. Allows TLS 1.3 and 1.2 with forward-secret AEAD suites only.
 *
 * <p>Reloading: before each handshake the files' modification times and sizes are compared with those last loaded
 * (a few {@code stat} calls); when they changed, the files are read again and new connections use the new
 * certificate, while open connections keep theirs. {@link #reload()} does the same on demand (the server calls it on
 * SIGHUP). A reload that fails (e.g. a half-written file, or a key that does not match the certificate) is logged
 * and the previous certificate stays in use. Thread-safe.
 */
public final class TlsContext {
  private static final System.Logger LOG = System.getLogger(TlsContext.class.getName());

  /** TLS versions offered, newest first. */
  static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  /** Suites offered: TLS 1.3's, then TLS 1.2 ECDHE with AES-GCM or ChaCha20-Poly1305. */
  static final List<String> CIPHER_SUITES = List.of(
      "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

  private static final char[] IN_MEMORY_PASSWORD = new char[0];

  private final Path certificateFile;
  private final Path keyFile;
  private final Optional<Path> clientCaFile;
  private volatile Loaded loaded;

  /** What one load produced, with the file stamps it was made from. */
  private record Loaded(SSLContext context, X509Certificate certificate, List<String> stamps) {}

  private TlsContext(Path certificateFile, Path keyFile, Optional<Path> clientCaFile) {
    this.certificateFile = requireNonNull(certificateFile, "certificateFile");
    this.keyFile = requireNonNull(keyFile, "keyFile");
    this.clientCaFile = requireNonNull(clientCaFile, "clientCaFile");
  }

  /**
   * Reads the files and builds the context.
   *
   * @param certificateFile PEM certificate chain, server certificate first
   * @param keyFile PEM private key of the server certificate (PKCS#1, SEC1 or PKCS#8, unencrypted)
   * @param clientCaFile PEM certificates of the CAs client certificates must chain to; when present, clients are
   *     asked for a certificate (not required), and one that does not verify fails the handshake
   * @throws IOException if a file cannot be read, or the key does not belong to the certificate
   */
  public static TlsContext load(Path certificateFile, Path keyFile, Optional<Path> clientCaFile) throws IOException {
    TlsContext context = new TlsContext(certificateFile, keyFile, clientCaFile);
    context.loaded = context.read();
    return context;
  }

  /** The server certificate currently presented to new connections. */
  public X509Certificate certificate() {
    return loaded.certificate();
  }

  /**
   * The JDK context built from the files currently loaded, for endpoints that run their own handshakes (the Avatica
   * endpoint); the context returned keeps its certificate when the files are reloaded later.
   */
  public SSLContext sslContext() {
    reloadIfChanged();
    return loaded.context();
  }

  /**
   * Reads the files again now.
   *
   * @throws IOException if they cannot be used; the previous certificate then stays in use
   */
  public synchronized void reload() throws IOException {
    loaded = read();
    LOG.log(Level.INFO, "TLS certificate reloaded from {0}: {1}", certificateFile,
        loaded.certificate().getSubjectX500Principal());
  }

  /** Reloads if the files changed since they were last read; returns whether a new certificate is in use. */
  public boolean reloadIfChanged() {
    List<String> stamps;
    try {
      stamps = stamps();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot check the TLS files for changes, keeping the current certificate: {0}",
          e.getMessage());
      return false;
    }
    if (stamps.equals(loaded.stamps())) {
      return false;
    }
    synchronized (this) {
      if (stamps.equals(loaded.stamps())) {
        return false;
      }
      try {
        reload();
        return true;
      } catch (IOException e) {
        LOG.log(Level.WARNING, "TLS files changed but cannot be loaded, keeping the current certificate: {0}",
            e.getMessage());
        return false;
      }
    }
  }

  /**
   * Turns an accepted plain socket into a server-side TLS socket and completes the handshake, reloading the files
   * first if they changed.
   *
   * @throws IOException if the handshake fails
   */
  public SSLSocket handshake(Socket socket) throws IOException {
    reloadIfChanged();
    Loaded current = loaded;
    SSLSocket ssl = (SSLSocket) current.context().getSocketFactory().createSocket(socket, null, true);
    SSLParameters parameters = ssl.getSSLParameters();
    parameters.setProtocols(supported(PROTOCOLS, ssl.getSupportedProtocols()));
    parameters.setCipherSuites(supported(CIPHER_SUITES, ssl.getSupportedCipherSuites()));
    parameters.setUseCipherSuitesOrder(true);
    if (clientCaFile.isPresent()) {
      parameters.setWantClientAuth(true);
    }
    ssl.setSSLParameters(parameters);
    ssl.setUseClientMode(false);
    ssl.startHandshake();
    return ssl;
  }

  private static String[] supported(List<String> wanted, String[] available) {
    List<String> availableList = Arrays.asList(available);
    return wanted.stream().filter(availableList::contains).toArray(String[]::new);
  }

  private Loaded read() throws IOException {
    List<String> stamps = stamps();
    List<X509Certificate> chain = PemFiles.readCertificates(certificateFile);
    PrivateKey key = PemFiles.readPrivateKey(keyFile);
    checkKeyMatches(chain.get(0), key);
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("server", key, IN_MEMORY_PASSWORD, chain.toArray(new X509Certificate[0]));
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, IN_MEMORY_PASSWORD);
      TrustManagerFactory trustManagers = null;
      if (clientCaFile.isPresent()) {
        KeyStore cas = KeyStore.getInstance("PKCS12");
        cas.load(null, null);
        int i = 0;
        for (X509Certificate ca : PemFiles.readCertificates(clientCaFile.get())) {
          cas.setCertificateEntry("ca-" + i++, ca);
        }
        trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(cas);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), trustManagers == null ? null : trustManagers.getTrustManagers(),
          null);
      return new Loaded(context, chain.get(0), stamps);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS with " + certificateFile + " and " + keyFile + ": " + e.getMessage(),
          e);
    }
  }

  /** Fails unless {@code key} is the private half of the certificate's public key (a cheap sign-and-verify). */
  private void checkKeyMatches(X509Certificate certificate, PrivateKey key) throws IOException {
    PublicKey publicKey = certificate.getPublicKey();
    String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256with" + key.getAlgorithm();
    try {
      java.security.Signature signer = java.security.Signature.getInstance(algorithm);
      signer.initSign(key);
      byte[] probe = "omendb key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      signer.update(probe);
      byte[] signature = signer.sign();
      java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(probe);
      if (!verifier.verify(signature)) {
        throw new IOException("the private key in " + keyFile + " does not match the certificate in "
            + certificateFile);
      }
    } catch (GeneralSecurityException e) {
      throw new IOException("the private key in " + keyFile + " does not match the certificate in "
          + certificateFile + ": " + e.getMessage(), e);
    }
  }

  private List<String> stamps() throws IOException {
    List<String> stamps = new ArrayList<>();
    List<Path> files = new ArrayList<>(List.of(certificateFile, keyFile));
    clientCaFile.ifPresent(files::add);
    for (Path file : files) {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      stamps.add(file + "@" + attributes.lastModifiedTime() + "/" + attributes.size()
          + "/" + attributes.fileKey());
    }
    return stamps;
  }
}
