package io.omendb.pg.server;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.LoginRole;
import io.omendb.engine.users.ScramVerifier;
import io.omendb.pg.auth.HbaRule;
import io.omendb.pg.auth.ScramException;
import io.omendb.pg.auth.ScramExchange;
import io.omendb.pg.codec.AuthenticationDecoder;
import io.omendb.pg.codec.BackendWriter;
import io.omendb.pg.codec.Frame;
import io.omendb.pg.codec.FrameReader;
import io.omendb.pg.message.AuthenticationCleartextPassword;
import io.omendb.pg.message.AuthenticationSASL;
import io.omendb.pg.message.AuthenticationSASLContinue;
import io.omendb.pg.message.AuthenticationSASLFinal;
import io.omendb.pg.message.SASLInitialResponse;
import java.io.EOFException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Authenticates one connection after its StartupMessage: enforces {@code --tls-required}, picks the first matching
 * hba rule and runs its method (trust, SCRAM-SHA-256[-PLUS], clear-text password over TLS, reject), talking to the
 * client through the connection's reader and writer. Failures are logged without secrets, slowed by the
 * {@link io.omendb.adapter.LoginThrottle}, and reported with PostgreSQL's messages: one message for a wrong password
 * and an unknown user alike.
 */
final class ClientAuthenticator {
  private static final System.Logger LOG = System.getLogger(ClientAuthenticator.class.getName());

  /** PostgreSQL's PG_MAX_AUTH_TOKEN_LENGTH: authentication messages are small. */
  static final int MAX_AUTH_MESSAGE_LENGTH = 65_535;

  private final SecurityConfig security;
  private final SecureRandom random;
  private final Clock clock;

  ClientAuthenticator(SecurityConfig security, SecureRandom random, Clock clock) {
    this.security = requireNonNull(security, "security");
    this.random = requireNonNull(random, "random");
    this.clock = requireNonNull(clock, "clock");
  }

  /**
   * What is known about the connection when it authenticates.
   *
   * @param client the client's address
   * @param serverCertificate the certificate presented in the TLS handshake, or empty in plain text
   * @param tlsProtocol the negotiated TLS version for the log, or empty in plain text
   */
  record Channel(InetAddress client, Optional<X509Certificate> serverCertificate, Optional<String> tlsProtocol) {
    boolean tls() {
      return serverCertificate.isPresent();
    }
  }

  /**
   * Authenticates {@code user}; returns normally if the connection may proceed (the caller then sends
   * AuthenticationOk), throws otherwise.
   *
   * @throws PgException FATAL 28000 (no rule, rejected, TLS required, may not log in), 28P01 (bad password or unknown
   *     user), 08P01 (broken SASL messages)
   * @throws EOFException if the client hangs up in the middle, as psql does to prompt for a password
   */
  void authenticate(Channel channel, String user, String database, FrameReader in, BackendWriter out)
      throws IOException, PgException {
    if (security.tlsRequired() && !channel.tls()) {
      LOG.log(Level.INFO, "refused plain-text connection from {0} for user \"{1}\": TLS is required",
          host(channel), user);
      throw PgException.fatal(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
          "this server requires TLS (SSL) encryption: connect with sslmode=require or stronger");
    }
    HbaRule rule = security.hba().match(channel.tls(), channel.client(), database, user)
        .orElseThrow(() -> refusal("no pg_hba.conf entry", channel, user, database));
    switch (rule.method()) {
      case TRUST:
        TrustAuthentication.checkClient(channel.client(), user);
        break;
      case REJECT:
        throw refusal("pg_hba.conf rejects connection", channel, user, database);
      case SCRAM_SHA_256:
        scram(channel, user, in, out);
        checkMayLogIn(user);
        break;
      case PASSWORD:
        password(channel, user, in, out);
        checkMayLogIn(user);
        break;
      default:
        throw new AssertionError(rule.method());
    }
    security.throttle().succeeded(channel.client());
    LOG.log(Level.DEBUG, "connection authorized: user={0} database={1} method={2} tls={3}", user, database,
        rule.method().keyword(), channel.tlsProtocol().orElse("off"));
  }

  private void scram(Channel channel, String user, FrameReader in, BackendWriter out) throws IOException, PgException {
    Optional<LoginRole> role = security.roles().find(user);
    String whyNot = whyNoPassword(role, user);
    Optional<ScramVerifier> verifier = whyNot == null ? role.get().verifier() : Optional.empty();
    ScramExchange exchange = ScramExchange.begin(user, verifier, whyNot == null ? "" : whyNot,
        channel.serverCertificate().map(io.omendb.pg.tls.ChannelBinding::tlsServerEndPoint),
        security.mockSecret(), random);
    out.send(new AuthenticationSASL(exchange.mechanisms())).flush();
    try {
      SASLInitialResponse first = AuthenticationDecoder.saslInitialResponse(read(in));
      ScramExchange.Challenge challenge = exchange.receiveClientFirst(first.mechanism(), first.data());
      out.send(new AuthenticationSASLContinue(challenge.serverFirstMessage())).flush();
      byte[] serverFinal = challenge.receiveClientFinal(AuthenticationDecoder.saslResponse(read(in)).data());
      out.send(new AuthenticationSASLFinal(serverFinal));
    } catch (ScramException e) {
      if (e.reason() == ScramException.Reason.PROTOCOL) {
        LOG.log(Level.INFO, "SCRAM exchange with {0} for user \"{1}\" failed: {2}", host(channel), user,
            e.getMessage());
        throw PgException.fatal(SqlState.PROTOCOL_VIOLATION, e.getMessage());
      }
      throw passwordFailed(channel, user, e.getMessage());
    }
  }

  private void password(Channel channel, String user, FrameReader in, BackendWriter out)
      throws IOException, PgException {
    if (!channel.tls()) {
      // HbaRule allows the password method in hostssl rules only; this guards that invariant.
      throw new IllegalStateException("clear-text password requested without TLS");
    }
    out.send(new AuthenticationCleartextPassword()).flush();
    String password = AuthenticationDecoder.passwordMessage(read(in)).password();
    Optional<LoginRole> role = security.roles().find(user);
    String whyNot = whyNoPassword(role, user);
    if (whyNot != null) {
      throw passwordFailed(channel, user, whyNot);
    }
    if (!role.get().verifier().orElseThrow().matches(password)) {
      throw passwordFailed(channel, user, "password does not match");
    }
  }

  /** Why {@code role} cannot log in with a password now, for the log only; null if it can. */
  private String whyNoPassword(Optional<LoginRole> role, String user) {
    if (role.isEmpty()) {
      return "role \"" + user + "\" does not exist";
    }
    if (role.get().verifier().isEmpty()) {
      return "user \"" + user + "\" has no password assigned";
    }
    if (role.get().expiredAt(clock.instant())) {
      return "user \"" + user + "\" has an expired password";
    }
    return null;
  }

  private void checkMayLogIn(String user) throws PgException {
    Optional<LoginRole> role = security.roles().find(user);
    if (role.isEmpty() || !role.get().canLogin()) {
      throw PgException.fatal(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
          "role \"" + user + "\" is not permitted to log in");
    }
  }

  /** Logs the failure (never the password), waits as the throttle says, and returns PostgreSQL's 28P01. */
  private PgException passwordFailed(Channel channel, String user, String why) {
    Duration delay = security.throttle().failed(channel.client());
    LOG.log(Level.WARNING, "password authentication failed for user \"{0}\" from {1}: {2} (answering in {3} ms)",
        user, host(channel), why, delay.toMillis());
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return PgException.fatal(SqlState.INVALID_PASSWORD, "password authentication failed for user \"" + user + "\"");
  }

  private static PgException refusal(String what, Channel channel, String user, String database) {
    String message = what + " for host \"" + host(channel) + "\", user \"" + user + "\", database \"" + database
        + "\", " + (channel.tls() ? "SSL encryption" : "no encryption");
    LOG.log(Level.INFO, message);
    return PgException.fatal(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, message);
  }

  private static Frame read(FrameReader in) throws IOException {
    Frame frame = in.readFrame();
    if (frame == null) {
      throw new EOFException("client closed the connection during authentication");
    }
    return frame;
  }

  private static String host(Channel channel) {
    return channel.client() == null ? "unknown" : channel.client().getHostAddress();
  }
}
