package io.omendb.server;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The JDBC driver {@code omendb shell} connects through: Avatica's remote driver, given the shell user's name and
 * password as HTTP BASIC credentials ({@code avatica_user}, {@code avatica_password}), which Avatica does not take
 * from sqlline's {@code user} and {@code password}. The password thus never appears in the URL, which sqlline
 * prints. A refused login is reported as PostgreSQL reports it (28P01), not as Avatica's bare HTTP 401.
 */
final class ShellDriver implements Driver {
  /** The URL prefix; what follows is an Avatica remote URL's properties ({@code url=http://...;...}). */
  static final String PREFIX = "jdbc:omendb-shell:";
  private static final String AVATICA_PREFIX = "jdbc:avatica:remote:";
  private static final int HTTP_UNAUTHORIZED = 401;

  private final Driver avatica = new org.apache.calcite.avatica.remote.Driver();

  /** The shell URL for the Avatica endpoint at {@code httpUrl}, with protobuf serialization as the server uses. */
  static String url(String httpUrl) {
    return PREFIX + "url=" + httpUrl + ";serialization=protobuf";
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    Properties properties = new Properties();
    if (info != null) {
      properties.putAll(info);
    }
    String user = properties.getProperty("user", "");
    properties.setProperty("authentication", "BASIC");
    properties.setProperty("avatica_user", user);
    properties.setProperty("avatica_password", properties.getProperty("password", ""));
    try {
      return avatica.connect(AVATICA_PREFIX + url.substring(PREFIX.length()), properties);
    } catch (RuntimeException | SQLException e) {
      if (refusedLogin(e)) {
        throw new SQLException("password authentication failed for user \"" + user + "\" (give the password in "
            + Main.SHELL_PASSWORD_ENV + " or when asked)", "28P01");
      }
      throw e;
    }
  }

  /** Whether the endpoint answered HTTP 401, which Avatica reports only in an exception message. */
  private static boolean refusedLogin(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && message.contains("HTTP/" + HTTP_UNAUTHORIZED)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean acceptsURL(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    return new DriverPropertyInfo[0];
  }

  @Override
  public int getMajorVersion() {
    return 0;
  }

  @Override
  public int getMinorVersion() {
    return 1;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }
}
