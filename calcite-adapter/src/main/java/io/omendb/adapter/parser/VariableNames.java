package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The names of run-time parameters as {@link SqlShow} and {@link SqlSetVariable} report them:
 * lower case (PostgreSQL matches parameter names case-insensitively, quoted or not), parts of a
 * dotted name joined by {@code "."}, and the special syntax of {@code SHOW}, {@code SET} and
 * {@code RESET} mapped to the parameter it stands for.
 */
public final class VariableNames {

  /** {@code SHOW ALL} and {@code RESET ALL}. */
  public static final String ALL = "all";

  /** The parameter {@code TIME ZONE} stands for. */
  public static final String TIME_ZONE = "timezone";

  /** The parameter {@code TRANSACTION ISOLATION LEVEL} stands for. */
  public static final String TRANSACTION_ISOLATION = "transaction_isolation";

  /** The parameter {@code SESSION AUTHORIZATION} stands for. */
  public static final String SESSION_AUTHORIZATION = "session_authorization";

  private VariableNames() {
  }

  /** Returns the identifier of a parameter whose name is written in the given parts. */
  static SqlIdentifier of(List<String> parts, SqlParserPos pos) {
    requireNonNull(pos, "pos");
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a parameter name has at least one part");
    }
    return new SqlIdentifier(
        parts.stream().map(part -> part.toLowerCase(Locale.ROOT)).toList(), pos);
  }

  /** Returns the identifier of a parameter with a one-part name. */
  static SqlIdentifier of(String name, SqlParserPos pos) {
    return of(List.of(name), pos);
  }

  /** Returns a parameter's name as a string. */
  static String toString(SqlIdentifier name) {
    return String.join(".", name.names);
  }

  /** Writes a parameter name; {@link #ALL} as the keyword. */
  static void unparse(SqlWriter writer, SqlIdentifier name) {
    if (ALL.equals(toString(name))) {
      writer.keyword("ALL");
    } else {
      name.unparse(writer, 0, 0);
    }
  }
}
