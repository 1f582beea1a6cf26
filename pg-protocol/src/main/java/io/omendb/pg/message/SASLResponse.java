package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A later SASL message from the client (for SCRAM, the client-final-message with the proof).
 *
 * @param data the mechanism-specific response
 */
public record SASLResponse(byte[] data) implements FrontendMessage {
  public SASLResponse {
    data = requireNonNull(data, "data").clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SASLResponse that && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "SASLResponse[" + data.length + " bytes]";
  }
}
