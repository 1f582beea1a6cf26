package io.omendb.avatica;

/**
 * How clients of the Avatica endpoint prove who they are.
 */
public enum AuthMethod {
  /** No authentication: the client's {@code user} property is believed. Allowed on loopback addresses only. */
  TRUST,
  /**
   * HTTP BASIC checked against OmenDB's users (their stored SCRAM-SHA-256 verifiers); each connection runs as the
   * user who opened it. Over plain HTTP the password crosses the wire in clear text, so until the endpoint serves
   * TLS it is allowed on loopback addresses only, like TRUST.
   */
  BASIC
}
