package io.omendb.avatica;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How an {@link AvaticaServer} listens and what it allows.
 *
 * @param bindAddress the address to listen on; must be a loopback address while {@code authMethod} is TRUST, or
 *     while {@code tls} is empty
 * @param port the TCP port, or 0 for an ephemeral port (see {@link AvaticaServer#port()})
 * @param serialization the wire format, JSON or protobuf
 * @param authMethod how clients authenticate; the seam where the security issue plugs in checking OmenDB users
 * @param tls when present, the endpoint serves HTTPS only, with this context's certificate; when empty, plain HTTP
 */
public record AvaticaServerConfig(InetAddress bindAddress, int port, Serialization serialization,
    AuthMethod authMethod, Optional<SSLContext> tls) {

  /** Avatica's customary port (the one its standalone server and docs use). */
  public static final int DEFAULT_PORT = 8765;

  public AvaticaServerConfig {
    requireNonNull(bindAddress, "bindAddress");
    requireNonNull(serialization, "serialization");
    requireNonNull(authMethod, "authMethod");
    requireNonNull(tls, "tls");
    if (port < 0 || port > 0xFFFF) {
      throw new IllegalArgumentException("port must be in [0, 65535]: " + port);
    }
  }

  /** A plain-HTTP endpoint (no TLS). */
  public AvaticaServerConfig(InetAddress bindAddress, int port, Serialization serialization, AuthMethod authMethod) {
    this(bindAddress, port, serialization, authMethod, Optional.empty());
  }

  /** Trust authentication on the loopback address and the given port, with JSON serialization. */
  public static AvaticaServerConfig loopback(int port) {
    return new AvaticaServerConfig(InetAddress.getLoopbackAddress(), port, Serialization.JSON, AuthMethod.TRUST,
        Optional.empty());
  }

  public AvaticaServerConfig withBindAddress(InetAddress bindAddress) {
    return new AvaticaServerConfig(bindAddress, port, serialization, authMethod, tls);
  }

  public AvaticaServerConfig withPort(int port) {
    return new AvaticaServerConfig(bindAddress, port, serialization, authMethod, tls);
  }

  public AvaticaServerConfig withSerialization(Serialization serialization) {
    return new AvaticaServerConfig(bindAddress, port, serialization, authMethod, tls);
  }

  public AvaticaServerConfig withAuthMethod(AuthMethod authMethod) {
    return new AvaticaServerConfig(bindAddress, port, serialization, authMethod, tls);
  }

  public AvaticaServerConfig withTls(Optional<SSLContext> tls) {
    return new AvaticaServerConfig(bindAddress, port, serialization, authMethod, tls);
  }
}
