package io.omendb.adapter;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The databases open in this process, by data directory, so that {@code jdbc:omendb:} URLs (which reach us through
 * {@link java.sql.DriverManager}, a process-wide registry by design) find a database a server already opened.
 * This is the one process-wide table in the code base; JDBC's driver model leaves no other place for it.
 */
final class OpenDatabases {
  private static final Map<Path, Database> OPEN = new HashMap<>();

  private OpenDatabases() {}

  /** A factory that may fail with an SQLException. */
  @FunctionalInterface
  interface Opener {
    Database open() throws SQLException;
  }

  static synchronized Database open(Path dir, Opener opener) throws SQLException {
    if (OPEN.containsKey(dir)) {
      throw new SQLException("database " + dir + " is already open in this process", "55006");
    }
    Database database = opener.open();
    OPEN.put(dir, database);
    return database;
  }

  static synchronized Database find(Path dir) {
    return OPEN.get(dir);
  }

  static synchronized void remove(Path dir, Database database) {
    OPEN.remove(dir, database);
  }
}
