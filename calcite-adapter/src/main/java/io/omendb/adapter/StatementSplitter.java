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
        i = skipQuoted(sql, i, c);
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        i = skipBlockComment(sql, i);
      } else if (c == '$') {
        i = skipDollarQuoted(sql, i);
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
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        i = skipBlockComment(sql, i);
      } else {
        return false;
      }
    }
    return true;
  }

  private static int skipQuoted(String sql, int i, char quote) {
    int n = sql.length();
    i++;
    while (i < n) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < n && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      if (sql.charAt(i) == '\\' && quote == '\'' && isEscapeString(sql, i)) {
        i += 2;
        continue;
      }
      i++;
    }
    return n;
  }

  private static boolean isEscapeString(String sql, int backslash) {
    int open = sql.lastIndexOf('\'', backslash);
    return open > 0 && (sql.charAt(open - 1) == 'E' || sql.charAt(open - 1) == 'e');
  }

  private static int skipBlockComment(String sql, int i) {
    int depth = 0;
    int n = sql.length();
    while (i < n) {
      if (sql.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (sql.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return n;
  }

  private static int skipDollarQuoted(String sql, int i) {
    int n = sql.length();
    int j = i + 1;
    while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
      j++;
    }
    if (j >= n || sql.charAt(j) != '$' || (j > i + 1 && Character.isDigit(sql.charAt(i + 1)))) {
      return i + 1;
    }
    String tag = sql.substring(i, j + 1);
    int end = sql.indexOf(tag, j + 1);
    return end < 0 ? n : end + tag.length();
  }
}
