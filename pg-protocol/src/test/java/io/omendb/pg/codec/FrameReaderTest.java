package io.omendb.pg.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Length checks happen before any body is read or allocated. */
class FrameReaderTest {

  @Test
  void readFrame_lengthBelowFour_isProtocolViolation() {
    FrameReader reader = reader('Q', 0, 0, 0, 3);
    assertThatThrownBy(reader::readFrame)
        .isInstanceOf(ProtocolViolationException.class)
        .hasMessageContaining("invalid message length 3");
  }

  @Test
  void readFrame_negativeLength_isProtocolViolation() {
    FrameReader reader = reader('Q', 0xFF, 0xFF, 0xFF, 0xFF);
    assertThatThrownBy(reader::readFrame)
        .isInstanceOf(ProtocolViolationException.class)
        .hasMessageContaining("4294967295");
  }

  @Test
  void readFrame_lengthAboveLimit_isRejectedWithoutReadingTheBody() {
    // Announces 2 GiB - 1 and then blocks forever; the reader must fail on the header alone.
    InputStream endless = new InputStream() {
      private final byte[] header = {'Q', 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
      private int pos;

      @Override
      public int read() {
        if (pos < header.length) {
          return header[pos++] & 0xFF;
        }
        throw new AssertionError("the body must not be read");
      }
    };
    FrameReader reader = new FrameReader(endless, FrameReader.DEFAULT_MAX_MESSAGE_LENGTH);
    assertThatThrownBy(reader::readFrame)
        .isInstanceOf(ProtocolViolationException.class)
        .hasMessageContaining("limit " + FrameReader.DEFAULT_MAX_MESSAGE_LENGTH);
  }

  @Test
  void readFrame_configuredLimit_isEnforcedAndInclusive() throws IOException {
    assertThat(new FrameReader(stream('Q', 0, 0, 0, 6, 'x', 0), 6).readFrame().payload()).containsExactly('x', 0);
    assertThatThrownBy(() -> new FrameReader(stream('Q', 0, 0, 0, 7, 'x', 'y', 0), 6).readFrame())
        .isInstanceOf(ProtocolViolationException.class);
  }

  @Test
  void readFrame_hugeAnnouncedLengthButShortBody_isEofNotOutOfMemory() {
    // 1 GiB announced with a raised limit, three bytes sent: readNBytes grows as data arrives.
    FrameReader reader = new FrameReader(stream('Q', 0x40, 0, 0, 0, 'a', 'b', 'c'),
        FrameReader.HARD_MAX_MESSAGE_LENGTH);
    assertThatThrownBy(reader::readFrame).isInstanceOf(EOFException.class);
  }

  @Test
  void readFrame_cleanEndOfStream_isNull() throws IOException {
    assertThat(reader().readFrame()).isNull();
  }

  @Test
  void readFrame_endInsideHeader_isEof() {
    assertThatThrownBy(reader('Q', 0, 0)::readFrame).isInstanceOf(EOFException.class);
  }

  @Test
  void readStartupFrame_tooLong_isProtocolViolation() {
    FrameReader reader = reader(0, 0, 0x27, 0x11); // 10001
    assertThatThrownBy(reader::readStartupFrame)
        .isInstanceOf(ProtocolViolationException.class)
        .hasMessageContaining("startup packet");
  }

  @Test
  void readStartupFrame_tooShort_isProtocolViolation() {
    assertThatThrownBy(reader(0, 0, 0, 7, 1, 2, 3)::readStartupFrame)
        .isInstanceOf(ProtocolViolationException.class);
  }

  @Test
  void readStartupFrame_httpRequest_isProtocolViolation() {
    // "GET " read as a length is about 1.2 GB.
    assertThatThrownBy(reader('G', 'E', 'T', ' ', '/')::readStartupFrame)
        .isInstanceOf(ProtocolViolationException.class);
  }

  @Test
  void readStartupFrame_maximumLength_isAccepted() throws IOException {
    byte[] packet = new byte[FrameReader.MAX_STARTUP_PACKET_LENGTH];
    packet[2] = 0x27;
    packet[3] = 0x10;
    assertThat(FrameReader.create(new ByteArrayInputStream(packet)).readStartupFrame().payload())
        .hasSize(FrameReader.MAX_STARTUP_PACKET_LENGTH - 4);
  }

  @Test
  void constructor_limitAboveHardCap_isRejected() {
    assertThatThrownBy(() -> new FrameReader(stream(), FrameReader.HARD_MAX_MESSAGE_LENGTH + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static FrameReader reader(int... bytes) {
    return FrameReader.create(stream(bytes));
  }

  private static InputStream stream(int... bytes) {
    byte[] data = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      data[i] = (byte) bytes[i];
    }
    return new ByteArrayInputStream(data);
  }
}
