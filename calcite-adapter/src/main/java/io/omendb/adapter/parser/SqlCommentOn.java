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

/**
 * {@code COMMENT ON TABLE name | COLUMN table.column IS 'text' | NULL}: sets or (NULL) removes the description that
 * psql's {@code \d+} and {@code obj_description}/{@code col_description} show. Its kind is
 * {@link SqlKind#OTHER_DDL}.
 */
public final class SqlCommentOn extends SqlDdl {

  private static final SqlOperator OPERATOR = new SqlSpecialOperator("COMMENT", SqlKind.OTHER_DDL);

  private final boolean column;
  private final SqlIdentifier name;
  private final String text;

  private SqlCommentOn(SqlParserPos pos, boolean column, SqlIdentifier name, String text) {
    super(OPERATOR, pos);
    this.column = column;
    this.name = requireNonNull(name, "name");
    this.text = text;
  }

  public static SqlCommentOn create(SqlParserPos pos, boolean column, SqlIdentifier name, String text) {
    return new SqlCommentOn(pos, column, name, text);
  }

  /** Whether the comment is on a column ({@link #name()} is then {@code [schema.]table.column}). */
  public boolean column() {
    return column;
  }

  /** The commented table or column. */
  public SqlIdentifier name() {
    return name;
  }

  /** The comment, or null to remove it. */
  public String text() {
    return text;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("COMMENT ON");
    writer.keyword(column ? "COLUMN" : "TABLE");
    name.unparse(writer, 0, 0);
    writer.keyword("IS");
    writer.print(text == null ? "NULL" : "'" + text.replace("'", "''") + "'");
  }
}
