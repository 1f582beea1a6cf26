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

/**
 * {@code DROP INDEX [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. Its kind is {@link
 * SqlKind#DROP_INDEX}, one of {@link SqlKind#DDL}. {@code RESTRICT} is the default and is not
 * recorded; {@link #cascade()} tells whether {@code CASCADE} was written.
 */
public final class SqlDropIndex extends SqlDrop {

  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("DROP INDEX", SqlKind.DROP_INDEX);

  private final SqlNodeList names;
  private final boolean cascade;

  private SqlDropIndex(SqlParserPos pos, boolean ifExists, SqlNodeList names, boolean cascade) {
    super(OPERATOR, pos, ifExists);
    this.names = requireNonNull(names, "names");
    this.cascade = cascade;
    if (names.isEmpty()) {
      throw new IllegalArgumentException("DROP INDEX names at least one index");
    }
    for (SqlNode name : names) {
      if (!(name instanceof SqlIdentifier)) {
        throw new IllegalArgumentException("not an index name: " + name);
      }
    }
  }

  /** Creates the statement; {@code names} holds one identifier, possibly qualified, per index. */
  public static SqlDropIndex create(SqlParserPos pos, boolean ifExists, SqlNodeList names,
      boolean cascade) {
    return new SqlDropIndex(pos, ifExists, names, cascade);
  }

  /** Returns the names of the indexes to drop, in the order written. */
  public List<SqlIdentifier> names() {
    return names.stream().map(SqlIdentifier.class::cast).toList();
  }

  /** Returns whether the statement says {@code IF EXISTS}. */
  public boolean ifExists() {
    return ifExists;
  }

  /** Returns whether the statement says {@code CASCADE}. */
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
    writer.keyword("DROP INDEX");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    final SqlWriter.Frame frame = writer.startList("", "");
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
