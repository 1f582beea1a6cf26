/**
 * TLS for the PostgreSQL protocol: PEM certificates and keys read with BouncyCastle (RSA and EC, PKCS#1, SEC1 and
 * PKCS#8), the server's {@code SSLContext} with TLS 1.2+ and modern suites, reloaded when the files change, the
 * tls-server-end-point channel binding, and a generator for a local CA and server certificate.
 */
package io.omendb.pg.tls;
