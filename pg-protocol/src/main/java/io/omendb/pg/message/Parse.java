package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Creates a prepared statement from one SQL statement with {@code $n} placeholders.
 *
 * @param statement the statement's name; empty for the unnamed statement
 * @param sql the statement's text
 * @param parameterTypes the OIDs the client gives for the first parameters; 0 leaves a type to the server
 */
public record Parse(String statement, String sql, List<Integer> parameterTypes) implements FrontendMessage {
  public Parse {
    requireNonNull(statement, "statement");
    requireNonNull(sql, "sql");
    parameterTypes = List.copyOf(requireNonNull(parameterTypes, "parameterTypes"));
  }
}
