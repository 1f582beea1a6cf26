package io.omendb.pg.codec;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

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

  /**
   * A NUL-terminated UTF-8 string.
   *
   * @throws InvalidEncodingException if its bytes are not valid UTF-8 (they are never silently replaced)
   */
  String readCString() throws ProtocolViolationException {
    int end = pos;
    while (end < data.length && data[end] != 0) {
      end++;
    }
    if (end == data.length) {
      throw new ProtocolViolationException("unterminated string in " + what);
    }
    String value = decodeUtf8(pos, end - pos);
    pos = end + 1;
    return value;
  }

  private String decodeUtf8(int offset, int length) throws InvalidEncodingException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(data, offset, length);
    CharBuffer out = CharBuffer.allocate((int) Math.ceil(length * (double) decoder.maxCharsPerByte()));
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw new InvalidEncodingException(String.format(Locale.ROOT,
          "invalid byte sequence for encoding \"UTF8\": 0x%02x",
          data[Math.min(in.position(), offset + length - 1)] & 0xFF));
    }
    return out.flip().toString();
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
