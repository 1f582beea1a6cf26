package io.omendb.adapter.parser;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/** The parser configuration every OmenDB component parses SQL with: PostgreSQL identifier rules. */
public final class OmenParserConfig {

  private OmenParserConfig() {
  }

  /**
   * Returns a parser configuration that uses {@link PgSqlParserImpl}, double-quoted
   * identifiers, folds unquoted identifiers to lower case, keeps quoted identifiers as written,
   * matches names case-sensitively, and accepts Calcite's LENIENT conformance (BABEL would resolve select-list aliases inside the select list, which PostgreSQL does not).
   */
  public static SqlParser.Config config() {
    return SqlParser.config()
        .withParserFactory(PgSqlParserImpl.FACTORY)
        .withQuoting(Quoting.DOUBLE_QUOTE)
        .withUnquotedCasing(Casing.TO_LOWER)
        .withQuotedCasing(Casing.UNCHANGED)
        .withCaseSensitive(true)
        .withConformance(SqlConformanceEnum.LENIENT);
  }
}
