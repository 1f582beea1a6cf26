package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL's regular-expression match operators, which exist only while parsing: {@code a ~ b} becomes a call
 * of {@code pg_catalog.textregexeq(a, b)} (and {@code ~*}, {@code !~}, {@code !~*} of PostgreSQL's other three
 * functions). Calcite's own POSIX operators rewrite words such as "alpha" or "digit" inside a pattern into
 * character classes, so patterns like {@code '^(alphabet)$'} would match the wrong rows.
 */
public final class PgRegexMatch extends SqlBinaryOperator {
  public static final PgRegexMatch MATCH = new PgRegexMatch("~", "textregexeq");
  public static final PgRegexMatch MATCH_INSENSITIVE = new PgRegexMatch("~*", "texticregexeq");
  public static final PgRegexMatch NOT_MATCH = new PgRegexMatch("!~", "textregexne");
  public static final PgRegexMatch NOT_MATCH_INSENSITIVE = new PgRegexMatch("!~*", "texticregexne");

  private final String function;

  private PgRegexMatch(String name, String function) {
    // the precedence of LIKE, as in PostgreSQL
    super(name, SqlKind.OTHER, 32, true, null, InferTypes.FIRST_KNOWN, null);
    this.function = function;
  }

  @Override
  public SqlCall createCall(@Nullable SqlLiteral functionQualifier, SqlParserPos pos,
      @Nullable SqlNode... operands) {
    requireNonNull(operands, "operands");
    return new SqlUnresolvedFunction(new SqlIdentifier(List.of(PgInfixCast.PG_CATALOG, function), pos), null, null,
        null, null, SqlFunctionCategory.USER_DEFINED_FUNCTION).createCall(pos, operands);
  }
}
