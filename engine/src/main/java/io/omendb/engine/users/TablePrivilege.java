package io.omendb.engine.users;

/**
 * A privilege on a table, with the letter PostgreSQL's {@code aclitem} text uses for it, in PostgreSQL's order.
 * REFERENCES and TRIGGER are recorded (an owner holds them, GRANT ALL grants them) but guard nothing yet: there are
 * no foreign keys or triggers.
 */
public enum TablePrivilege {
  INSERT('a'),
  SELECT('r'),
  UPDATE('w'),
  DELETE('d'),
  TRUNCATE('D'),
  REFERENCES('x'),
  TRIGGER('t');

  private final char aclChar;

  TablePrivilege(char aclChar) {
    this.aclChar = aclChar;
  }

  /** The letter of this privilege in an {@code aclitem} ({@code r} for SELECT, {@code a} for INSERT, ...). */
  public char aclChar() {
    return aclChar;
  }
}
