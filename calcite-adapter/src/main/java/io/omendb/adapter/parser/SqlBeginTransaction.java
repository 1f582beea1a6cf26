package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code BEGIN [WORK | TRANSACTION] [mode [, ...]]} or {@code START TRANSACTION [mode [, ...]]}:
 * opens a transaction block.
 *
 * <p>Its kind is {@link SqlKind#OTHER}, like every session statement of this package, so that it
 * is in none of {@link SqlKind#DDL}, {@link SqlKind#DML} or {@link SqlKind#QUERY}; dispatch on
 * the class.
 */
public final class SqlBeginTransaction extends SqlCall implements TransactionModeStatement {

  private static final SqlOperator OPERATOR = new SqlSpecialOperator("BEGIN", SqlKind.OTHER);

  private final TransactionModes modes;
  private final boolean startTransaction;

  private SqlBeginTransaction(SqlParserPos pos, TransactionModes modes, boolean startTransaction) {
    super(pos);
    this.modes = requireNonNull(modes, "modes");
    this.startTransaction = startTransaction;
  }

  /**
   * Creates the statement.
   *
   * @param startTransaction whether it was written {@code START TRANSACTION} rather than
   *     {@code BEGIN}
   */
  public static SqlBeginTransaction create(SqlParserPos pos, TransactionModes modes,
      boolean startTransaction) {
    return new SqlBeginTransaction(pos, modes, startTransaction);
  }

  /** Returns the transaction modes; {@link TransactionModes#isEmpty() empty} if none. */
  @Override
  public TransactionModes modes() {
    return modes;
  }




  /**
   * Returns whether the statement was written {@code START TRANSACTION}; PostgreSQL answers it
   * with the command tag {@code START TRANSACTION} instead of {@code BEGIN}.
   */
  public boolean startTransaction() {
    return startTransaction;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of();
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(startTransaction ? "START TRANSACTION" : "BEGIN");
    modes.unparse(writer);
  }
}
