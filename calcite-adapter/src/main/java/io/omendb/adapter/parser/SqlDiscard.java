package io.omendb.adapter.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code DISCARD ALL}: resets the session to its initial state, as connection pools do when a
 * connection is returned. PostgreSQL's narrower forms ({@code DISCARD PLANS}, {@code SEQUENCES},
 * {@code TEMP}) are not accepted.
 */
public final class SqlDiscard extends SqlCall {

  private static final SqlOperator OPERATOR = new SqlSpecialOperator("DISCARD", SqlKind.OTHER);

  private SqlDiscard(SqlParserPos pos) {
    super(pos);
  }

  public static SqlDiscard create(SqlParserPos pos) {
    return new SqlDiscard(pos);
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of();
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DISCARD ALL");
  }
}
