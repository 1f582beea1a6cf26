package io.omendb.server;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.RoleDirectory;
import io.omendb.pg.auth.HbaRules;
import io.omendb.pg.server.PgServerConfig;
import io.omendb.pg.server.SecurityConfig;
import io.omendb.pg.tls.TlsContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The command line's TLS and client-authentication settings for the PostgreSQL endpoint.
 *
 * @param tls whether TLS is offered ({@code --tls}); implied by every other TLS option
 * @param tlsCert the PEM certificate chain ({@code --tls-cert}); default {@code server.crt} in the data directory
 * @param tlsKey the PEM private key ({@code --tls-key}); default {@code server.key} in the data directory
 * @param tlsCa the PEM CAs client certificates are checked against ({@code --tls-ca}), if any
 * @param tlsRequired whether plain-text sessions are refused ({@code --tls-required})
 * @param hbaFile a pg_hba.conf-style rules file ({@code --hba-file})
 * @param defaultRules the rules used without an hba file: scram-sha-256 for everyone, unless
 *     {@link #loopbackTrust()} asked for trust from loopback (tests, local tools)
 * @param authTimeout how long a client may take from connecting to finishing authentication
 *     ({@code --auth-timeout SECONDS}; default 60 s, PostgreSQL's authentication_timeout)
 */
public record SecurityOptions(boolean tls, Optional<Path> tlsCert, Optional<Path> tlsKey, Optional<Path> tlsCa,
    boolean tlsRequired, Optional<Path> hbaFile, HbaRules defaultRules, Duration authTimeout) {

  /** The certificate file looked for in the data directory when {@code --tls} is given without {@code --tls-cert}. */
  public static final String DEFAULT_CERT_FILE = "server.crt";
  /** The key file looked for in the data directory when {@code --tls} is given without {@code --tls-key}. */
  public static final String DEFAULT_KEY_FILE = "server.key";

  public SecurityOptions {
    requireNonNull(tlsCert, "tlsCert");
    requireNonNull(tlsKey, "tlsKey");
    requireNonNull(tlsCa, "tlsCa");
    requireNonNull(hbaFile, "hbaFile");
    requireNonNull(defaultRules, "defaultRules");
    requireNonNull(authTimeout, "authTimeout");
    if (authTimeout.isNegative() || authTimeout.isZero()) {
      throw new IllegalArgumentException("--auth-timeout must be positive: " + authTimeout.toSeconds());
    }
  }

  /** No TLS; every client authenticates with SCRAM-SHA-256 against the database's roles. */
  public static SecurityOptions defaults() {
    return new SecurityOptions(false, Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(),
        HbaRules.scramEverywhere(), PgServerConfig.DEFAULT_AUTH_TIMEOUT);
  }

  /**
   * No TLS; loopback clients log in as any user without a password (and the server refuses to listen beyond
   * loopback): for tests and tools on one machine, never the default.
   */
  public static SecurityOptions loopbackTrust() {
    return new SecurityOptions(false, Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(),
        HbaRules.loopbackTrust(), PgServerConfig.DEFAULT_AUTH_TIMEOUT);
  }

  /** Whether TLS is on: {@code --tls} or any option that needs it. */
  public boolean tlsEnabled() {
    return tls || tlsCert.isPresent() || tlsKey.isPresent() || tlsCa.isPresent() || tlsRequired;
  }

  public SecurityOptions withTls(boolean tls) {
    return new SecurityOptions(tls, tlsCert, tlsKey, tlsCa, tlsRequired, hbaFile, defaultRules, authTimeout);
  }

  public SecurityOptions withTlsCert(Path tlsCert) {
    return new SecurityOptions(tls, Optional.of(tlsCert), tlsKey, tlsCa, tlsRequired, hbaFile, defaultRules,
        authTimeout);
  }

  public SecurityOptions withTlsKey(Path tlsKey) {
    return new SecurityOptions(tls, tlsCert, Optional.of(tlsKey), tlsCa, tlsRequired, hbaFile, defaultRules,
        authTimeout);
  }

  public SecurityOptions withTlsCa(Path tlsCa) {
    return new SecurityOptions(tls, tlsCert, tlsKey, Optional.of(tlsCa), tlsRequired, hbaFile, defaultRules,
        authTimeout);
  }

  public SecurityOptions withTlsRequired(boolean tlsRequired) {
    return new SecurityOptions(tls, tlsCert, tlsKey, tlsCa, tlsRequired, hbaFile, defaultRules, authTimeout);
  }

  public SecurityOptions withHbaFile(Path hbaFile) {
    return new SecurityOptions(tls, tlsCert, tlsKey, tlsCa, tlsRequired, Optional.of(hbaFile), defaultRules,
        authTimeout);
  }

  public SecurityOptions withAuthTimeout(Duration authTimeout) {
    return new SecurityOptions(tls, tlsCert, tlsKey, tlsCa, tlsRequired, hbaFile, defaultRules, authTimeout);
  }

  /**
   * Reads the files named and builds the endpoint's security configuration.
   *
   * @param dataDir where the default certificate and key are looked for
   * @param roles where passwords are checked
   * @throws IOException if a file cannot be read or used
   * @throws IllegalArgumentException if the hba rules are malformed or need TLS that is off
   */
  public SecurityConfig build(Path dataDir, RoleDirectory roles) throws IOException {
    SecurityConfig config = SecurityConfig.loopbackTrust().withRoles(roles);
    if (tlsEnabled()) {
      Path cert = tlsCert.orElse(dataDir.resolve(DEFAULT_CERT_FILE));
      Path key = tlsKey.orElse(dataDir.resolve(DEFAULT_KEY_FILE));
      config = config.withTls(Optional.of(TlsContext.load(cert, key, tlsCa))).withTlsRequired(tlsRequired);
    }
    HbaRules rules = defaultRules;
    if (hbaFile.isPresent()) {
      rules = HbaRules.parse(Files.readString(hbaFile.get(), StandardCharsets.UTF_8));
    }
    return config.withHba(rules);
  }
}
