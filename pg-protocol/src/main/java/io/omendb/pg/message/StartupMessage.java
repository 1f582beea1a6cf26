package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first message of a normal connection: the protocol version the client speaks and its run-time parameters
 * ({@code user}, {@code database}, {@code application_name}, {@code options}, GUCs such as {@code DateStyle}).
 *
 * @param protocolVersion major version in the high 16 bits, minor version in the low 16 bits (3.0 is 196608)
 * @param parameters the parameters in the order the client sent them
 */
public record StartupMessage(int protocolVersion, Map<String, String> parameters) implements FrontendMessage {

  /** Protocol version 3.0 as sent on the wire. */
  public static final int PROTOCOL_3_0 = version(3, 0);

  public StartupMessage {
    requireNonNull(parameters, "parameters");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** A startup message for protocol 3.0. */
  public static StartupMessage create(Map<String, String> parameters) {
    return new StartupMessage(PROTOCOL_3_0, parameters);
  }

  /** Encodes a protocol version number as PostgreSQL does: {@code major << 16 | minor}. */
  public static int version(int major, int minor) {
    return (major << 16) | minor;
  }

  /** The major protocol version, 3 for every client this server supports. */
  public int majorVersion() {
    return protocolVersion >>> 16;
  }

  /** The minor protocol version. */
  public int minorVersion() {
    return protocolVersion & 0xFFFF;
  }

  /** The value of one parameter, or null when the client did not send it. */
  public String parameter(String name) {
    return parameters.get(name);
  }
}
