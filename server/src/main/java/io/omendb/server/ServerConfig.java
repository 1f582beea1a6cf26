package io.omendb.server;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * The server's settings, from the command line.
 *
 * @param dataDir the database directory
 * @param listen the address both endpoints listen on
 * @param pgPort the PostgreSQL wire protocol port (0 = any free port)
 * @param avaticaPort the Avatica HTTP port (0 = any free port, -1 = disabled)
 * @param security TLS and client authentication of the PostgreSQL endpoint
 * @param admin how the first start creates the superuser
 */
public record ServerConfig(Path dataDir, InetAddress listen, int pgPort, int avaticaPort, SecurityOptions security,
    AdminConfig admin) {
  /** Default PostgreSQL-protocol port; one above PostgreSQL's own so both can run on one machine. */
  public static final int DEFAULT_PG_PORT = 5433;
  /** Default Avatica port, the one Avatica's own tools assume. */
  public static final int DEFAULT_AVATICA_PORT = 8765;
  /** Default data directory, relative to the working directory. */
  public static final Path DEFAULT_DATA_DIR = Path.of("data");

  public ServerConfig {
    requireNonNull(dataDir, "dataDir");
    requireNonNull(listen, "listen");
    requireNonNull(admin, "admin");
    checkPort("--pg-port", pgPort, false);
    checkPort("--avatica-port", avaticaPort, true);
    requireNonNull(security, "security");
  }

  /** Settings with the default security options (no TLS, trust from loopback only) and superuser bootstrap. */
  public ServerConfig(Path dataDir, InetAddress listen, int pgPort, int avaticaPort) {
    this(dataDir, listen, pgPort, avaticaPort, SecurityOptions.defaults(), AdminConfig.defaults());
  }

  public static ServerConfig defaults() {
    return new ServerConfig(DEFAULT_DATA_DIR, InetAddress.getLoopbackAddress(), DEFAULT_PG_PORT,
        DEFAULT_AVATICA_PORT);
  }

  public ServerConfig withAdmin(AdminConfig admin) {
    return new ServerConfig(dataDir, listen, pgPort, avaticaPort, security, admin);
  }

  public ServerConfig withDataDir(Path dataDir) {
    return new ServerConfig(dataDir, listen, pgPort, avaticaPort, security, admin);
  }

  public ServerConfig withListen(InetAddress listen) {
    return new ServerConfig(dataDir, listen, pgPort, avaticaPort, security, admin);
  }

  public ServerConfig withPgPort(int pgPort) {
    return new ServerConfig(dataDir, listen, pgPort, avaticaPort, security, admin);
  }

  public ServerConfig withAvaticaPort(int avaticaPort) {
    return new ServerConfig(dataDir, listen, pgPort, avaticaPort, security, admin);
  }

  public ServerConfig withSecurity(SecurityOptions security) {
    return new ServerConfig(dataDir, listen, pgPort, avaticaPort, security, admin);
  }

  /** Parses a listen address; host names are resolved. */
  static InetAddress parseAddress(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--listen: unknown host " + text);
    }
  }

  private static void checkPort(String flag, int port, boolean mayDisable) {
    if ((port < 0 && !(mayDisable && port == -1)) || port > 0xFFFF) {
      throw new IllegalArgumentException(flag + " must be in [0, 65535]" + (mayDisable ? " or -1" : "") + ": "
          + port);
    }
  }
}
