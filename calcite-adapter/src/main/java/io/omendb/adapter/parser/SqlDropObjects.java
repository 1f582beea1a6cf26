package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code DROP SEQUENCE | VIEW [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}, of kind {@link SqlKind#DROP_SEQUENCE}
 * or {@link SqlKind#DROP_VIEW}.
 */
public final class SqlDropObjects extends SqlDrop {
  private static final SqlOperator DROP_SEQUENCE = new SqlSpecialOperator("DROP SEQUENCE", SqlKind.DROP_SEQUENCE);
  private static final SqlOperator DROP_VIEW = new SqlSpecialOperator("DROP VIEW", SqlKind.DROP_VIEW);

  private final SqlOperator operator;
  private final SqlNodeList names;
  private final boolean cascade;

  SqlDropObjects(SqlParserPos pos, SqlKind kind, boolean ifExists, SqlNodeList names, boolean cascade) {
    super(kind == SqlKind.DROP_VIEW ? DROP_VIEW : DROP_SEQUENCE, pos, ifExists);
    if (kind != SqlKind.DROP_VIEW && kind != SqlKind.DROP_SEQUENCE) {
      throw new IllegalArgumentException("not a DROP SEQUENCE or DROP VIEW: " + kind);
    }
    this.operator = kind == SqlKind.DROP_VIEW ? DROP_VIEW : DROP_SEQUENCE;
    this.names = requireNonNull(names, "names");
    this.cascade = cascade;
  }

  /** The names, in the order written. */
  public List<SqlIdentifier> names() {
    return names.stream().map(SqlIdentifier.class::cast).toList();
  }

  public boolean ifExists() {
    return ifExists;
  }

  public boolean cascade() {
    return cascade;
  }

  @Override public SqlOperator getOperator() {
    return operator;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(names);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(operator.getName().toUpperCase(Locale.ROOT));
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
