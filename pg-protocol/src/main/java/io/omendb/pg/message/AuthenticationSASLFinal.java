package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * The outcome of a successful SASL exchange (for SCRAM, the server-final-message with the server signature).
 *
 * @param data the mechanism-specific additional data
 */
public record AuthenticationSASLFinal(byte[] data) implements BackendMessage {
  public AuthenticationSASLFinal {
    data = requireNonNull(data, "data").clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AuthenticationSASLFinal that && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "AuthenticationSASLFinal[" + data.length + " bytes]";
  }
}
