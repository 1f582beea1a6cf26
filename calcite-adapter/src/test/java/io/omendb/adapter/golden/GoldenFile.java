package io.omendb.adapter.golden;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a golden SQL file, a small dialect of sqllogictest.
 *
 * <p>Cases are separated by blank lines; lines starting with {@code #} outside a case are comments. Each case is a
 * header line followed by the statement (one or more lines):
 *
 * <pre>
 * statement ok
 * CREATE TABLE t (id INT PRIMARY KEY, name TEXT)
 *
 * statement count 2
 * INSERT INTO t VALUES (1, 'a'), (2, NULL)
 *
 * statement error 22012 division by zero
 * SELECT 1 / 0
 *
 * query
 * SELECT id, name FROM t ORDER BY id
 * ----
 * 1|a
 * 2|NULL
 * </pre>
 *
 * <p>A query's expected rows follow the {@code ----} line, one row per line with the columns separated by
 * {@code |}, formatted as PostgreSQL's text output (see {@link GoldenValues}). {@code query} compares the rows in
 * order; {@code query rowsort} sorts both sides first, for queries without ORDER BY. A query that returns no rows
 * ends right after its {@code ----} line.
 */
public final class GoldenFile {
  private static final String SEPARATOR = "----";

  private GoldenFile() {}

  /** The cases of {@code text}, the content of the file named {@code name}. */
  public static List<GoldenCase> parse(String name, String text) {
    requireNonNull(name, "name");
    List<String> lines = text.lines().toList();
    List<GoldenCase> cases = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        i++;
        continue;
      }
      int headerLine = i + 1;
      String[] header = line.split("\\s+", 3);
      i++;
      StringBuilder sql = new StringBuilder();
      while (i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).strip().equals(SEPARATOR)) {
        sql.append(sql.length() == 0 ? "" : "\n").append(lines.get(i));
        i++;
      }
      if (sql.length() == 0) {
        throw new IllegalArgumentException(name + ":" + headerLine + ": case without a statement");
      }
      String statement = sql.toString().strip();
      switch (header[0].toLowerCase(Locale.ROOT)) {
        case "statement" -> cases.add(statementCase(name, headerLine, header, statement));
        case "query" -> {
          if (i >= lines.size() || !lines.get(i).strip().equals(SEPARATOR)) {
            throw new IllegalArgumentException(name + ":" + headerLine + ": query without a ---- line");
          }
          i++;
          List<String> rows = new ArrayList<>();
          while (i < lines.size() && !lines.get(i).isBlank()) {
            rows.add(lines.get(i).strip());
            i++;
          }
          boolean rowSort = header.length > 1 && header[1].equalsIgnoreCase("rowsort");
          cases.add(new GoldenCase(name, headerLine, GoldenCase.Kind.QUERY, statement, null, null, -1, rows,
              rowSort));
        }
        default -> throw new IllegalArgumentException(name + ":" + headerLine + ": unknown case header " + line);
      }
    }
    return cases;
  }

  private static GoldenCase statementCase(String name, int line, String[] header, String sql) {
    String what = header.length > 1 ? header[1].toLowerCase(Locale.ROOT) : "";
    return switch (what) {
      case "ok" -> new GoldenCase(name, line, GoldenCase.Kind.OK, sql, null, null, -1, List.of(), false);
      case "count" -> new GoldenCase(name, line, GoldenCase.Kind.COUNT, sql, null, null,
          Long.parseLong(header[2].strip()), List.of(), false);
      case "error" -> {
        if (header.length < 3) {
          throw new IllegalArgumentException(name + ":" + line + ": statement error needs a SQLSTATE");
        }
        String[] state = header[2].split("\\s+", 2);
        yield new GoldenCase(name, line, GoldenCase.Kind.ERROR, sql, state[0], state.length > 1 ? state[1] : null,
            -1, List.of(), false);
      }
      default -> throw new IllegalArgumentException(name + ":" + line + ": expected statement ok|count|error");
    };
  }
}
