package io.omendb.pg.server;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.LoginRole;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The open sessions of each role on one server, and the CONNECTION LIMIT check a new one passes: as in PostgreSQL,
 * a login beyond the role's limit is refused with 53300, and superusers are exempt. Thread-safe.
 */
final class RoleConnectionLimits {
  private final Map<String, Integer> open = new HashMap<>(); // guarded by this

  /**
   * Counts a new session of {@code user}; the caller must {@link #release} it when the session ends.
   *
   * @param role the role as stored now, if it exists
   * @throws PgException FATAL 53300 if the role already has as many sessions as its limit allows
   */
  synchronized void acquire(String user, Optional<LoginRole> role) throws PgException {
    requireNonNull(user, "user");
    requireNonNull(role, "role");
    int current = open.getOrDefault(user, 0);
    if (role.isPresent() && !role.get().superuser() && role.get().connectionLimit() >= 0
        && current >= role.get().connectionLimit()) {
      throw PgException.fatal(SqlState.TOO_MANY_CONNECTIONS, "too many connections for role \"" + user + "\"");
    }
    open.put(user, current + 1);
  }

  /** Uncounts a session {@link #acquire} counted. */
  synchronized void release(String user) {
    open.computeIfPresent(user, (name, count) -> count > 1 ? count - 1 : null);
  }

  /** How many sessions of {@code user} are counted now. */
  synchronized int open(String user) {
    return open.getOrDefault(user, 0);
  }
}
