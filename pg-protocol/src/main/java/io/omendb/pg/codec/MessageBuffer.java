package io.omendb.pg.codec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that lays out messages: {@link #beginMessage(byte)} writes the type byte and reserves the
 * length word, {@link #endMessage()} fills it in. Reused across messages to avoid garbage; not thread-safe.
 */
public final class MessageBuffer {
  private static final int INITIAL_CAPACITY = 256;
  private static final int NO_MESSAGE = -1;

  private byte[] buf = new byte[INITIAL_CAPACITY];
  private int size;
  private int lengthAt = NO_MESSAGE;

  /** Starts a typed message. */
  public MessageBuffer beginMessage(byte tag) {
    checkNoOpenMessage();
    writeByte(tag);
    return beginUntyped();
  }

  /** Starts a startup packet, which has a length word but no type byte. */
  public MessageBuffer beginUntyped() {
    checkNoOpenMessage();
    lengthAt = size;
    return writeInt32(0);
  }

  /** Ends the current message by writing its length. */
  public MessageBuffer endMessage() {
    if (lengthAt == NO_MESSAGE) {
      throw new IllegalStateException("no message started");
    }
    putInt32(lengthAt, size - lengthAt);
    lengthAt = NO_MESSAGE;
    return this;
  }

  public MessageBuffer writeByte(int value) {
    ensure(1);
    buf[size++] = (byte) value;
    return this;
  }

  public MessageBuffer writeInt16(int value) {
    ensure(2);
    buf[size++] = (byte) (value >>> 8);
    buf[size++] = (byte) value;
    return this;
  }

  public MessageBuffer writeInt32(int value) {
    ensure(4);
    putInt32(size, value);
    size += 4;
    return this;
  }

  /** Writes a string as UTF-8 followed by NUL; the string must not itself contain NUL. */
  public MessageBuffer writeCString(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("string contains a NUL character");
    }
    return writeBytes(value.getBytes(StandardCharsets.UTF_8)).writeByte(0);
  }

  public MessageBuffer writeBytes(byte[] value) {
    ensure(value.length);
    System.arraycopy(value, 0, buf, size, value.length);
    size += value.length;
    return this;
  }

  /** The number of bytes written since the last {@link #reset()}. */
  public int size() {
    return size;
  }

  /** A copy of the bytes written. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  /** Writes the buffered bytes to {@code out} and empties the buffer. */
  public void drainTo(OutputStream out) throws IOException {
    checkNoOpenMessage();
    out.write(buf, 0, size);
    reset();
  }

  /** Discards the buffered bytes, keeping the capacity. */
  public void reset() {
    size = 0;
    lengthAt = NO_MESSAGE;
  }

  private void putInt32(int at, int value) {
    buf[at] = (byte) (value >>> 24);
    buf[at + 1] = (byte) (value >>> 16);
    buf[at + 2] = (byte) (value >>> 8);
    buf[at + 3] = (byte) value;
  }

  private void ensure(int more) {
    long needed = (long) size + more;
    if (needed > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("message too large");
    }
    if (needed > buf.length) {
      buf = Arrays.copyOf(buf, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8, 2L * buf.length)));
    }
  }

  private void checkNoOpenMessage() {
    if (lengthAt != NO_MESSAGE) {
      throw new IllegalStateException("a message is still open");
    }
  }
}
