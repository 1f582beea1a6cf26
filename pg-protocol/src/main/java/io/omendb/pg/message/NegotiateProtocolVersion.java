package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Tells a client that asked for a newer minor protocol version, or for protocol options ({@code _pq_.*}), what the
 * server supports instead.
 *
 * @param newestMinorVersion the newest minor version of the requested major version the server supports
 * @param unrecognizedOptions the protocol options the server did not recognize
 */
public record NegotiateProtocolVersion(int newestMinorVersion, List<String> unrecognizedOptions)
    implements BackendMessage {
  public NegotiateProtocolVersion {
    unrecognizedOptions = List.copyOf(requireNonNull(unrecognizedOptions, "unrecognizedOptions"));
  }
}
