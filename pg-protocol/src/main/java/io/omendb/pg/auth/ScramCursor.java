package io.omendb.pg.auth;

/** Reads the {@code attr=value,attr=value} text of a SCRAM message, failing with a protocol error on bad syntax. */
final class ScramCursor {
  private final String text;
  private int pos;

  ScramCursor(String text) {
    this.text = text;
  }

  boolean hasMore() {
    return pos < text.length();
  }

  /** The next character without consuming it, or NUL at the end. */
  char peek() {
    return hasMore() ? text.charAt(pos) : '\0';
  }

  char next() throws ScramException {
    if (!hasMore()) {
      throw ScramException.protocol("malformed SCRAM message (unexpected end of message)");
    }
    return text.charAt(pos++);
  }

  void expect(char c) throws ScramException {
    if (next() != c) {
      throw ScramException.protocol("malformed SCRAM message (expected character \"" + c + "\")");
    }
  }

  void expectComma() throws ScramException {
    expect(',');
  }

  /** Consumes {@code name=}. */
  void expectAttribute(char name) throws ScramException {
    if (readAttribute() != name) {
      throw ScramException.protocol("malformed SCRAM message (expected attribute \"" + name + "\")");
    }
  }

  /** Consumes a one-letter attribute name and its {@code =}. */
  char readAttribute() throws ScramException {
    char name = next();
    if (!(name >= 'a' && name <= 'z' || name >= 'A' && name <= 'Z')) {
      throw ScramException.protocol("malformed SCRAM message (attribute expected)");
    }
    expect('=');
    return name;
  }

  /** Everything up to the next comma or the end. */
  String readValue() {
    int end = text.indexOf(',', pos);
    if (end < 0) {
      end = text.length();
    }
    String value = text.substring(pos, end);
    pos = end;
    return value;
  }

  /** The text consumed so far. */
  String consumed() {
    return text.substring(0, pos);
  }

  /** The text not consumed yet. */
  String rest() {
    return text.substring(pos);
  }

  /** Whether every character is printable ASCII other than a comma, as RFC 5802 requires of a nonce. */
  static boolean isPrintable(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7E || c == ',') {
        return false;
      }
    }
    return true;
  }
}
