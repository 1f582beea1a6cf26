package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

/**
 * Closes a prepared statement or a portal; closing one that does not exist is not an error.
 *
 * @param target statement or portal
 * @param name its name; empty for the unnamed one
 */
public record Close(Target target, String name) implements FrontendMessage {
  public Close {
    requireNonNull(target, "target");
    requireNonNull(name, "name");
  }
}
