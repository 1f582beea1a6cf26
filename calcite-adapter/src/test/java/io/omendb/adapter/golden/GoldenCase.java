package io.omendb.adapter.golden;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One case of a golden SQL file: a statement and what it must do, either succeed (optionally with an update count),
 * fail with a SQLSTATE (and optionally a message fragment), or return rows compared in order or sorted.
 *
 * @param file the file's name relative to the golden root, for reports
 * @param line the 1-based line of the case's header
 * @param kind what is expected
 * @param sql the statement
 * @param expectedState the SQLSTATE of an {@link Kind#ERROR} case, otherwise null
 * @param expectedMessage a fragment the error message must contain, or null
 * @param expectedCount the update count a {@link Kind#COUNT} case must report, otherwise -1
 * @param expectedRows the rows of a {@link Kind#QUERY} case, each formatted as in {@link GoldenValues}
 * @param rowSort whether a query's rows are compared after sorting both sides (no ORDER BY in the query)
 */
public record GoldenCase(String file, int line, Kind kind, String sql, String expectedState, String expectedMessage,
    long expectedCount, List<String> expectedRows, boolean rowSort) {

  /** What a case expects of its statement. */
  public enum Kind {
    /** {@code statement ok}: the statement succeeds; any rows it returns are read and ignored. */
    OK,
    /** {@code statement count N}: the statement succeeds and reports N rows changed. */
    COUNT,
    /** {@code statement error SQLSTATE [message fragment]}: the statement fails with that SQLSTATE. */
    ERROR,
    /** {@code query [rowsort]}: the statement returns exactly the rows after the {@code ----} line. */
    QUERY
  }

  public GoldenCase {
    requireNonNull(file, "file");
    requireNonNull(kind, "kind");
    requireNonNull(sql, "sql");
    expectedRows = List.copyOf(expectedRows);
  }

  /** A short name for the dynamic test: the file, the line and the statement's first line. */
  public String displayName() {
    String first = sql.lines().findFirst().orElse("");
    if (first.length() > 70) {
      first = first.substring(0, 67) + "...";
    }
    return file + ":" + line + " " + first;
  }
}
