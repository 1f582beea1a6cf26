package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The server asks for SASL authentication and lists the mechanisms it accepts, preferred first.
 *
 * @param mechanisms the mechanism names, e.g. {@code SCRAM-SHA-256-PLUS} and {@code SCRAM-SHA-256}
 */
public record AuthenticationSASL(List<String> mechanisms) implements BackendMessage {
  public AuthenticationSASL {
    mechanisms = List.copyOf(requireNonNull(mechanisms, "mechanisms"));
    if (mechanisms.isEmpty()) {
      throw new IllegalArgumentException("at least one SASL mechanism is needed");
    }
  }
}
