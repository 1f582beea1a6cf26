package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Finds PostgreSQL's {@code $n} placeholders in a statement, skipping string literals ({@code '...'},
 * {@code E'...'}, {@code $tag$...$tag$}), quoted identifiers and comments, so that they can be replaced by the
 * {@code ?} dynamic parameters Calcite understands. A placeholder may repeat and appear in any order; each
 * occurrence becomes its own {@code ?}, bound to the value of its {@code $n}.
 */
final class PlaceholderRewriter {
  /** PostgreSQL's limit on the number of parameters of one statement. */
  static final int MAX_PARAMETERS = 65_535;

  /**
   * A statement's placeholders.
   *
   * @param sql the original text
   * @param starts where each placeholder occurrence starts, in text order
   * @param ends where each occurrence ends (exclusive)
   * @param parameters the 0-based parameter each occurrence refers to ({@code $1} is 0)
   */
  record Placeholders(String sql, List<Integer> starts, List<Integer> ends, List<Integer> parameters) {
    Placeholders {
      requireNonNull(sql, "sql");
      starts = List.copyOf(starts);
      ends = List.copyOf(ends);
      parameters = List.copyOf(parameters);
    }

    /** The number of parameters: the highest {@code $n}, or 0 without placeholders. */
    int parameterCount() {
      return parameters.stream().mapToInt(p -> p + 1).max().orElse(0);
    }

    /** The text with each occurrence replaced by {@code replacement.apply(parameter)}. */
    String rewrite(IntFunction<String> replacement) {
      StringBuilder out = new StringBuilder(sql.length());
      int from = 0;
      for (int i = 0; i < starts.size(); i++) {
        out.append(sql, from, starts.get(i)).append(replacement.apply(parameters.get(i)));
        from = ends.get(i);
      }
      return out.append(sql, from, sql.length()).toString();
    }
  }

  private PlaceholderRewriter() {}

  /**
   * The placeholders of {@code sql}.
   *
   * @throws SqlStateException 42P02 for {@code $0} or a number beyond {@link #MAX_PARAMETERS}
   */
  static Placeholders find(String sql) {
    List<Integer> starts = new ArrayList<>();
    List<Integer> ends = new ArrayList<>();
    List<Integer> parameters = new ArrayList<>();
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'') {
        boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
            && (i < 2 || !isIdentifierPart(sql.charAt(i - 2)));
        i = skipQuoted(sql, i, '\'', escapes);
      } else if (c == '"') {
        i = skipQuoted(sql, i, '"', false);
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int newline = sql.indexOf('\n', i);
        i = newline < 0 ? n : newline + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        i = skipBlockComment(sql, i);
      } else if (c == '$' && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)))) {
        int end = i + 1;
        while (end < n && Character.isDigit(sql.charAt(end))) {
          end++;
        }
        if (end > i + 1) {
          long number = Long.parseLong(sql.substring(i + 1, Math.min(end, i + 12)));
          if (number < 1 || number > MAX_PARAMETERS) {
            throw new SqlStateException("42P02", "there is no parameter $" + sql.substring(i + 1, end));
          }
          starts.add(i);
          ends.add(end);
          parameters.add((int) number - 1);
          i = end;
        } else {
          i = skipDollarQuoted(sql, i);
        }
      } else if (isIdentifierPart(c)) {
        // An identifier or keyword, which may itself contain '$' (never a placeholder there).
        while (i < n && (isIdentifierPart(sql.charAt(i)) || sql.charAt(i) == '$')) {
          i++;
        }
      } else {
        i++;
      }
    }
    return new Placeholders(sql, starts, ends, parameters);
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** The index after a quoted string or identifier starting at {@code start}; doubled quotes stay inside. */
  private static int skipQuoted(String sql, int start, char quote, boolean backslashEscapes) {
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

  /** The index after a block comment starting at {@code start}; comments nest, as in PostgreSQL. */
  private static int skipBlockComment(String sql, int start) {
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

  /** The index after a dollar-quoted string ({@code $$...$$}, {@code $tag$...$tag$}), or after a lone '$'. */
  private static int skipDollarQuoted(String sql, int start) {
    int tagEnd = start + 1;
    while (tagEnd < sql.length() && (isIdentifierPart(sql.charAt(tagEnd)))) {
      tagEnd++;
    }
    if (tagEnd >= sql.length() || sql.charAt(tagEnd) != '$') {
      return start + 1;
    }
    String tag = sql.substring(start, tagEnd + 1);
    int close = sql.indexOf(tag, tagEnd + 1);
    return close < 0 ? sql.length() : close + tag.length();
  }
}
