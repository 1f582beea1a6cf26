package io.omendb.adapter;

import java.sql.SQLException;
import java.util.Map;

/** Opens sessions; what a front end (pgwire, Avatica, the embedded driver) is given to reach the database. */
@FunctionalInterface
public interface SessionFactory {

  /**
   * The startup setting through which a server front end tells the session its backend process id (the one it sent
   * the client in BackendKeyData), for {@code pg_backend_pid()}; not a parameter clients can see or change.
   */
  String BACKEND_PID = "omendb.backend_pid";

  /**
   * Opens a session for an already-authenticated user.
   *
   * @param user the user name
   * @param settings initial run-time settings (e.g. from the startup message), applied as by {@code SET}
   * @throws SQLException with SQLSTATE 3D000 if the database does not exist, 28000 if the user may not log in
   */
  Session openSession(String user, Map<String, String> settings) throws SQLException;
}
