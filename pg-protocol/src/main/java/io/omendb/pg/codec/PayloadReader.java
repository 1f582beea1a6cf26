package io.omendb.pg.codec;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;

/** A cursor over one message body that reads the protocol's primitive types and rejects truncated input. */
final class PayloadReader {
  private final byte[] data;
  private final String what;
  private int pos;

  /**
   * @param data the message body
   * @param what the message's name, for error messages
   */
  PayloadReader(byte[] data, String what) {
    this.data = requireNonNull(data, "data");
    this.what = requireNonNull(what, "what");
  }

  byte readByte() throws ProtocolViolationException {
    require(1);
    return data[pos++];
  }

  short readInt16() throws ProtocolViolationException {
    require(2);
    int value = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
    pos += 2;
    return (short) value;
  }

  int readInt32() throws ProtocolViolationException {
    require(4);
    int value = ((data[pos] & 0xFF) << 24) | ((data[pos + 1] & 0xFF) << 16) | ((data[pos + 2] & 0xFF) << 8)
        | (data[pos + 3] & 0xFF);
    pos += 4;
    return value;
  }

  /** A count that must be non-negative, e.g. a number of fields. */
  int readCount16() throws ProtocolViolationException {
    short count = readInt16();
    if (count < 0) {
      throw new ProtocolViolationException("negative count " + count + " in " + what);
    }
    return count;
  }

  /** A NUL-terminated UTF-8 string. */
  String readCString() throws ProtocolViolationException {
    int end = pos;
    while (end < data.length && data[end] != 0) {
      end++;
    }
    if (end == data.length) {
      throw new ProtocolViolationException("unterminated string in " + what);
    }
    String value = new String(data, pos, end - pos, StandardCharsets.UTF_8);
    pos = end + 1;
    return value;
  }

  byte[] readBytes(int count) throws ProtocolViolationException {
    if (count < 0) {
      throw new ProtocolViolationException("negative length " + count + " in " + what);
    }
    require(count);
    byte[] value = new byte[count];
    System.arraycopy(data, pos, value, 0, count);
    pos += count;
    return value;
  }

  /** The rest of the body. */
  byte[] readRemaining() throws ProtocolViolationException {
    return readBytes(data.length - pos);
  }

  boolean hasRemaining() {
    return pos < data.length;
  }

  /** Fails unless the whole body has been read. */
  void expectEnd() throws ProtocolViolationException {
    if (pos != data.length) {
      throw new ProtocolViolationException((data.length - pos) + " unexpected trailing bytes in " + what);
    }
  }

  private void require(int count) throws ProtocolViolationException {
    if (data.length - pos < count) {
      throw new ProtocolViolationException("message too short: " + what);
    }
  }
}
