package io.omendb.adapter.parser;

import java.io.Reader;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.util.SourceStringReader;

/**
 * The generated parser followed by the PostgreSQL rewrites that need a whole statement: {@link
 * PgFromFunctionAliases}. Every component parses through this parser's {@link #FACTORY}.
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
    return PgFromFunctionAliases.apply(super.parseSqlStmtEof());
  }

  @Override
  public SqlNodeList parseSqlStmtList() throws Exception {
    SqlNodeList statements = super.parseSqlStmtList();
    statements.forEach(PgFromFunctionAliases::apply);
    return statements;
  }
}
