package io.omendb.pg.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.pg.message.StartupMessage;
import org.junit.jupiter.api.Test;

/** Malformed bodies are protocol violations; known but unimplemented messages are distinguishable. */
class FrontendDecoderTest {

  @Test
  void decode_unknownType_isProtocolViolation() {
    assertThatThrownBy(() -> FrontendDecoder.decode(new Frame((byte) '!', new byte[0])))
        .isExactlyInstanceOf(ProtocolViolationException.class)
        .hasMessageContaining("invalid frontend message type '!'");
  }

  @Test
  void decode_functionCall_isUnsupportedWithItsType() {
    assertThatThrownBy(() -> FrontendDecoder.decode(new Frame(MessageType.FUNCTION_CALL.tag(), new byte[0])))
        .isInstanceOfSatisfying(UnsupportedMessageException.class,
            e -> assertThat(e.type()).isEqualTo(MessageType.FUNCTION_CALL));
  }

  @Test
  void decode_queryWithInvalidUtf8_isAnEncodingErrorNamingTheByte() {
    byte[] body = {'S', (byte) 0xE2, (byte) 0x82, 'x', 0};
    assertThatThrownBy(() -> FrontendDecoder.decode(new Frame(MessageType.QUERY.tag(), body)))
        .isInstanceOf(InvalidEncodingException.class)
        .hasMessage("invalid byte sequence for encoding \"UTF8\": 0xe2");
  }

  @Test
  void decode_queryWithMultiByteUtf8_isDecoded() throws ProtocolViolationException {
    byte[] body = {'\'', (byte) 0xC3, (byte) 0xA9, (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, '\'', 0};
    assertThat(FrontendDecoder.decode(new Frame(MessageType.QUERY.tag(), body)))
        .isEqualTo(new io.omendb.pg.message.Query("'\u00e9\ud83d\ude00'"));
  }

  @Test
  void decode_truncatedParse_isProtocolViolation() {
    assertThatThrownBy(() -> FrontendDecoder.decode(new Frame(MessageType.PARSE.tag(), new byte[] {0, 'x'})))
        .isInstanceOf(ProtocolViolationException.class)
        .hasMessageContaining("unterminated string in PARSE");
  }

  @Test
  void decode_describeWithUnknownTarget_isProtocolViolation() {
    assertThatThrownBy(() -> FrontendDecoder.decode(new Frame(MessageType.DESCRIBE.tag(), new byte[] {'X', 0})))
        .isInstanceOf(ProtocolViolationException.class)
        .hasMessageContaining("invalid statement or portal indicator 'X'");
  }

  @Test
  void decode_queryWithoutTerminator_isProtocolViolation() {
    assertThatThrownBy(() -> FrontendDecoder.decode(new Frame(MessageType.QUERY.tag(), new byte[] {'a'})))
        .isInstanceOf(ProtocolViolationException.class)
        .hasMessageContaining("unterminated");
  }

  @Test
  void decode_queryWithTrailingBytes_isProtocolViolation() {
    assertThatThrownBy(() -> FrontendDecoder.decode(new Frame(MessageType.QUERY.tag(), new byte[] {'a', 0, 'b'})))
        .isInstanceOf(ProtocolViolationException.class)
        .hasMessageContaining("trailing");
  }

  @Test
  void decode_startupWithDuplicateParameter_isProtocolViolation() {
    MessageBuffer buffer = new MessageBuffer();
    buffer.writeInt32(StartupMessage.PROTOCOL_3_0).writeCString("user").writeCString("a").writeCString("user")
        .writeCString("b").writeByte(0);
    assertThatThrownBy(() -> FrontendDecoder.decode(new Frame(Frame.UNTYPED, buffer.toByteArray())))
        .isInstanceOf(ProtocolViolationException.class)
        .hasMessageContaining("duplicate");
  }

  @Test
  void decode_startupWithoutFinalTerminator_isProtocolViolation() {
    MessageBuffer buffer = new MessageBuffer();
    buffer.writeInt32(StartupMessage.PROTOCOL_3_0).writeCString("user").writeCString("a");
    assertThatThrownBy(() -> FrontendDecoder.decode(new Frame(Frame.UNTYPED, buffer.toByteArray())))
        .isInstanceOf(ProtocolViolationException.class);
  }

  @Test
  void decode_startupMessage_keepsVersionAndParameters() throws ProtocolViolationException {
    MessageBuffer buffer = new MessageBuffer();
    buffer.writeInt32(StartupMessage.version(3, 0)).writeCString("user").writeCString("alice").writeByte(0);
    StartupMessage message = (StartupMessage) FrontendDecoder.decode(new Frame(Frame.UNTYPED, buffer.toByteArray()));
    assertThat(message.majorVersion()).isEqualTo(3);
    assertThat(message.minorVersion()).isZero();
    assertThat(message.parameter("user")).isEqualTo("alice");
  }

  @Test
  void messageType_tagsAreUniquePerDirection() {
    assertThat(MessageType.frontend((byte) 'D')).isEqualTo(MessageType.DESCRIBE);
    assertThat(MessageType.backend((byte) 'D')).isEqualTo(MessageType.DATA_ROW);
    assertThat(MessageType.frontend((byte) 'Z')).isNull();
  }
}
