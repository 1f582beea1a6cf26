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
 * {@code SET [SESSION | LOCAL] TRANSACTION mode [, ...]}, which sets the modes of the current
 * transaction, or {@code SET SESSION CHARACTERISTICS AS TRANSACTION mode [, ...]}, which sets
 * the defaults for the session's later transactions ({@link #sessionDefault()}).
 */
public final class SqlSetTransaction extends SqlCall implements TransactionModeStatement {

  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("SET TRANSACTION", SqlKind.OTHER);

  private final TransactionModes modes;
  private final boolean sessionDefault;

  private SqlSetTransaction(SqlParserPos pos, TransactionModes modes, boolean sessionDefault) {
    super(pos);
    this.modes = requireNonNull(modes, "modes");
    if (modes.isEmpty()) {
      throw new IllegalArgumentException("SET TRANSACTION needs at least one mode");
    }
    this.sessionDefault = sessionDefault;
  }

  /**
   * Creates the statement.
   *
   * @param modes the modes; not empty
   * @param sessionDefault whether it was written {@code SET SESSION CHARACTERISTICS AS
   *     TRANSACTION}
   */
  public static SqlSetTransaction create(SqlParserPos pos, TransactionModes modes,
      boolean sessionDefault) {
    return new SqlSetTransaction(pos, modes, sessionDefault);
  }

  /** Returns the modes; never {@link TransactionModes#isEmpty() empty}. */
  @Override
  public TransactionModes modes() {
    return modes;
  }




  /**
   * Returns whether the statement sets the session's defaults ({@code SET SESSION
   * CHARACTERISTICS AS TRANSACTION}) rather than the current transaction's modes.
   */
  public boolean sessionDefault() {
    return sessionDefault;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of();
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(sessionDefault ? "SET SESSION CHARACTERISTICS AS TRANSACTION"
        : "SET TRANSACTION");
    modes.unparse(writer);
  }
}
