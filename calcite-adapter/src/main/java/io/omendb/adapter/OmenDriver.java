package io.omendb.adapter;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The embedded JDBC driver: {@code jdbc:omendb:<data directory>}. If a server in this process already opened that
 * directory the connection joins it; otherwise the driver opens the database and closes it with its last
 * connection. Connections run as the {@code user} property (default {@code omendb}).
 */
public final class OmenDriver implements Driver {
  /** The URL prefix this driver accepts. */
  public static final String PREFIX = "jdbc:omendb:";
  private static final String DEFAULT_USER = "omendb";
  private static final int MAJOR_VERSION = 0;
  private static final int MINOR_VERSION = 1;

  static {
    try {
      DriverManager.registerDriver(new OmenDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    String location = url.substring(PREFIX.length());
    int query = location.indexOf('?');
    if (query >= 0) {
      location = location.substring(0, query);
    }
    if (location.isEmpty()) {
      throw new SQLException("the URL must name a data directory: jdbc:omendb:<dir>", "08001");
    }
    Path dir = Path.of(location).toAbsolutePath().normalize();
    String user = info == null ? null : info.getProperty("user");
    synchronized (OpenDatabases.class) {
      Database database = OpenDatabases.find(dir);
      boolean owned = database == null;
      if (owned) {
        database = Database.open(dir);
      }
      StoreSession session = database.openStoreSession(user == null || user.isEmpty() ? DEFAULT_USER : user, Map.of());
      return EmbeddedConnection.wrap(session, owned ? database : null);
    }
  }

  @Override
  public boolean acceptsURL(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    DriverPropertyInfo user = new DriverPropertyInfo("user", info == null ? null : info.getProperty("user"));
    user.description = "the user the connection runs as";
    return new DriverPropertyInfo[] {user};
  }

  @Override
  public int getMajorVersion() {
    return MAJOR_VERSION;
  }

  @Override
  public int getMinorVersion() {
    return MINOR_VERSION;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no java.util.logging logger");
  }
}
