package io.omendb.pg.server;

import static java.util.Objects.requireNonNull;

import io.omendb.pg.codec.FrameReader;
import java.net.InetAddress;
import java.time.Duration;

/**
 * How a {@link PgServer} listens and what it allows.
 *
 * @param bindAddress the address to listen on; must be a loopback address while any hba rule uses trust
 * @param port the TCP port, or 0 for an ephemeral port (see {@link PgServer#port()})
 * @param maxConnections the most client connections served at once; more are refused with SQLSTATE 53300
 * @param authTimeout how long a client may take from connecting to finishing authentication
 * @param maxMessageLength the largest message accepted from a client, in bytes, at most
 *     {@link FrameReader#HARD_MAX_MESSAGE_LENGTH}
 * @param security TLS and client authentication: who may connect, and how
 */
public record PgServerConfig(
    InetAddress bindAddress, int port, int maxConnections, Duration authTimeout, int maxMessageLength,
    SecurityConfig security) {

  /** PostgreSQL's default port. */
  public static final int DEFAULT_PORT = 5432;

  /** PostgreSQL's default max_connections. */
  public static final int DEFAULT_MAX_CONNECTIONS = 100;

  /** PostgreSQL's default authentication_timeout. */
  public static final Duration DEFAULT_AUTH_TIMEOUT = Duration.ofMinutes(1);

  public PgServerConfig {
    requireNonNull(bindAddress, "bindAddress");
    requireNonNull(authTimeout, "authTimeout");
    requireNonNull(security, "security");
    if (port < 0 || port > 0xFFFF) {
      throw new IllegalArgumentException("port must be in [0, 65535]: " + port);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be positive: " + maxConnections);
    }
    if (authTimeout.isNegative() || authTimeout.isZero() || authTimeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("authTimeout must be positive and below 24 days: " + authTimeout);
    }
    if (maxMessageLength < FrameReader.MAX_STARTUP_PACKET_LENGTH
        || maxMessageLength > FrameReader.HARD_MAX_MESSAGE_LENGTH) {
      throw new IllegalArgumentException("maxMessageLength must be in [" + FrameReader.MAX_STARTUP_PACKET_LENGTH
          + ", " + FrameReader.HARD_MAX_MESSAGE_LENGTH + "]: " + maxMessageLength);
    }
  }

  /** Trust for loopback clients, on the loopback address and the given port, other settings at their defaults. */
  public static PgServerConfig loopback(int port) {
    return new PgServerConfig(InetAddress.getLoopbackAddress(), port, DEFAULT_MAX_CONNECTIONS, DEFAULT_AUTH_TIMEOUT,
        FrameReader.DEFAULT_MAX_MESSAGE_LENGTH, SecurityConfig.loopbackTrust());
  }

  public PgServerConfig withBindAddress(InetAddress bindAddress) {
    return new PgServerConfig(bindAddress, port, maxConnections, authTimeout, maxMessageLength, security);
  }

  public PgServerConfig withPort(int port) {
    return new PgServerConfig(bindAddress, port, maxConnections, authTimeout, maxMessageLength, security);
  }

  public PgServerConfig withMaxConnections(int maxConnections) {
    return new PgServerConfig(bindAddress, port, maxConnections, authTimeout, maxMessageLength, security);
  }

  public PgServerConfig withAuthTimeout(Duration authTimeout) {
    return new PgServerConfig(bindAddress, port, maxConnections, authTimeout, maxMessageLength, security);
  }

  public PgServerConfig withMaxMessageLength(int maxMessageLength) {
    return new PgServerConfig(bindAddress, port, maxConnections, authTimeout, maxMessageLength, security);
  }

  public PgServerConfig withSecurity(SecurityConfig security) {
    return new PgServerConfig(bindAddress, port, maxConnections, authTimeout, maxMessageLength, security);
  }
}
