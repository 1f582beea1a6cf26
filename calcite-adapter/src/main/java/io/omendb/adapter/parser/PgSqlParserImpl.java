package io.omendb.adapter.parser;

import java.io.Reader;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.util.SourceStringReader;

/**
 * The generated parser followed by the PostgreSQL rewrites that need a whole statement: {@link
 * PgFromFunctionAliases} and {@link PgContextVariables}. Every component parses through this parser's {@link #FACTORY}.
 */
public final class PgSqlParserImpl extends OmenSqlParserImpl {

  /** Creates parsers, as the generated parser's own factory does. */
  public static final SqlParserImplFactory FACTORY = new SqlParserImplFactory() {
    @Override
    public SqlAbstractParserImpl getParser(Reader reader) {
      PgSqlParserImpl parser = new PgSqlParserImpl(reader);
      if (reader instanceof SourceStringReader source) {
        String sql = source.getSourceString();
        parser.setOriginalSql(sql);
        parser.jj_input_stream.ReInit(reader, 1, 1, sql.length());
      }
      return parser;
    }
  };

  private PgSqlParserImpl(Reader reader) {
    super(reader);
  }

  @Override
  public SqlNode parseSqlStmtEof() throws Exception {
    return PgContextVariables.apply(PgFromFunctionAliases.apply(super.parseSqlStmtEof()));
  }

  @Override
  public SqlNodeList parseSqlStmtList() throws Exception {
    SqlNodeList parsed = super.parseSqlStmtList();
    SqlNodeList statements = new SqlNodeList(parsed.getParserPosition());
    parsed.forEach(statement -> statements.add(PgContextVariables.apply(PgFromFunctionAliases.apply(statement))));
    return statements;
  }
}
