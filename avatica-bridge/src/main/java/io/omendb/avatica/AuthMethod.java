package io.omendb.avatica;

/**
 * How clients of the Avatica endpoint prove who they are. Only {@link #TRUST} exists today; the security issue adds
 * a method that checks OmenDB users' passwords (HTTP Basic over TLS), at which point non-loopback binding becomes
 * possible.
 */
public enum AuthMethod {
  /** No authentication: the client's {@code user} property is believed. Allowed on loopback addresses only. */
  TRUST
}
