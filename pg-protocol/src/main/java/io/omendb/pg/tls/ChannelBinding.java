package io.omendb.pg.tls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Locale;

/** The tls-server-end-point channel binding of RFC 5929, which SCRAM-SHA-256-PLUS ties the exchange to. */
public final class ChannelBinding {
  private ChannelBinding() {}

  /**
   * The hash of the server certificate's DER encoding, with the hash of its signature algorithm; MD5 and SHA-1 are
   * replaced by SHA-256 as RFC 5929 says.
   *
   * @throws IllegalArgumentException if the signature algorithm has no usable hash (e.g. Ed25519)
   */
  public static byte[] tlsServerEndPoint(X509Certificate certificate) {
    String algorithm = certificate.getSigAlgName().toUpperCase(Locale.ROOT);
    String digest;
    if (algorithm.startsWith("SHA384")) {
      digest = "SHA-384";
    } else if (algorithm.startsWith("SHA512")) {
      digest = "SHA-512";
    } else if (algorithm.startsWith("SHA256") || algorithm.startsWith("SHA1") || algorithm.startsWith("MD5")) {
      digest = "SHA-256";
    } else {
      throw new IllegalArgumentException("no tls-server-end-point hash for signature algorithm "
          + certificate.getSigAlgName());
    }
    try {
      return MessageDigest.getInstance(digest).digest(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("cannot encode the server certificate", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(digest + " is unavailable", e);
    }
  }
}
