package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code SHOW name}, {@code SHOW TIME ZONE}, {@code SHOW TRANSACTION ISOLATION LEVEL}, {@code
 * SHOW SESSION AUTHORIZATION} or {@code SHOW ALL}: reports a run-time parameter.
 */
public final class SqlShow extends SqlCall {

  private static final SqlOperator OPERATOR = new SqlSpecialOperator("SHOW", SqlKind.OTHER);

  private final SqlIdentifier name;

  private SqlShow(SqlParserPos pos, SqlIdentifier name) {
    super(pos);
    this.name = requireNonNull(name, "name");
  }

  /** Creates the statement; {@code name} is as {@link VariableNames} describes. */
  public static SqlShow create(SqlParserPos pos, SqlIdentifier name) {
    return new SqlShow(pos, name);
  }

  /**
   * Returns the parameter's name in lower case, dotted if qualified: {@code "timezone"} for
   * {@code TIME ZONE}, {@code "transaction_isolation"} for {@code TRANSACTION ISOLATION LEVEL},
   * {@code "all"} for {@code ALL}; see {@link VariableNames}.
   */
  public String name() {
    return VariableNames.toString(name);
  }

  /** Returns whether this is {@code SHOW ALL}. */
  public boolean isAll() {
    return VariableNames.ALL.equals(name());
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("SHOW");
    VariableNames.unparse(writer, name);
  }
}
