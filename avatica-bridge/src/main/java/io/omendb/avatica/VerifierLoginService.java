package io.omendb.avatica;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.LoginRole;
import io.omendb.adapter.LoginThrottle;
import io.omendb.adapter.RoleDirectory;
import io.omendb.engine.users.ScramVerifier;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.Principal;
import java.time.Clock;
import java.util.Optional;
import javax.security.auth.Subject;
import javax.servlet.ServletRequest;
import org.eclipse.jetty.security.DefaultIdentityService;
import org.eclipse.jetty.security.IdentityService;
import org.eclipse.jetty.security.LoginService;
import org.eclipse.jetty.server.UserIdentity;

/**
 * Jetty's view of OmenDB's users for HTTP authentication: checks a BASIC password against the role's stored
 * SCRAM-SHA-256 verifier ({@link ScramVerifier#matches}), and refuses roles without LOGIN, without a password or
 * past VALID UNTIL. Unknown users cost the same verifier computation as known ones, so timing does not tell them
 * apart. A failure is answered only after the {@link LoginThrottle}'s delay for the client address, which doubles
 * with each consecutive failure; a success resets it.
 */
final class VerifierLoginService implements LoginService {
  /** The one Jetty role every authenticated OmenDB user has; the security constraint requires it. */
  static final String AUTHENTICATED = "omendb-user";
  private static final System.Logger LOG = System.getLogger(VerifierLoginService.class.getName());

  private final RoleDirectory roles;
  private final Clock clock;
  private final LoginThrottle throttle;
  private final ScramVerifier decoy;
  private IdentityService identityService = new DefaultIdentityService();

  VerifierLoginService(RoleDirectory roles, Clock clock, LoginThrottle throttle) {
    this.roles = requireNonNull(roles, "roles");
    this.clock = requireNonNull(clock, "clock");
    this.throttle = requireNonNull(throttle, "throttle");
    this.decoy = ScramVerifier.create("decoy", new java.security.SecureRandom());
  }

  @Override
  public String getName() {
    return AvaticaServer.REALM;
  }

  @Override
  public UserIdentity login(String username, Object credentials, ServletRequest request) {
    if (username == null || !(credentials instanceof String password)) {
      return null;
    }
    Optional<LoginRole> role = roles.find(username);
    ScramVerifier verifier = role.flatMap(LoginRole::verifier).orElse(decoy);
    boolean matches = verifier.matches(password);
    if (role.isEmpty() || role.get().verifier().isEmpty() || !matches || !role.get().canLogin()
        || role.get().expiredAt(clock.instant())) {
      LOG.log(System.Logger.Level.INFO, "Avatica authentication failed for user \"{0}\" from {1}", username,
          request == null ? "?" : request.getRemoteAddr());
      client(request).ifPresent(this::delayFailure);
      return null;
    }
    client(request).ifPresent(throttle::succeeded);
    Principal principal = new UserPrincipal(username);
    Subject subject = new Subject();
    subject.getPrincipals().add(principal);
    subject.setReadOnly();
    return identityService.newUserIdentity(subject, principal, new String[] {AUTHENTICATED});
  }

  /** The client's address; a literal IP, so no name is looked up. */
  private static Optional<InetAddress> client(ServletRequest request) {
    if (request == null || request.getRemoteAddr() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(request.getRemoteAddr()));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** Holds the failed request for the throttle's delay before Jetty answers it 401. */
  private void delayFailure(InetAddress client) {
    try {
      Thread.sleep(throttle.failed(client).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean validate(UserIdentity user) {
    return roles.find(user.getUserPrincipal().getName()).map(LoginRole::canLogin).orElse(false);
  }

  @Override
  public IdentityService getIdentityService() {
    return identityService;
  }

  @Override
  public void setIdentityService(IdentityService service) {
    this.identityService = requireNonNull(service, "service");
  }

  @Override
  public void logout(UserIdentity user) {
    // nothing is held per user
  }

  /** An authenticated OmenDB user. */
  private record UserPrincipal(String name) implements Principal {
    UserPrincipal {
      requireNonNull(name, "name");
    }

    @Override
    public String getName() {
      return name;
    }
  }
}
