package io.omendb.pg.codec;

import static java.util.Objects.requireNonNull;

/**
 * A well-framed message of a known type that this server does not implement yet (for example the extended query
 * protocol's Parse). The connection can carry on: the server reports an error and skips to the next Sync.
 */
public class UnsupportedMessageException extends ProtocolViolationException {
  private static final long serialVersionUID = 1L;

  private final MessageType type;

  public UnsupportedMessageException(MessageType type) {
    super("unsupported frontend message type " + requireNonNull(type, "type"));
    this.type = type;
  }

  /** The type of the message that was not understood. */
  public MessageType type() {
    return type;
  }
}
