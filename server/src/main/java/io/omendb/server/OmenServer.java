package io.omendb.server;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.Database;
import io.omendb.avatica.AuthMethod;
import io.omendb.avatica.AvaticaServer;
import io.omendb.avatica.AvaticaServerConfig;
import io.omendb.avatica.Serialization;
import io.omendb.pg.server.PgServer;
import io.omendb.pg.server.PgServerConfig;
import io.omendb.pg.server.SecurityConfig;
import io.omendb.pg.tls.TlsContext;
import java.io.IOException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Map;

/**
 * The composition root: opens the database and starts the PostgreSQL and Avatica endpoints over it. Closing it
 * stops the endpoints (which ends their sessions) and then closes the database.
 */
public final class OmenServer implements AutoCloseable {
  private final ServerConfig config;
  private final Map<String, String> environment;
  private Database database;
  private PgServer pgServer;
  private AvaticaServer avaticaServer;

  public OmenServer(ServerConfig config) {
    this(config, System.getenv());
  }

  /** A server that reads {@code OMENDB_ADMIN_PASSWORD} from {@code environment} rather than the process's. */
  OmenServer(ServerConfig config, Map<String, String> environment) {
    this.config = requireNonNull(config, "config");
    this.environment = Map.copyOf(requireNonNull(environment, "environment"));
  }

  /** Opens the database and starts listening; on failure everything started so far is closed again. */
  public synchronized void start() throws IOException, SQLException {
    try {
      database = Database.open(config.engineOptions());
      new AdminBootstrap(new SecureRandom()).bootstrap(database, config.admin(), environment);
      // Passwords are checked against the roles the database keeps.
      SecurityConfig security = config.security().build(config.dataDir(), database);
      pgServer = new PgServer(database, PgServerConfig.loopback(config.pgPort()).withBindAddress(config.listen())
          .withSecurity(security).withAuthTimeout(config.security().authTimeout()));
      pgServer.start();
      if (config.avaticaPort() >= 0) {
        avaticaServer = new AvaticaServer(database,
            AvaticaServerConfig.loopback(config.avaticaPort()).withBindAddress(config.listen())
                .withSerialization(Serialization.PROTOBUF).withAuthMethod(AuthMethod.BASIC)
                // HTTPS from the same PEM files as the PostgreSQL port.
                .withTls(security.tls().map(TlsContext::sslContext)));
        avaticaServer.start();
      }
    } catch (IOException | SQLException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Reads the TLS certificate and key again for new PostgreSQL connections (on SIGHUP; changed files are also
   * picked up by themselves at the next TLS handshake).
   */
  public synchronized void reloadTls() throws IOException {
    if (pgServer != null) {
      pgServer.reloadTls();
    }
  }

  public synchronized int pgPort() {
    return pgServer.port();
  }

  /** The Avatica port, or -1 when the endpoint is disabled. */
  public synchronized int avaticaPort() {
    return avaticaServer == null ? -1 : avaticaServer.port();
  }

  public synchronized Database database() {
    return database;
  }

  @Override
  public synchronized void close() {
    // Endpoints first, so no new sessions arrive; they close their sessions; then the database.
    if (avaticaServer != null) {
      avaticaServer.close();
      avaticaServer = null;
    }
    if (pgServer != null) {
      pgServer.close();
      pgServer = null;
    }
    if (database != null) {
      database.close();
      database = null;
    }
  }
}
