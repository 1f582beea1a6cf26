package io.omendb.engine.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ScramVerifierTest {
  /** Made by PostgreSQL 15: {@code CREATE ROLE r PASSWORD 'correct horse'} with scram-sha-256. */
  private static final String FROM_POSTGRESQL = "SCRAM-SHA-256$4096:AWPt4ihLEdFs/AAtat5Cbw==$"
      + "6NLTDaCNOyLipl1kDtBOojT5Xtw1VGDz2jf7zhooits=:AtcQwpEB8XRotX4Ykr8zhgkXiKioew2ek9nMUATO5ek=";

  @Test
  void parse_postgresqlVerifier_matchesItsPassword() {
    ScramVerifier verifier = ScramVerifier.parse(FROM_POSTGRESQL);
    assertThat(verifier.iterations()).isEqualTo(4096);
    assertThat(verifier.matches("correct horse")).isTrue();
    assertThat(verifier.matches("correct horse ")).isFalse();
    assertThat(verifier.toString()).isEqualTo(FROM_POSTGRESQL);
  }

  @Test
  void create_sameSaltAndIterations_reproducesPostgresql() {
    byte[] salt = Base64.getDecoder().decode("AWPt4ihLEdFs/AAtat5Cbw==");
    assertThat(ScramVerifier.create("correct horse", salt, 4096).toString()).isEqualTo(FROM_POSTGRESQL);
  }

  @Test
  void create_randomSalt_roundTripsAndDiffers() {
    SecureRandom random = new SecureRandom();
    ScramVerifier first = ScramVerifier.create("pw", random);
    ScramVerifier second = ScramVerifier.create("pw", random);
    assertThat(first).isNotEqualTo(second);
    assertThat(ScramVerifier.parse(first.toString())).isEqualTo(first);
    assertThat(first.matches("pw")).isTrue();
    assertThat(first.matches("PW")).isFalse();
  }

  @Test
  void parse_malformed_rejectedWithoutEchoingInput() {
    for (String bad : new String[] {"md5abc", "SCRAM-SHA-256$x:salt$a:b", "SCRAM-SHA-256$4096:AAAA$AAAA",
        "SCRAM-SHA-256$4096:AAAA$AAAA:AAAA", "SCRAM-SHA-256$0:AWPt4ihLEdFs/AAtat5Cbw==$"
            + "6NLTDaCNOyLipl1kDtBOojT5Xtw1VGDz2jf7zhooits=:AtcQwpEB8XRotX4Ykr8zhgkXiKioew2ek9nMUATO5ek="}) {
      assertThatThrownBy(() -> ScramVerifier.parse(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining(bad);
    }
    assertThat(ScramVerifier.isVerifier("secret")).isFalse();
    assertThat(ScramVerifier.isVerifier(FROM_POSTGRESQL)).isTrue();
  }
}
