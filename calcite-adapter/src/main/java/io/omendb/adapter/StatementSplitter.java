package io.omendb.adapter;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a query string into statements at top-level semicolons, as psql does: semicolons inside string literals
 * ({@code '...'}, {@code E'...'}), quoted identifiers, dollar-quoted strings, and comments do not split.
 */
final class StatementSplitter {
  private StatementSplitter() {}

  static List<String> split(String sql) {
    List<String> statements = new ArrayList<>();
    int start = 0;
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        i = SqlText.skipQuoted(sql, i);
      } else if (SqlText.isLineComment(sql, i)) {
        i = SqlText.skipLineComment(sql, i);
      } else if (SqlText.isBlockComment(sql, i)) {
        i = SqlText.skipBlockComment(sql, i);
      } else if (c == '$') {
        i = SqlText.skipDollarQuoted(sql, i);
      } else if (c == ';') {
        add(statements, sql.substring(start, i));
        start = ++i;
      } else {
        i++;
      }
    }
    add(statements, sql.substring(start));
    return statements;
  }

  private static void add(List<String> statements, String statement) {
    if (!isBlank(statement)) {
      statements.add(statement.strip());
    }
  }

  /** Whether the text holds nothing but whitespace and comments. */
  static boolean isBlank(String sql) {
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (SqlText.isLineComment(sql, i)) {
        i = SqlText.skipLineComment(sql, i);
      } else if (SqlText.isBlockComment(sql, i)) {
        i = SqlText.skipBlockComment(sql, i);
      } else {
        return false;
      }
    }
    return true;
  }
}
