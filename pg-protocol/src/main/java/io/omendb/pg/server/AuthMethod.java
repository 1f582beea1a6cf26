package io.omendb.pg.server;

/** How the server authenticates clients; SCRAM-SHA-256 arrives with the security work. */
public enum AuthMethod {
  /**
   * Accept any user without a password. Only safe when nobody but local users can connect, so the server binds to
   * and accepts from loopback addresses only when this method is configured.
   */
  TRUST
}
