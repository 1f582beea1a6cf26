package io.omendb.pg.server;

import static java.util.Objects.requireNonNull;

import io.omendb.pg.message.ErrorResponse;

/** An error the server reports to the client with a known SQLSTATE; FATAL ones end the connection. */
final class PgException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient ErrorResponse response;

  PgException(ErrorResponse response) {
    super(response.message());
    this.response = requireNonNull(response, "response");
  }

  /** An error that ends the connection. */
  static PgException fatal(SqlState state, String message) {
    return new PgException(ErrorResponse.fatal(state.code(), message));
  }

  /** What to send the client. */
  ErrorResponse response() {
    return response;
  }
}
