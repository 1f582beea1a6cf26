package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

/**
 * A password sent in clear, the answer to AuthenticationCleartextPassword; never printed.
 *
 * @param password the password
 */
public record PasswordMessage(String password) implements FrontendMessage {
  public PasswordMessage {
    requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "PasswordMessage[redacted]";
  }
}
