package io.omendb.adapter.parser;

/** A transaction isolation level as PostgreSQL names it, weakest first. */
public enum IsolationLevel {
  READ_UNCOMMITTED("read uncommitted"),
  READ_COMMITTED("read committed"),
  REPEATABLE_READ("repeatable read"),
  SERIALIZABLE("serializable");

  private final String sqlName;

  IsolationLevel(String sqlName) {
    this.sqlName = sqlName;
  }

  /**
   * Returns the name PostgreSQL uses for this level, in lower case, as {@code SHOW
   * transaction_isolation} prints it (for example {@code "repeatable read"}).
   */
  public String sqlName() {
    return sqlName;
  }
}
