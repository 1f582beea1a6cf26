package io.omendb.avatica;

import java.util.Locale;
import org.apache.calcite.avatica.remote.Driver;

/** The wire format of the Avatica endpoint; client and server must agree on it. */
public enum Serialization {
  /** Avatica's JSON messages. */
  JSON(Driver.Serialization.JSON),
  /** Avatica's protobuf messages, wrapped in {@code WireMessage}. */
  PROTOBUF(Driver.Serialization.PROTOBUF);

  private final Driver.Serialization avatica;

  Serialization(Driver.Serialization avatica) {
    this.avatica = avatica;
  }

  /** The same format as Avatica names it. */
  Driver.Serialization avatica() {
    return avatica;
  }

  /** The value of the thin driver's {@code serialization} URL parameter: {@code json} or {@code protobuf}. */
  public String urlValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
