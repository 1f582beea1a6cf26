package io.omendb.pg.codec;

/** The field codes inside ErrorResponse and NoticeResponse bodies that this server writes and reads. */
enum ErrorField {
  SEVERITY('S'),
  /** The severity, never localized; PostgreSQL 9.6 and later send it next to {@link #SEVERITY}. */
  SEVERITY_NONLOCALIZED('V'),
  CODE('C'),
  MESSAGE('M'),
  DETAIL('D'),
  HINT('H'),
  POSITION('P');

  /** Ends the list of fields. */
  static final byte TERMINATOR = 0;

  private final byte code;

  ErrorField(char code) {
    this.code = (byte) code;
  }

  byte code() {
    return code;
  }

  /** The field for a code, or null for codes this server ignores (file, line, routine, ...). */
  static ErrorField fromCode(byte code) {
    for (ErrorField field : values()) {
      if (field.code == code) {
        return field;
      }
    }
    return null;
  }
}
