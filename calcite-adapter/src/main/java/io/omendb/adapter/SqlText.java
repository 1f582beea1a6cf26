package io.omendb.adapter;

/**
 * PostgreSQL's lexical elements that can hide a {@code ;} or a {@code $n} from a scan of statement text: quoted strings
 * ({@code '...'}, {@code E'...'}) and identifiers, comments (block comments nest), and dollar-quoted strings. Each
 * {@code skip} method takes the index of the element's first character and returns the index after it (the text's
 * length if it is unterminated).
 */
final class SqlText {
  private SqlText() {}

  /** Whether {@code c} may continue an unquoted identifier or keyword. */
  static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** Whether a {@code --} comment starts at {@code i}. */
  static boolean isLineComment(String sql, int i) {
    return sql.startsWith("--", i);
  }

  /** Whether a {@code /*} comment starts at {@code i}. */
  static boolean isBlockComment(String sql, int i) {
    return sql.startsWith("/*", i);
  }

  static int skipLineComment(String sql, int start) {
    int newline = sql.indexOf('\n', start);
    return newline < 0 ? sql.length() : newline + 1;
  }

  static int skipBlockComment(String sql, int start) {
    int depth = 0;
    int i = start;
    while (i < sql.length()) {
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
    return sql.length();
  }

  /**
   * Skips the string or identifier quoted by the character at {@code start}; doubled quotes stay inside, and in an
   * escape string ({@code E'...'}) so does a backslash-escaped quote.
   */
  static int skipQuoted(String sql, int start) {
    char quote = sql.charAt(start);
    boolean backslashEscapes = quote == '\'' && start > 0
        && (sql.charAt(start - 1) == 'E' || sql.charAt(start - 1) == 'e')
        && (start < 2 || !isIdentifierPart(sql.charAt(start - 2)));
    int i = start + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return sql.length();
  }

  /**
   * Skips a dollar-quoted string ({@code $$...$$}, {@code $tag$...$tag$}) starting at {@code start}; returns
   * {@code start + 1} if the {@code $} does not open one (a lone {@code $} or a parameter {@code $1}).
   */
  static int skipDollarQuoted(String sql, int start) {
    int tagEnd = start + 1;
    while (tagEnd < sql.length() && isIdentifierPart(sql.charAt(tagEnd))) {
      tagEnd++;
    }
    if (tagEnd >= sql.length() || sql.charAt(tagEnd) != '$'
        || (tagEnd > start + 1 && Character.isDigit(sql.charAt(start + 1)))) {
      return start + 1;
    }
    String tag = sql.substring(start, tagEnd + 1);
    int close = sql.indexOf(tag, tagEnd + 1);
    return close < 0 ? sql.length() : close + tag.length();
  }

  /** Whether {@code word} (any case) stands at {@code i}, not followed by more of an identifier. */
  static boolean wordAt(String sql, int i, String word) {
    return sql.regionMatches(true, i, word, 0, word.length())
        && (i + word.length() >= sql.length() || !isIdentifierPart(sql.charAt(i + word.length())));
  }

  /**
   * Where {@code word} (any case, as a whole word) next stands at or after {@code from} outside quotes, comments and
   * parentheses, or -1. {@code from} must itself be outside them: the statement's top level.
   */
  static int nextTopLevelWord(String sql, int from, String word) {
    int depth = 0;
    int i = from;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        i = skipQuoted(sql, i);
      } else if (isLineComment(sql, i)) {
        i = skipLineComment(sql, i);
      } else if (isBlockComment(sql, i)) {
        i = skipBlockComment(sql, i);
      } else if (c == '$') {
        i = skipDollarQuoted(sql, i);
      } else if (c == '(') {
        depth++;
        i++;
      } else if (c == ')') {
        depth--;
        i++;
      } else if (depth == 0 && wordAt(sql, i, word) && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)))) {
        return i;
      } else {
        i++;
      }
    }
    return -1;
  }
}
