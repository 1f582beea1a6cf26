package io.omendb.avatica;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.Database;
import io.omendb.adapter.LoginThrottle;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.server.HttpServer;
import org.apache.calcite.avatica.server.ServerCustomizer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The Avatica endpoint of one open {@link Database}: Avatica's Jetty-based {@link HttpServer} in front of its
 * {@code JdbcMeta} over the embedded driver, so each thin-driver connection is one session of the database.
 *
 * <p>Threading is Jetty's: a pool of request threads, any of which may serve the next request of a connection. The
 * thin driver sends one request at a time per connection, so a session is never used by two threads at once.
 *
 * <p>With {@link AuthMethod#BASIC} every request must carry the password of an OmenDB user (checked against the
 * database's stored verifiers) and each connection runs as the user who opened it; with {@link AuthMethod#TRUST} the
 * client's {@code user} property is believed. With TLS configured the port serves HTTPS only; without it, or with
 * TRUST, the server binds loopback addresses only; see the package documentation.
 */
public final class AvaticaServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(AvaticaServer.class.getName());
  /** The HTTP authentication realm. */
  static final String REALM = "OmenDB";
  /** TLS versions served when TLS is on (the same as the PostgreSQL endpoint's). */
  private static final List<String> TLS_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private final Database database;
  private final AvaticaServerConfig config;
  private final LoginThrottle throttle;
  private OmenJdbcMeta meta; // guarded by this
  private HttpServer http; // guarded by this
  private BasicAuthentication authentication; // guarded by this; null unless BASIC
  private boolean closed; // guarded by this

  public AvaticaServer(Database database, AvaticaServerConfig config) {
    this(database, config, LoginThrottle.defaults());
  }

  /** A server whose failed BASIC logins are slowed by {@code throttle} (the PostgreSQL endpoint's policy). */
  public AvaticaServer(Database database, AvaticaServerConfig config, LoginThrottle throttle) {
    this.database = requireNonNull(database, "database");
    this.config = requireNonNull(config, "config");
    this.throttle = requireNonNull(throttle, "throttle");
  }

  /**
   * Binds the port and starts serving.
   *
   * @throws IllegalStateException if already started or closed, or if the address is not loopback while trust
   *     authentication is configured or TLS is not
   * @throws IOException if the address cannot be bound
   */
  public synchronized void start() throws IOException {
    if (closed || http != null) {
      throw new IllegalStateException(closed ? "server is closed" : "server already started");
    }
    if (config.authMethod() == AuthMethod.TRUST && !config.bindAddress().isLoopbackAddress()) {
      throw new IllegalStateException("the Avatica endpoint is unauthenticated (auth method TRUST) and may only"
          + " listen on a loopback address, not " + config.bindAddress().getHostAddress());
    }
    if (config.tls().isEmpty() && !config.bindAddress().isLoopbackAddress()) {
      throw new IllegalStateException("the Avatica endpoint has no TLS configured, so HTTP BASIC passwords would"
          + " cross the network in clear text; it may only listen on a loopback address, not "
          + config.bindAddress().getHostAddress());
    }
    OmenJdbcMeta newMeta;
    try {
      newMeta = new OmenJdbcMeta(database.jdbcUrl());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the Avatica meta over " + database.jdbcUrl(), e);
    }
    String host = config.bindAddress().getHostAddress();
    Service service = new LocalService(newMeta);
    HttpServer.Builder<Server> builder = new HttpServer.Builder<Server>().withPort(config.port());
    BasicAuthentication newAuthentication = null;
    if (config.authMethod() == AuthMethod.BASIC) {
      RequestUser requestUser = new RequestUser();
      BasicAuthentication basic = new BasicAuthentication(database, requestUser, throttle);
      Service bound = new ErrorTranslatingService(new UserBoundService(service, requestUser));
      builder.withCustomAuthentication(basic).withServerCustomizers(List.of(
          server -> basic.install(server, bound, config.serialization(), host, config.port()),
          server -> harden(server, host, config.tls())), Server.class);
      newAuthentication = basic;
    } else {
      List<ServerCustomizer<Server>> customizers = List.of(server -> harden(server, host, config.tls()));
      builder.withHandler(new ErrorTranslatingService(service), config.serialization().avatica())
          .withServerCustomizers(customizers, Server.class);
    }
    HttpServer newHttp = builder.build();
    try {
      newHttp.start();
    } catch (RuntimeException e) {
      // HttpServer wraps Jetty's start failure (an IOException for a taken port) in a RuntimeException, and
      // leaves the half-started Jetty (its thread pool running) for stop() to end.
      try {
        newHttp.stop();
      } catch (RuntimeException stopFailure) {
        e.addSuppressed(stopFailure);
      }
      newMeta.closeAll();
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
    meta = newMeta;
    http = newHttp;
    authentication = newAuthentication;
    LOG.log(Level.INFO, "Avatica server ({0}) listening on {1}", config.serialization().urlValue(), url());
  }

  /**
   * Binds the connector to the configured address (Avatica's builder always binds the wildcard address), puts TLS
   * in front of HTTP when configured (so the port speaks HTTPS only), and stops Jetty from advertising its version
   * or printing stack traces into error pages.
   */
  private static void harden(Server server, String host, Optional<SSLContext> tls) {
    for (Connector connector : server.getConnectors()) {
      HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
      if (connector instanceof ServerConnector serverConnector) {
        serverConnector.setHost(host);
        if (tls.isPresent() && http != null) {
          SslContextFactory.Server ssl = new SslContextFactory.Server();
          ssl.setSslContext(tls.get());
          ssl.setIncludeProtocols(TLS_PROTOCOLS.toArray(String[]::new));
          SslConnectionFactory sslFactory = new SslConnectionFactory(ssl, http.getProtocol());
          serverConnector.addFirstConnectionFactory(sslFactory);
          serverConnector.setDefaultProtocol(sslFactory.getProtocol());
        }
      }
      if (http != null) {
        http.getHttpConfiguration().setSendServerVersion(false);
      }
    }
    ErrorHandler errors = new ErrorHandler();
    errors.setShowStacks(false);
    errors.setShowServlet(false);
    server.setErrorHandler(errors);
  }

  /** The port the server listens on; the ephemeral port chosen when configured with port 0. */
  public synchronized int port() {
    if (http == null) {
      throw new IllegalStateException("server not started");
    }
    return authentication != null ? authentication.localPort() : http.getPort();
  }

  /**
   * The thin-driver URL that reaches this server, for example
   * {@code jdbc:avatica:remote:url=http://127.0.0.1:8765;serialization=json} ({@code https} when TLS is on).
   */
  public synchronized String url() {
    InetAddress address = config.bindAddress();
    String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    String scheme = config.tls().isPresent() ? "https" : "http";
    return "jdbc:avatica:remote:url=" + scheme + "://" + host + ":" + port() + ";serialization="
        + config.serialization().urlValue();
  }

  /** Stops serving and closes every connection the server opened (and so their sessions). Idempotent. */
  @Override
  public void close() {
    HttpServer stopping;
    OmenJdbcMeta closing;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      stopping = http;
      closing = meta;
      http = null;
      meta = null;
    }
    if (stopping != null) {
      stopping.stop();
    }
    if (closing != null) {
      closing.closeAll();
    }
  }
}
