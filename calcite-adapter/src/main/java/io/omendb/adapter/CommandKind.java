package io.omendb.adapter;

/**
 * The kind of a statement, which decides the command tag a client sees ({@code INSERT 0 3}, {@code SELECT 2},
 * {@code CREATE TABLE}). Derived from the parsed statement, never by splitting SQL text.
 */
public enum CommandKind {
  SELECT("SELECT", true),
  INSERT("INSERT", true),
  UPDATE("UPDATE", true),
  DELETE("DELETE", true),
  TRUNCATE_TABLE("TRUNCATE TABLE", false),
  CREATE_TABLE("CREATE TABLE", false),
  DROP_TABLE("DROP TABLE", false),
  CREATE_INDEX("CREATE INDEX", false),
  DROP_INDEX("DROP INDEX", false),
  CREATE_SEQUENCE("CREATE SEQUENCE", false),
  ALTER_SEQUENCE("ALTER SEQUENCE", false),
  DROP_SEQUENCE("DROP SEQUENCE", false),
  CREATE_VIEW("CREATE VIEW", false),
  DROP_VIEW("DROP VIEW", false),
  ALTER_TABLE("ALTER TABLE", false),
  COMMENT("COMMENT", false),
  BEGIN("BEGIN", false),
  START_TRANSACTION("START TRANSACTION", false),
  COMMIT("COMMIT", false),
  ROLLBACK("ROLLBACK", false),
  SET("SET", false),
  RESET("RESET", false),
  SHOW("SHOW", false),
  DISCARD_ALL("DISCARD ALL", false),
  EXPLAIN("EXPLAIN", false),
  CREATE_ROLE("CREATE ROLE", false),
  ALTER_ROLE("ALTER ROLE", false),
  DROP_ROLE("DROP ROLE", false),
  GRANT("GRANT", false),
  REVOKE("REVOKE", false),
  COPY("COPY", true),
  CREATE_SCHEMA("CREATE SCHEMA", false),
  DROP_SCHEMA("DROP SCHEMA", false),
  ALTER_SCHEMA("ALTER SCHEMA", false),
  ALTER_VIEW("ALTER VIEW", false);

  private final String tag;
  private final boolean counted;

  CommandKind(String tag, boolean counted) {
    this.tag = tag;
    this.counted = counted;
  }

  /**
   * The PostgreSQL command tag for a statement of this kind that affected or returned {@code rows} rows.
   * INSERT carries the legacy OID field, always 0.
   */
  public String commandTag(long rows) {
    if (!counted) {
      return tag;
    }
    return this == INSERT ? "INSERT 0 " + rows : tag + " " + rows;
  }
}
