package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

/**
 * The client aborts a COPY FROM STDIN.
 *
 * @param reason why, for the server's error message
 */
public record CopyFail(String reason) implements FrontendMessage {
  public CopyFail {
    requireNonNull(reason, "reason");
  }
}
