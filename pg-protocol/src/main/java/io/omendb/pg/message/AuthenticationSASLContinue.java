package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A SASL challenge from the server (for SCRAM, the server-first-message).
 *
 * @param data the mechanism-specific challenge
 */
public record AuthenticationSASLContinue(byte[] data) implements BackendMessage {
  public AuthenticationSASLContinue {
    data = requireNonNull(data, "data").clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AuthenticationSASLContinue that && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "AuthenticationSASLContinue[" + data.length + " bytes]";
  }
}
