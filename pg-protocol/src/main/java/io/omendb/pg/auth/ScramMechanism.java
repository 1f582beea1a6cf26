package io.omendb.pg.auth;

import java.util.Optional;

/** The SASL mechanisms the server speaks, by their IANA names. */
public enum ScramMechanism {
  /** SCRAM-SHA-256 without channel binding (RFC 7677). */
  SCRAM_SHA_256("SCRAM-SHA-256"),
  /** SCRAM-SHA-256 bound to the TLS channel with tls-server-end-point (RFC 5929). */
  SCRAM_SHA_256_PLUS("SCRAM-SHA-256-PLUS");

  private final String saslName;

  ScramMechanism(String saslName) {
    this.saslName = saslName;
  }

  /** The name sent in AuthenticationSASL and SASLInitialResponse. */
  public String saslName() {
    return saslName;
  }

  /** The mechanism with the given SASL name, if it is one of ours. */
  public static Optional<ScramMechanism> bySaslName(String name) {
    for (ScramMechanism mechanism : values()) {
      if (mechanism.saslName.equals(name)) {
        return Optional.of(mechanism);
      }
    }
    return Optional.empty();
  }
}
