package io.omendb.adapter.parser;

import java.nio.charset.Charset;
import org.apache.calcite.config.CalciteSystemProperty;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.NlsString;

/**
 * PostgreSQL's escape strings ({@code E'\n'}) are plain text, but Calcite types them in the UTF-16 character set,
 * which it finds not comparable with every other string (psql's {@code \dp} concatenates {@code attname ||
 * E':\n  '}). Such a literal whose text the default character set can hold becomes an ordinary string literal;
 * the others stay as they are. The error is raised by the return-type inference of {@code ||}, which implicit
 * type coercion never reaches, hence a rewrite of the parsed statement.
 */
public final class PgEscapeStrings extends SqlShuttle {
  private static final Charset DEFAULT_CHARSET = Charset.forName(CalciteSystemProperty.DEFAULT_CHARSET.value());

  private PgEscapeStrings() {
  }

  /** Rewrites the escape strings of a query or DML statement; other statements are returned as they are. */
  public static SqlNode apply(SqlNode node) {
    if (node == null || !(node.getKind().belongsTo(SqlKind.QUERY) || node.getKind().belongsTo(SqlKind.DML))) {
      return node;
    }
    return node.accept(new PgEscapeStrings());
  }

  @Override
  public SqlNode visit(SqlLiteral literal) {
    if (literal instanceof SqlCharStringLiteral string) {
      NlsString value = string.getValueAs(NlsString.class);
      Charset charset = value.getCharset();
      if (charset != null && !charset.equals(DEFAULT_CHARSET) && value.getCollation() == null
          && DEFAULT_CHARSET.newEncoder().canEncode(value.getValue())) {
        return SqlLiteral.createCharString(value.getValue(), literal.getParserPosition());
      }
    }
    return literal;
  }
}
