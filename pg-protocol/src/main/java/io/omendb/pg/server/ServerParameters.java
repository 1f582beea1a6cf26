package io.omendb.pg.server;

import io.omendb.pg.message.ParameterStatus;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The run-time parameters reported to a client after authentication, the ones PostgreSQL marks GUC_REPORT.
 * Drivers depend on several: pgjdbc parses {@code server_version}, refuses to work unless
 * {@code client_encoding} is UTF8 and needs {@code integer_datetimes} and {@code standard_conforming_strings}.
 */
final class ServerParameters {

  /** The version clients see; starts with the PostgreSQL version whose behaviour we follow. */
  static final String SERVER_VERSION = "15.0 (OmenDB 0.1.0)";

  /** The only encoding this server speaks. */
  static final String ENCODING = "UTF8";

  private ServerParameters() {}

  /**
   * The ParameterStatus messages for a new session.
   *
   * @param user the session's user
   * @param startup the parameters from the StartupMessage
   * @param timeZone the session's time zone setting, or null for the JVM's default zone
   */
  static List<ParameterStatus> forSession(String user, Map<String, String> startup, String timeZone) {
    List<ParameterStatus> parameters = new ArrayList<>();
    parameters.add(new ParameterStatus("server_version", SERVER_VERSION));
    parameters.add(new ParameterStatus("server_encoding", ENCODING));
    parameters.add(new ParameterStatus("client_encoding", ENCODING));
    parameters.add(new ParameterStatus("DateStyle", "ISO, MDY"));
    parameters.add(new ParameterStatus("IntervalStyle", "postgres"));
    parameters.add(new ParameterStatus("integer_datetimes", "on"));
    parameters.add(new ParameterStatus("standard_conforming_strings", "on"));
    parameters.add(new ParameterStatus("TimeZone", timeZone != null ? timeZone : ZoneId.systemDefault().getId()));
    parameters.add(new ParameterStatus("application_name", startup.getOrDefault("application_name", "")));
    parameters.add(new ParameterStatus("session_authorization", user));
    // No roles yet: nobody is reported as superuser, so tools do not offer superuser-only features.
    parameters.add(new ParameterStatus("is_superuser", "off"));
    return parameters;
  }

  /** Whether a client's requested {@code client_encoding} is one this server can serve without conversion. */
  static boolean isSupportedClientEncoding(String encoding) {
    if (encoding == null) {
      return true;
    }
    String normalized = encoding.replace("-", "").replace("_", "").replace("'", "").trim();
    return normalized.equalsIgnoreCase("UTF8") || normalized.equalsIgnoreCase("UNICODE")
        // libpq resolves "auto" from the client's locale; a C locale gives SQL_ASCII, a subset of UTF-8.
        || normalized.equalsIgnoreCase("SQLASCII");
  }
}
