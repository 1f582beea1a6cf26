package io.omendb.adapter.parser;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Gives PostgreSQL's session values their PostgreSQL meaning: Calcite answers {@code current_catalog} with an empty
 * string and {@code current_user} with "sa", so in queries and DML these unquoted words become calls of the
 * session's {@code pg_catalog} functions ({@code current_database()}, {@code current_user()}, ...).
 */
public final class PgContextVariables extends SqlShuttle {
  private static final Map<String, String> FUNCTIONS = Map.of(
      "current_catalog", "current_database",
      "current_user", "current_user",
      "session_user", "session_user",
      "user", "current_user",
      "current_role", "current_user",
      "current_schema", "current_schema");

  private PgContextVariables() {
  }

  /** Rewrites the context variables of a query or DML statement; other statements are returned as they are. */
  public static SqlNode apply(SqlNode node) {
    if (node == null || !(node.getKind().belongsTo(SqlKind.QUERY) || node.getKind().belongsTo(SqlKind.DML))) {
      return node;
    }
    return node.accept(new PgContextVariables());
  }

  @Override
  public SqlNode visit(SqlIdentifier id) {
    if (id.isSimple() && !id.isComponentQuoted(0)) {
      String function = FUNCTIONS.get(id.getSimple().toLowerCase(Locale.ROOT));
      if (function != null) {
        return call(function, id.getParserPosition());
      }
    }
    return id;
  }

  /**
   * A call of the session's {@code pg_catalog} function {@code function}, without arguments; the parser builds
   * {@code current_schema()} (written with parentheses, which Calcite's grammar does not take) with it.
   */
  public static SqlNode call(String function, SqlParserPos pos) {
    return new SqlUnresolvedFunction(new SqlIdentifier(List.of(PgInfixCast.PG_CATALOG, function), pos), null, null,
        null, null, SqlFunctionCategory.USER_DEFINED_FUNCTION).createCall(pos);
  }
}
