package io.omendb.avatica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Validation and defaults of {@link AvaticaServerConfig}. */
class AvaticaServerConfigTest {

  @Test
  void loopback_isTrustJsonOnTheLoopbackAddress() {
    AvaticaServerConfig config = AvaticaServerConfig.loopback(AvaticaServerConfig.DEFAULT_PORT);
    assertThat(config.bindAddress().isLoopbackAddress()).isTrue();
    assertThat(config.port()).isEqualTo(8765);
    assertThat(config.serialization()).isEqualTo(Serialization.JSON);
    assertThat(config.authMethod()).isEqualTo(AuthMethod.TRUST);
  }

  @Test
  void withSerialization_keepsTheRest() {
    AvaticaServerConfig config = AvaticaServerConfig.loopback(0).withSerialization(Serialization.PROTOBUF);
    assertThat(config.serialization()).isEqualTo(Serialization.PROTOBUF);
    assertThat(config.port()).isZero();
  }

  @Test
  void port_outOfRange_isRejected() {
    assertThatThrownBy(() -> AvaticaServerConfig.loopback(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
    assertThatThrownBy(() -> AvaticaServerConfig.loopback(65_536))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
  }

  @Test
  void nullBindAddress_isRejected() {
    assertThatThrownBy(() -> AvaticaServerConfig.loopback(0).withBindAddress(null))
        .isInstanceOf(NullPointerException.class).hasMessage("bindAddress");
  }

  @Test
  void serialization_urlValues() {
    assertThat(Serialization.JSON.urlValue()).isEqualTo("json");
    assertThat(Serialization.PROTOBUF.urlValue()).isEqualTo("protobuf");
  }
}
