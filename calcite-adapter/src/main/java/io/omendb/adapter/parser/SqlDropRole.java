package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP USER | ROLE [IF EXISTS] name [, ...]}. Its kind is {@link SqlKind#OTHER_DDL}. */
public final class SqlDropRole extends SqlDrop {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("DROP ROLE", SqlKind.OTHER_DDL);

  private final SqlNodeList names;

  private SqlDropRole(SqlParserPos pos, boolean ifExists, SqlNodeList names) {
    super(OPERATOR, pos, ifExists);
    this.names = requireNonNull(names, "names");
  }

  public static SqlDropRole create(SqlParserPos pos, boolean ifExists, SqlNodeList names) {
    return new SqlDropRole(pos, ifExists, names);
  }

  /** The roles to drop, in the order written. */
  public List<String> names() {
    return names.stream().map(n -> ((SqlIdentifier) n).getSimple()).toList();
  }

  public boolean ifExists() {
    return ifExists;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(names);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DROP ROLE");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    names.unparse(writer, 0, 0);
  }
}
