package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The server is about to send COPY data to the client.
 *
 * @param format 0 for text (also CSV), 1 for binary
 * @param columnFormats each column's format, all equal to {@code format} for text
 */
public record CopyOutResponse(byte format, List<Short> columnFormats) implements BackendMessage {
  public CopyOutResponse {
    columnFormats = List.copyOf(requireNonNull(columnFormats, "columnFormats"));
  }
}
