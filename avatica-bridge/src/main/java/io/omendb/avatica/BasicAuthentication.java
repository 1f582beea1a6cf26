package io.omendb.avatica;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.LoginThrottle;
import io.omendb.adapter.RoleDirectory;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.AuthenticationType;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.server.AvaticaHandler;
import org.apache.calcite.avatica.server.AvaticaJsonHandler;
import org.apache.calcite.avatica.server.AvaticaProtobufHandler;
import org.apache.calcite.avatica.server.AvaticaServerConfiguration;
import org.apache.calcite.avatica.server.RemoteUserExtractor;
import org.eclipse.jetty.security.ConstraintMapping;
import org.eclipse.jetty.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.security.Constraint;

/**
 * HTTP BASIC authentication of the Avatica endpoint against OmenDB's users, as Apache Phoenix Query Server does it:
 * Avatica is told the authentication is custom and that it should run each request "as" its remote user
 * ({@link #doAsRemoteUser}, which records the user for {@link UserBoundService}). With custom authentication
 * Avatica's builder sets up neither connector nor handler: {@link #install}, a server customizer, adds the
 * connector and Avatica's handler behind a Jetty {@link ConstraintSecurityHandler} with {@link VerifierLoginService},
 * so an unauthenticated request never reaches Avatica (401 with a {@code WWW-Authenticate} challenge). Failed
 * logins are slowed per client address by the same {@link LoginThrottle} policy as the PostgreSQL endpoint's.
 */
final class BasicAuthentication implements AvaticaServerConfiguration {
  private final RoleDirectory roles;
  private final RequestUser user;
  private final LoginThrottle throttle;
  private ServerConnector connector;

  BasicAuthentication(RoleDirectory roles, RequestUser user, LoginThrottle throttle) {
    this.roles = requireNonNull(roles, "roles");
    this.user = requireNonNull(user, "user");
    this.throttle = requireNonNull(throttle, "throttle");
  }

  /**
   * Adds the connector on {@code host}:{@code port} and Avatica's handler for {@code service} behind the security
   * handler; run as a server customizer, before the server starts.
   */
  void install(Server server, Service service, Serialization serialization, String host, int port) {
    connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    AvaticaHandler avatica = serialization == Serialization.JSON
        ? new AvaticaJsonHandler(service, NoopMetricsSystem.getInstance(), this)
        : new AvaticaProtobufHandler(service, NoopMetricsSystem.getInstance(), this);
    Constraint constraint = new Constraint(Constraint.__BASIC_AUTH, VerifierLoginService.AUTHENTICATED);
    constraint.setAuthenticate(true);
    ConstraintMapping mapping = new ConstraintMapping();
    mapping.setConstraint(constraint);
    mapping.setPathSpec("/*");
    ConstraintSecurityHandler security = new ConstraintSecurityHandler();
    security.setAuthenticator(new BasicAuthenticator());
    security.setLoginService(new VerifierLoginService(roles, Clock.systemUTC(), throttle));
    security.setRealmName(AvaticaServer.REALM);
    security.setConstraintMappings(List.of(mapping));
    security.setHandler(avatica);
    server.setHandler(security);
  }

  /** The port the connector listens on, once the server has started. */
  int localPort() {
    if (connector == null) {
      throw new IllegalStateException("server not started");
    }
    return connector.getLocalPort();
  }

  @Override
  public AuthenticationType getAuthenticationType() {
    return AuthenticationType.CUSTOM;
  }

  @Override
  public String getKerberosRealm() {
    return null;
  }

  @Override
  public String getKerberosServiceName() {
    return null;
  }

  @Override
  public String getKerberosHostName() {
    return null;
  }

  @Override
  public String getKerberosPrincipal() {
    return null;
  }

  @Override
  public String[] getAllowedRoles() {
    return new String[] {VerifierLoginService.AUTHENTICATED};
  }

  @Override
  public String getHashLoginServiceRealm() {
    return null;
  }

  @Override
  public String getHashLoginServiceProperties() {
    return null;
  }

  @Override
  public boolean supportsImpersonation() {
    return true;
  }

  @Override
  public <T> T doAsRemoteUser(String remoteUser, String remoteAddress, Callable<T> action) throws Exception {
    if (remoteUser == null) {
      throw new IllegalStateException("request reached Avatica without an authenticated user");
    }
    return user.callAs(remoteUser, action);
  }

  @Override
  public RemoteUserExtractor getRemoteUserExtractor() {
    return request -> request.getRemoteUser();
  }
}
