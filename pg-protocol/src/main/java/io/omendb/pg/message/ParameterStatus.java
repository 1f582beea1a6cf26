package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

/**
 * Reports the current value of a run-time parameter the client wants to track (server_version, TimeZone, ...).
 *
 * @param name the parameter name
 * @param value its value
 */
public record ParameterStatus(String name, String value) implements BackendMessage {
  public ParameterStatus {
    requireNonNull(name, "name");
    requireNonNull(value, "value");
  }
}
