package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code ALTER SEQUENCE [IF EXISTS] name option ...}, of kind {@link SqlKind#ALTER_SEQUENCE}. */
public final class SqlAlterSequence extends SqlDdl {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("ALTER SEQUENCE", SqlKind.ALTER_SEQUENCE);

  private final boolean ifExists;
  private final SqlIdentifier name;
  private final SequenceOptions options;

  SqlAlterSequence(SqlParserPos pos, boolean ifExists, SqlIdentifier name, SequenceOptions options) {
    super(OPERATOR, pos);
    this.ifExists = ifExists;
    this.name = requireNonNull(name, "name");
    this.options = requireNonNull(options, "options");
  }

  public boolean ifExists() {
    return ifExists;
  }

  public SqlIdentifier name() {
    return name;
  }

  public SequenceOptions options() {
    return options;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER SEQUENCE");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, 0, 0);
    options.unparse(writer);
  }
}
