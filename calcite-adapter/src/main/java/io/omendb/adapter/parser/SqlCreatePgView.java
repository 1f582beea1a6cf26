package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code CREATE [OR REPLACE] VIEW name [(column, ...)] AS query}, of kind {@link SqlKind#CREATE_VIEW}. Unlike
 * Calcite's {@code SqlCreateView} it carries the query's text ({@link #queryText()}), rebuilt from the tokens the
 * parser read, which is what the catalog stores and parses again whenever the view is used.
 */
public final class SqlCreatePgView extends SqlCreate {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE VIEW", SqlKind.CREATE_VIEW);

  private final SqlIdentifier name;
  private final @Nullable SqlNodeList columns;
  private final SqlNode query;
  private final String queryText;

  SqlCreatePgView(SqlParserPos pos, boolean replace, SqlIdentifier name, @Nullable SqlNodeList columns,
      SqlNode query, String queryText) {
    super(OPERATOR, pos, replace, false);
    this.name = requireNonNull(name, "name");
    this.columns = columns;
    this.query = requireNonNull(query, "query");
    this.queryText = requireNonNull(queryText, "queryText");
  }

  /**
   * The text of the tokens from {@code first} to {@code last}: tokens written apart (by white space, line breaks or
   * comments) are separated by one space, tokens written together ({@code f(x)}, {@code a.b}, {@code x::int}) stay
   * together.
   */
  static String text(Token first, Token last) {
    StringBuilder text = new StringBuilder();
    Token previous = null;
    for (Token t = first; t != null; t = t.next) {
      if (previous != null
          && (t.beginLine != previous.endLine || t.beginColumn > previous.endColumn + 1)) {
        text.append(' ');
      }
      previous = t;
      text.append(t.image);
      if (t == last) {
        break;
      }
    }
    return text.toString();
  }

  public SqlIdentifier name() {
    return name;
  }

  /** The column names written after the view name; empty if none were. */
  public List<String> columnNames() {
    List<String> names = new ArrayList<>();
    if (columns != null) {
      for (SqlNode column : columns) {
        names.add(((SqlIdentifier) column).getSimple());
      }
    }
    return names;
  }

  public SqlNode query() {
    return query;
  }

  /** The query as text that the parser reads back into the same query. */
  public String queryText() {
    return queryText;
  }

  public boolean replace() {
    return getReplace();
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return columns == null ? List.of(name, query) : List.of(name, columns, query);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(getReplace() ? "CREATE OR REPLACE VIEW" : "CREATE VIEW");
    name.unparse(writer, 0, 0);
    if (columns != null) {
      SqlWriter.Frame frame = writer.startList("(", ")");
      for (SqlNode column : columns) {
        writer.sep(",");
        column.unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
    writer.keyword("AS");
    writer.newlineAndIndent();
    query.unparse(writer, 0, 0);
  }
}
