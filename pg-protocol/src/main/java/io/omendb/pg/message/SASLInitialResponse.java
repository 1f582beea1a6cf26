package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * The client's choice of SASL mechanism and its first message (for SCRAM, the client-first-message).
 *
 * @param mechanism the mechanism the client chose from those the server offered
 * @param data the initial response, or null if the client sent none (length -1)
 */
public record SASLInitialResponse(String mechanism, byte[] data) implements FrontendMessage {
  public SASLInitialResponse {
    requireNonNull(mechanism, "mechanism");
    data = data == null ? null : data.clone();
  }

  @Override
  public byte[] data() {
    return data == null ? null : data.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SASLInitialResponse that && mechanism.equals(that.mechanism)
        && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return 31 * mechanism.hashCode() + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "SASLInitialResponse[" + mechanism + ", " + (data == null ? "no data" : data.length + " bytes") + "]";
  }
}
