package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

/**
 * A statement finished.
 *
 * @param commandTag what it did, e.g. {@code INSERT 0 3}, {@code SELECT 2} or {@code CREATE TABLE}
 */
public record CommandComplete(String commandTag) implements BackendMessage {
  public CommandComplete {
    requireNonNull(commandTag, "commandTag");
  }
}
