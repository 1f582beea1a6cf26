package io.omendb.pg.message;

/** The transaction status a {@link ReadyForQuery} reports, with the byte PostgreSQL sends for it. */
public enum TransactionIndicator {
  /** Idle: not in a transaction block. */
  IDLE((byte) 'I'),
  /** In a transaction block. */
  IN_TRANSACTION((byte) 'T'),
  /** In a failed transaction block: queries are rejected until the block ends. */
  FAILED((byte) 'E');

  private final byte code;

  TransactionIndicator(byte code) {
    this.code = code;
  }

  /** The status byte on the wire. */
  public byte code() {
    return code;
  }

  /** The indicator for a status byte, or null if the byte is not one. */
  public static TransactionIndicator fromCode(byte code) {
    for (TransactionIndicator indicator : values()) {
      if (indicator.code == code) {
        return indicator;
      }
    }
    return null;
  }
}
