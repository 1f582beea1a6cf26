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
 * {@code ROLLBACK [WORK | TRANSACTION]} or its PostgreSQL synonym {@code ABORT [WORK |
 * TRANSACTION]}. {@code ROLLBACK TO SAVEPOINT} is a {@link SqlSavepoint}.
 *
 * <p>Its kind is {@link SqlKind#OTHER}, not {@link SqlKind#ROLLBACK}: Calcite counts
 * {@code ROLLBACK} as {@link SqlKind#DDL}.
 */
public final class SqlRollbackTransaction extends SqlCall {

  private static final SqlOperator OPERATOR = new SqlSpecialOperator("ROLLBACK", SqlKind.OTHER);

  private SqlRollbackTransaction(SqlParserPos pos) {
    super(pos);
  }

  public static SqlRollbackTransaction create(SqlParserPos pos) {
    return new SqlRollbackTransaction(pos);
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of();
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ROLLBACK");
  }
}
