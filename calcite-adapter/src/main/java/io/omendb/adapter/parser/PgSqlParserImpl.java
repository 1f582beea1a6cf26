package io.omendb.adapter.parser;

import java.io.Reader;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.util.SourceStringReader;

/**
 * The generated parser followed by the PostgreSQL rewrites that need a whole statement: {@link
 * PgFromFunctionAliases} always, and {@link PgContextVariables}, {@link PgEscapeStrings} and {@link
 * PgSetReturningFunctions} in the parsers of {@link #EXECUTION_FACTORY}, which
 * Calcite prepares statements with. {@link #FACTORY} leaves {@code USER} and {@code CURRENT_USER} as stock Calcite
 * parses them, so statements parsed only to be classified or unparsed again stay comparable with Calcite's trees.
 */
public final class PgSqlParserImpl extends OmenSqlParserImpl {

  /** Creates parsers that apply {@link PgFromFunctionAliases}, as the generated parser's own factory does. */
  public static final SqlParserImplFactory FACTORY = reader -> create(reader, false);

  /** Creates parsers that also turn {@code current_user} and the like into the session's functions. */
  public static final SqlParserImplFactory EXECUTION_FACTORY = reader -> create(reader, true);

  private final boolean sessionFunctions;

  private PgSqlParserImpl(Reader reader, boolean sessionFunctions) {
    super(reader);
    this.sessionFunctions = sessionFunctions;
  }

  private static SqlAbstractParserImpl create(Reader reader, boolean sessionFunctions) {
    PgSqlParserImpl parser = new PgSqlParserImpl(reader, sessionFunctions);
    if (reader instanceof SourceStringReader source) {
      String sql = source.getSourceString();
      parser.setOriginalSql(sql);
      parser.jj_input_stream.ReInit(reader, 1, 1, sql.length());
    }
    return parser;
  }

  private SqlNode rewrite(SqlNode statement) {
    SqlNode aliased = PgJsonLambdas.apply(PgFromFunctionAliases.apply(statement));
    if (!sessionFunctions) {
      return aliased;
    }
    return PgSetReturningFunctions.apply(PgEscapeStrings.apply(PgContextVariables.apply(aliased)));
  }

  @Override
  public SqlNode parseSqlStmtEof() throws Exception {
    return rewrite(super.parseSqlStmtEof());
  }

  @Override
  public SqlNodeList parseSqlStmtList() throws Exception {
    SqlNodeList parsed = super.parseSqlStmtList();
    SqlNodeList statements = new SqlNodeList(parsed.getParserPosition());
    parsed.forEach(statement -> statements.add(rewrite(statement)));
    return statements;
  }
}
