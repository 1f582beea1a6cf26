package io.omendb.pg.codec;

import static java.util.Objects.requireNonNull;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts a blocking byte stream into {@link Frame}s, enforcing length limits before reading a body so that a hostile
 * or broken peer cannot make the server allocate memory it did not send.
 *
 * <p>Two framings exist: startup packets ({@code int32 length, body}) before the session starts, and typed messages
 * ({@code byte type, int32 length, body}) after. The length word counts itself but not the type byte. Bodies are read
 * with {@link InputStream#readNBytes(int)}, which grows its buffer as data arrives rather than allocating the
 * announced length up front.
 */
public final class FrameReader {

  /** The longest startup packet accepted, in bytes; PostgreSQL's MAX_STARTUP_PACKET_LENGTH. */
  public static final int MAX_STARTUP_PACKET_LENGTH = 10_000;

  /** The shortest startup packet: the length word plus a 32-bit protocol version or request code. */
  public static final int MIN_STARTUP_PACKET_LENGTH = 8;

  /** The limit no configuration can raise: 1 GiB, PostgreSQL's own maximum allocation. */
  public static final int HARD_MAX_MESSAGE_LENGTH = 1 << 30;

  /** The default limit on a typed message's length: 64 MiB. */
  public static final int DEFAULT_MAX_MESSAGE_LENGTH = 64 << 20;

  private static final int LENGTH_WORD_SIZE = 4;

  private final InputStream in;
  private final int maxMessageLength;

  /**
   * @param in the stream to read, typically buffered
   * @param maxMessageLength the largest accepted typed message, length word included; at most
   *     {@link #HARD_MAX_MESSAGE_LENGTH}
   */
  public FrameReader(InputStream in, int maxMessageLength) {
    this.in = requireNonNull(in, "in");
    if (maxMessageLength < LENGTH_WORD_SIZE + 1 || maxMessageLength > HARD_MAX_MESSAGE_LENGTH) {
      throw new IllegalArgumentException(
          "maxMessageLength must be in [5, " + HARD_MAX_MESSAGE_LENGTH + "]: " + maxMessageLength);
    }
    this.maxMessageLength = maxMessageLength;
  }

  /** A reader with the default message limit. */
  public static FrameReader create(InputStream in) {
    return new FrameReader(in, DEFAULT_MAX_MESSAGE_LENGTH);
  }

  /**
   * Reads a startup packet.
   *
   * @return the packet, or null if the stream ended cleanly before its first byte
   * @throws ProtocolViolationException if the length is out of bounds
   * @throws EOFException if the stream ends inside the packet
   */
  public Frame readStartupFrame() throws IOException {
    int first = in.read();
    if (first < 0) {
      return null;
    }
    int length = (first << 24) | readInt24();
    if (length < MIN_STARTUP_PACKET_LENGTH || length > MAX_STARTUP_PACKET_LENGTH) {
      throw new ProtocolViolationException("invalid length of startup packet: " + length);
    }
    return new Frame(Frame.UNTYPED, readBody(length - LENGTH_WORD_SIZE));
  }

  /**
   * Reads a typed message.
   *
   * @return the message, or null if the stream ended cleanly before its type byte
   * @throws ProtocolViolationException if the length is out of bounds
   * @throws EOFException if the stream ends inside the message
   */
  public Frame readFrame() throws IOException {
    int tag = in.read();
    if (tag < 0) {
      return null;
    }
    int length = readInt32();
    if (length < LENGTH_WORD_SIZE || length > maxMessageLength) {
      throw new ProtocolViolationException(
          "invalid message length " + Integer.toUnsignedString(length) + " for message type "
              + MessageType.describe((byte) tag) + " (limit " + maxMessageLength + ")");
    }
    return new Frame((byte) tag, readBody(length - LENGTH_WORD_SIZE));
  }

  /**
   * Reads exactly one byte, as a client does for the answer to an SSLRequest.
   *
   * @throws EOFException if the stream has ended
   */
  public byte readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("connection closed");
    }
    return (byte) b;
  }

  private byte[] readBody(int size) throws IOException {
    byte[] body = in.readNBytes(size);
    if (body.length != size) {
      throw new EOFException("connection closed inside a message: " + body.length + " of " + size + " bytes");
    }
    return body;
  }

  private int readInt32() throws IOException {
    return (Byte.toUnsignedInt(readByte()) << 24) | readInt24();
  }

  private int readInt24() throws IOException {
    int b1 = Byte.toUnsignedInt(readByte());
    int b2 = Byte.toUnsignedInt(readByte());
    int b3 = Byte.toUnsignedInt(readByte());
    return (b1 << 16) | (b2 << 8) | b3;
  }
}
