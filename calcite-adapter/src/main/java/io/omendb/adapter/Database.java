package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.Engine;
import io.omendb.engine.EngineOptions;
import io.omendb.engine.storage.StorageException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An open OmenDB database: the engine over one data directory plus the SQL layer. Front ends get sessions from it;
 * closing it closes every session and then the engine.
 */
public final class Database implements SessionFactory, RoleDirectory, AutoCloseable {
  private final Engine engine;
  private final Path dataDir;
  private final org.apache.calcite.jdbc.Driver calciteDriver;
  private final Set<StoreSession> sessions = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private Database(Engine engine, Path dataDir) {
    this.engine = engine;
    this.dataDir = dataDir;
    this.calciteDriver = new org.apache.calcite.jdbc.Driver().withPrepareFactory(StorePrepare::new);
  }

  /** Opens (creating if absent) the database in {@code dataDir} with durable commits. */
  public static Database open(Path dataDir) throws SQLException {
    return open(EngineOptions.create(requireNonNull(dataDir, "dataDir")));
  }

  /**
   * Opens the database described by {@code options} and registers it so that {@code jdbc:omendb:<dir>} URLs in
   * this process reach it.
   *
   * @throws SQLException 58000 if the directory cannot be opened (for example, another process holds it)
   */
  public static Database open(EngineOptions options) throws SQLException {
    Path dir = options.dataDir().toAbsolutePath().normalize();
    return OpenDatabases.open(dir, () -> {
      try {
        return new Database(Engine.open(options.withDataDir(dir)), dir);
      } catch (StorageException e) {
        throw new SQLException(e.getMessage(), "58000", e);
      }
    });
  }

  /** The engine, for components below SQL (benchmarks, diagnostics). */
  public Engine engine() {
    return engine;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The embedded JDBC URL that reaches this open database from the same process. */
  public String jdbcUrl() {
    return "jdbc:omendb:" + dataDir;
  }

  @Override
  public Session openSession(String user, Map<String, String> settings) throws SQLException {
    return openStoreSession(user, settings);
  }

  StoreSession openStoreSession(String user, Map<String, String> settings) throws SQLException {
    if (closed) {
      throw new SQLException("the database is shut down", "57P01");
    }
    Logins.check(engine.roles(), user);
    StoreSession[] holder = new StoreSession[1];
    StoreSession session = new StoreSession(engine, calciteDriver, user, settings,
        () -> sessions.remove(holder[0]));
    holder[0] = session;
    sessions.add(session);
    return session;
  }

  /**
   * The role named {@code name} as authentication sees it, from the roles persisted in the engine; how the front
   * ends find a user's SCRAM verifier.
   */
  @Override
  public Optional<LoginRole> find(String name) {
    return Logins.find(engine.roles(), requireNonNull(name, "name"));
  }

  /** Number of open sessions. */
  public int sessionCount() {
    return sessions.size();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    OpenDatabases.remove(dataDir, this);
    // Sessions hold transactions and cursors of the engine: end them before the engine closes.
    for (StoreSession session : sessions.toArray(new StoreSession[0])) {
      session.close();
    }
    engine.close();
  }
}
