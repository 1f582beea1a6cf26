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

/** PostgreSQL's {@code DROP SCHEMA [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}, of kind {@link SqlKind#DROP_SCHEMA}. */
public final class SqlDropSchema extends SqlDrop {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("DROP SCHEMA", SqlKind.DROP_SCHEMA);

  private final SqlNodeList names;
  private final boolean cascade;

  SqlDropSchema(SqlParserPos pos, boolean ifExists, SqlNodeList names, boolean cascade) {
    super(OPERATOR, pos, ifExists);
    this.names = requireNonNull(names, "names");
    this.cascade = cascade;
  }

  /** The schema names, in the order written. */
  public List<String> names() {
    return names.stream().map(name -> ((SqlIdentifier) name).getSimple()).toList();
  }

  public boolean ifExists() {
    return ifExists;
  }

  public boolean cascade() {
    return cascade;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(names);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DROP SCHEMA");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    SqlWriter.Frame frame = writer.startList("", "");
    for (SqlNode name : names) {
      writer.sep(",");
      name.unparse(writer, 0, 0);
    }
    writer.endList(frame);
    if (cascade) {
      writer.keyword("CASCADE");
    }
  }
}
