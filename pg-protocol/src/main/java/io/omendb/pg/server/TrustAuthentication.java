package io.omendb.pg.server;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;

/**
 * Trust authentication, restricted to loopback: anyone who can connect may log in as any user, which is only
 * acceptable when only local processes can connect. Both ends are checked: the server must bind to a loopback
 * address, and each client must come from one.
 */
final class TrustAuthentication {
  private TrustAuthentication() {}

  /**
   * Fails unless {@code bindAddress} is a loopback address.
   *
   * @throws IllegalStateException naming the address and what to do instead
   */
  static void checkBindAddress(InetAddress bindAddress) {
    requireNonNull(bindAddress, "bindAddress");
    if (!bindAddress.isLoopbackAddress()) {
      throw new IllegalStateException("refusing to listen on " + bindAddress.getHostAddress()
          + " with trust authentication: trust lets anyone log in as any user without a password, so it is only"
          + " allowed on a loopback address (127.0.0.1 or ::1); give rules with scram-sha-256 instead (--hba-file)");
    }
  }

  /**
   * Fails unless the client connected from a loopback address.
   *
   * @throws PgException FATAL 28000 otherwise
   */
  static void checkClient(InetAddress remoteAddress, String user) throws PgException {
    if (remoteAddress == null || !remoteAddress.isLoopbackAddress()) {
      String host = remoteAddress == null ? "unknown" : remoteAddress.getHostAddress();
      throw PgException.fatal(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
          "trust authentication refused for user \"" + user + "\" from host \"" + host
              + "\": trust is only allowed from loopback addresses");
    }
  }
}
