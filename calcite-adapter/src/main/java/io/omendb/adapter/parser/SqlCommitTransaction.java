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
 * {@code COMMIT [WORK | TRANSACTION]} or its PostgreSQL synonym {@code END [WORK | TRANSACTION]}.
 *
 * <p>Its kind is {@link SqlKind#OTHER}, not {@link SqlKind#COMMIT}: Calcite counts
 * {@code COMMIT} as {@link SqlKind#DDL}.
 */
public final class SqlCommitTransaction extends SqlCall {

  private static final SqlOperator OPERATOR = new SqlSpecialOperator("COMMIT", SqlKind.OTHER);

  private SqlCommitTransaction(SqlParserPos pos) {
    super(pos);
  }

  public static SqlCommitTransaction create(SqlParserPos pos) {
    return new SqlCommitTransaction(pos);
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of();
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("COMMIT");
  }
}
