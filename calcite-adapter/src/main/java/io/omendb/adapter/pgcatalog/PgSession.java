package io.omendb.adapter.pgcatalog;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.SessionFactory;
import io.omendb.engine.Engine;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * What the catalog emulation knows of the session it serves: the engine, the session user, and its settings
 * (a parameter name to its value, null when unset), which {@code set_config} changes through {@code setter}.
 */
public record PgSession(Engine engine, String user, UnaryOperator<String> settings,
    BiConsumer<String, String> setter) {
  /** The PostgreSQL release whose behaviour, catalog and client queries we follow. */
  static final String SERVER_VERSION = "15.0";
  /** The database name reported when the client named none. */
  static final String DEFAULT_DATABASE = "omendb";

  public PgSession {
    requireNonNull(engine, "engine");
    requireNonNull(user, "user");
    requireNonNull(settings, "settings");
    requireNonNull(setter, "setter");
  }

  /** The process id the server front end gave this session's connection, or null if it gave none. */
  Integer backendPid() {
    String pid = settings.apply(SessionFactory.BACKEND_PID);
    return pid == null ? null : Integer.valueOf(pid);
  }

  /** The schemas of the session's search path that exist, in order (current_schemas(false)). */
  java.util.List<String> searchPath() {
    return io.omendb.adapter.SearchPath.effective(settings.apply(io.omendb.adapter.SearchPath.SETTING), user,
        engine.catalog().schemas());
  }

  /** The database the client connected to. */
  String database() {
    String database = settings.apply("database");
    return database == null || database.isEmpty() ? DEFAULT_DATABASE : database;
  }
}
