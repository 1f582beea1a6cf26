package io.omendb.adapter;

import io.omendb.engine.users.Role;
import io.omendb.engine.users.RoleStore;
import java.sql.SQLException;
import java.util.Optional;

/** The login view of the persisted roles: {@link LoginRole}s for authentication, and the check a new session passes. */
final class Logins {
  private Logins() {}

  /** The role as authentication sees it. */
  static Optional<LoginRole> find(RoleStore roles, String name) {
    return roles.role(name).map(Logins::toLoginRole);
  }

  static LoginRole toLoginRole(Role role) {
    return new LoginRole(role.name(), role.verifier(), role.login(), role.superuser(), role.connectionLimit(),
        role.validUntil());
  }

  /**
   * Refuses a session for a role that exists but may not log in (NOLOGIN), with PostgreSQL's 28000. Whether an
   * unknown user name may open a session is the front end's authentication's call: SCRAM finds no verifier for it.
   */
  static void check(RoleStore roles, String user) throws SQLException {
    Optional<Role> role = roles.role(user);
    if (role.isPresent() && !role.get().login()) {
      throw new SQLException("role \"" + user + "\" is not permitted to log in", "28000");
    }
  }
}
