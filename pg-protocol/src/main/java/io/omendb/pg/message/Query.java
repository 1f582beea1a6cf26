package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

/**
 * A simple-protocol query: a string holding zero or more SQL statements separated by semicolons.
 *
 * @param sql the query string
 */
public record Query(String sql) implements FrontendMessage {
  public Query {
    requireNonNull(sql, "sql");
  }
}
