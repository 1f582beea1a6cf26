package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The server is ready to receive COPY data from the client.
 *
 * @param format 0 for text (also CSV), 1 for binary
 * @param columnFormats each column's format, all equal to {@code format} for text
 */
public record CopyInResponse(byte format, List<Short> columnFormats) implements BackendMessage {
  public CopyInResponse {
    columnFormats = List.copyOf(requireNonNull(columnFormats, "columnFormats"));
  }
}
