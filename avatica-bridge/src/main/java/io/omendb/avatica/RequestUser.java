package io.omendb.avatica;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Callable;

/** The authenticated user of the Avatica request a thread is serving; one per server, set around each request. */
final class RequestUser {
  private final ThreadLocal<String> current = new ThreadLocal<>();

  /** Runs {@code call} as {@code user}. */
  <T> T callAs(String user, Callable<T> call) throws Exception {
    requireNonNull(user, "user");
    String previous = current.get();
    current.set(user);
    try {
      return call.call();
    } finally {
      if (previous == null) {
        current.remove();
      } else {
        current.set(previous);
      }
    }
  }

  /**
   * The user of the request being served.
   *
   * @throws IllegalStateException outside an authenticated request (a bug: every request passes authentication)
   */
  String get() {
    String user = current.get();
    if (user == null) {
      throw new IllegalStateException("no authenticated user for this request");
    }
    return user;
  }
}
