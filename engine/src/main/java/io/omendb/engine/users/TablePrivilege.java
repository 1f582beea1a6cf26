package io.omendb.engine.users;

/** A privilege on a table, with the letter PostgreSQL's {@code aclitem} text uses for it. */
public enum TablePrivilege {
  INSERT('a'),
  SELECT('r'),
  UPDATE('w'),
  DELETE('d'),
  TRUNCATE('D');

  private final char aclChar;

  TablePrivilege(char aclChar) {
    this.aclChar = aclChar;
  }

  /** The letter of this privilege in an {@code aclitem} ({@code r} for SELECT, {@code a} for INSERT, ...). */
  public char aclChar() {
    return aclChar;
  }
}
