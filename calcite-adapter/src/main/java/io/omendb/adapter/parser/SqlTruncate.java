package io.omendb.adapter.parser;

import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code TRUNCATE [TABLE] [ONLY] name}: removes every row of a table. It runs as a {@code DELETE} without a
 * condition inside the statement's transaction, so unlike PostgreSQL's it is MVCC-safe and as slow as a delete;
 * the command tag is {@code TRUNCATE TABLE}.
 */
public final class SqlTruncate extends SqlDelete {

  private SqlTruncate(SqlParserPos pos, SqlIdentifier table) {
    super(pos, table, null, null, null);
  }

  public static SqlTruncate create(SqlParserPos pos, SqlIdentifier table) {
    return new SqlTruncate(pos, table);
  }
}
