package io.omendb.pg.codec;

import static java.util.Objects.requireNonNull;

/**
 * One message as read off the wire, before decoding: its type byte and its body without the length word.
 *
 * @param tag the type byte, or {@link #UNTYPED} for a startup packet
 * @param payload the message body
 */
public record Frame(byte tag, byte[] payload) {

  /** The tag of startup packets, which carry no type byte. */
  public static final byte UNTYPED = 0;

  public Frame {
    requireNonNull(payload, "payload");
  }

  /** Whether this is a startup packet (StartupMessage, SSLRequest, GSSENCRequest or CancelRequest). */
  public boolean isUntyped() {
    return tag == UNTYPED;
  }
}
