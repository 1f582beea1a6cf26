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
      if (c == '\'' || c == '"') {
        i = SqlText.skipQuoted(sql, i);
      } else if (SqlText.isLineComment(sql, i)) {
        i = SqlText.skipLineComment(sql, i);
      } else if (SqlText.isBlockComment(sql, i)) {
        i = SqlText.skipBlockComment(sql, i);
      } else if (c == '$' && (i == 0 || !SqlText.isIdentifierPart(sql.charAt(i - 1)))) {
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
          i = SqlText.skipDollarQuoted(sql, i);
        }
      } else if (SqlText.isIdentifierPart(c)) {
        // An identifier or keyword, which may itself contain '$' (never a placeholder there).
        while (i < n && (SqlText.isIdentifierPart(sql.charAt(i)) || sql.charAt(i) == '$')) {
          i++;
        }
      } else {
        i++;
      }
    }
    return new Placeholders(sql, starts, ends, parameters);
  }
}
