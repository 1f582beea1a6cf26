package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

/**
 * Asks for the description of a prepared statement (ParameterDescription, then RowDescription or NoData) or of a
 * portal (RowDescription or NoData).
 *
 * @param target statement or portal
 * @param name its name; empty for the unnamed one
 */
public record Describe(Target target, String name) implements FrontendMessage {
  public Describe {
    requireNonNull(target, "target");
    requireNonNull(name, "name");
  }
}
