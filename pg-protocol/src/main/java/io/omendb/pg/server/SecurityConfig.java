package io.omendb.pg.server;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.LoginThrottle;
import io.omendb.adapter.RoleDirectory;
import io.omendb.pg.auth.HbaRules;
import io.omendb.pg.tls.TlsContext;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Who may connect to a {@link PgServer} and how: TLS, the hba rules, the roles passwords are checked against and the
 * throttle for failed logins. Immutable; the {@code withXxx} methods return copies.
 */
public final class SecurityConfig {
  private static final int MOCK_SECRET_BYTES = 32;

  private final Optional<TlsContext> tls;
  private final boolean tlsRequired;
  private final HbaRules hba;
  private final RoleDirectory roles;
  private final LoginThrottle throttle;
  private final byte[] mockSecret;

  private SecurityConfig(Optional<TlsContext> tls, boolean tlsRequired, HbaRules hba, RoleDirectory roles,
      LoginThrottle throttle, byte[] mockSecret) {
    this.tls = requireNonNull(tls, "tls");
    this.tlsRequired = tlsRequired;
    this.hba = requireNonNull(hba, "hba");
    this.roles = requireNonNull(roles, "roles");
    this.throttle = requireNonNull(throttle, "throttle");
    this.mockSecret = mockSecret;
    if (tlsRequired && tls.isEmpty()) {
      throw new IllegalArgumentException("TLS cannot be required without a certificate and key (--tls-cert,"
          + " --tls-key)");
    }
    if (hba.needsTls() && tls.isEmpty()) {
      throw new IllegalArgumentException("hostssl rules need TLS: configure a certificate and key (--tls-cert,"
          + " --tls-key)");
    }
  }

  /** No TLS, trust for loopback clients, no roles: a server bound to loopback for local development and tests. */
  public static SecurityConfig loopbackTrust() {
    byte[] secret = new byte[MOCK_SECRET_BYTES];
    new SecureRandom().nextBytes(secret);
    return new SecurityConfig(Optional.empty(), false, HbaRules.loopbackTrust(), name -> Optional.empty(),
        LoginThrottle.defaults(), secret);
  }

  /** The TLS context, if TLS is offered (SSLRequest answered 'S'). */
  public Optional<TlsContext> tls() {
    return tls;
  }

  /** Whether plain-text sessions are refused (FATAL 28000 before authentication). */
  public boolean tlsRequired() {
    return tlsRequired;
  }

  public HbaRules hba() {
    return hba;
  }

  /** Where SCRAM and password authentication find users' verifiers. */
  public RoleDirectory roles() {
    return roles;
  }

  public LoginThrottle throttle() {
    return throttle;
  }

  /** The per-server secret that makes mock SCRAM salts of unknown users stable but unpredictable. */
  byte[] mockSecret() {
    return mockSecret.clone();
  }

  public SecurityConfig withTls(Optional<TlsContext> tls) {
    return new SecurityConfig(tls, tlsRequired, hba, roles, throttle, mockSecret);
  }

  public SecurityConfig withTlsRequired(boolean tlsRequired) {
    return new SecurityConfig(tls, tlsRequired, hba, roles, throttle, mockSecret);
  }

  public SecurityConfig withHba(HbaRules hba) {
    return new SecurityConfig(tls, tlsRequired, hba, roles, throttle, mockSecret);
  }

  public SecurityConfig withRoles(RoleDirectory roles) {
    return new SecurityConfig(tls, tlsRequired, hba, roles, throttle, mockSecret);
  }

  public SecurityConfig withThrottle(LoginThrottle throttle) {
    return new SecurityConfig(tls, tlsRequired, hba, roles, throttle, mockSecret);
  }
}
