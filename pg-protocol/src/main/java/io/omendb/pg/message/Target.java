package io.omendb.pg.message;

/** What a {@link Describe} or {@link Close} addresses, with the byte the client sends for it. */
public enum Target {
  /** A prepared statement, created by {@link Parse}. */
  STATEMENT((byte) 'S'),
  /** A portal, created by {@link Bind}. */
  PORTAL((byte) 'P');

  private final byte code;

  Target(byte code) {
    this.code = code;
  }

  /** The byte on the wire. */
  public byte code() {
    return code;
  }

  /** The target for a byte, or null if the byte is not one. */
  public static Target fromCode(byte code) {
    for (Target target : values()) {
      if (target.code == code) {
        return target;
      }
    }
    return null;
  }
}
