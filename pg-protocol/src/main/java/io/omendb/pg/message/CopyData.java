package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A chunk of COPY data, sent by the client during COPY FROM STDIN and by the server during COPY TO STDOUT.
 *
 * @param data the bytes; not modified after construction
 */
public record CopyData(byte[] data) implements FrontendMessage, BackendMessage {
  public CopyData {
    requireNonNull(data, "data");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CopyData other && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "CopyData[" + data.length + " bytes]";
  }
}
