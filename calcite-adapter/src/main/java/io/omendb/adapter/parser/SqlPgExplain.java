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
 * PostgreSQL's {@code EXPLAIN [ANALYZE] [VERBOSE] statement} or {@code EXPLAIN (option [, ...])
 * statement}, where the statement is a query or an INSERT, UPDATE, DELETE or MERGE.
 *
 * <p>Its kind is {@link SqlKind#OTHER}, not {@link SqlKind#EXPLAIN}: Calcite's own {@code EXPLAIN
 * PLAN FOR ...} still parses as {@code org.apache.calcite.sql.SqlExplain}, and code that handles
 * that node must not mistake this one for it. The accessors apply PostgreSQL's defaults to the
 * options the statement leaves out; {@link #options()} tells which were written. See {@link
 * ExplainOptions} for the option syntax and why formats other than text are rejected while
 * parsing.
 */
public final class SqlPgExplain extends SqlCall {

  private static final SqlOperator OPERATOR = new SqlSpecialOperator("EXPLAIN", SqlKind.OTHER);

  private final SqlNode statement;
  private final ExplainOptions options;

  private SqlPgExplain(SqlParserPos pos, SqlNode statement, ExplainOptions options) {
    super(pos);
    this.statement = requireNonNull(statement, "statement");
    this.options = requireNonNull(options, "options");
    if (!statement.isA(SqlKind.QUERY) && !statement.isA(SqlKind.DML)) {
      throw new IllegalArgumentException("EXPLAIN needs a query or DML statement: " + statement);
    }
  }

  /** Creates the statement; {@code statement} is a query or DML statement. */
  public static SqlPgExplain create(SqlParserPos pos, SqlNode statement, ExplainOptions options) {
    return new SqlPgExplain(pos, statement, options);
  }

  /** Returns the statement to explain: a query, or an INSERT, UPDATE, DELETE or MERGE. */
  public SqlNode statement() {
    return statement;
  }

  /** Returns the options as written; null components were not mentioned. */
  public ExplainOptions options() {
    return options;
  }

  /** Returns whether to run the statement and report what it actually did; default false. */
  public boolean analyze() {
    return Boolean.TRUE.equals(options.analyze());
  }

  /** Returns whether to report extra detail; default false. */
  public boolean verbose() {
    return Boolean.TRUE.equals(options.verbose());
  }

  /** Returns whether to report estimated costs and row counts; default true. */
  public boolean costs() {
    return !Boolean.FALSE.equals(options.costs());
  }

  /** Returns whether to report buffer usage; default false. */
  public boolean buffers() {
    return Boolean.TRUE.equals(options.buffers());
  }

  /** Returns whether to report actual times per plan node; defaults to {@link #analyze()}. */
  public boolean timing() {
    return options.timing() != null ? options.timing() : analyze();
  }

  /** Returns whether to report planning and execution totals; defaults to {@link #analyze()}. */
  public boolean summary() {
    return options.summary() != null ? options.summary() : analyze();
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(statement);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("EXPLAIN");
    options.unparse(writer);
    writer.newlineAndIndent();
    statement.unparse(writer, 0, 0);
  }
}
