package io.omendb.adapter.golden;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs golden cases over a JDBC connection and fails with a readable message when the outcome differs from the
 * file. The same runner drives the embedded driver and pgjdbc against a real server.
 */
public final class GoldenRunner {
  private final Connection connection;
  private final boolean useText;

  /**
   * @param connection where the statements run, in autocommit mode
   * @param useText whether values are read with {@code getString} (the wire protocol's text, already PostgreSQL's
   *     format) rather than {@code getObject} and formatted here
   */
  public GoldenRunner(Connection connection, boolean useText) {
    this.connection = requireNonNull(connection, "connection");
    this.useText = useText;
  }

  /** Runs one case. */
  public void run(GoldenCase golden) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      switch (golden.kind()) {
        case OK -> execute(golden, statement);
        case COUNT -> {
          long count = execute(golden, statement);
          if (count != golden.expectedCount()) {
            throw failure(golden, "expected " + golden.expectedCount() + " rows changed but got " + count);
          }
        }
        case ERROR -> expectError(golden, statement);
        case QUERY -> expectRows(golden, statement);
      }
    }
  }

  /** Runs the statement, reading any rows; returns the update count (or rows read). */
  private static long execute(GoldenCase golden, Statement statement) throws SQLException {
    try {
      if (statement.execute(golden.sql())) {
        long rows = 0;
        try (ResultSet resultSet = statement.getResultSet()) {
          while (resultSet.next()) {
            rows++;
          }
        }
        return rows;
      }
      return statement.getLargeUpdateCount();
    } catch (SQLException e) {
      throw failure(golden, "expected success but got " + e.getSQLState() + ": " + e.getMessage(), e);
    }
  }

  private static void expectError(GoldenCase golden, Statement statement) throws SQLException {
    try {
      if (statement.execute(golden.sql())) {
        try (ResultSet resultSet = statement.getResultSet()) {
          while (resultSet.next()) {
            // errors may surface while rows are read
          }
        }
      }
    } catch (SQLException e) {
      if (!golden.expectedState().equals(e.getSQLState())) {
        throw failure(golden, "expected SQLSTATE " + golden.expectedState() + " but got " + e.getSQLState()
            + ": " + e.getMessage(), e);
      }
      if (golden.expectedMessage() != null && (e.getMessage() == null
          || !e.getMessage().contains(golden.expectedMessage()))) {
        throw failure(golden, "expected a message containing \"" + golden.expectedMessage() + "\" but got: "
            + e.getMessage(), e);
      }
      return;
    }
    throw failure(golden, "expected SQLSTATE " + golden.expectedState() + " but the statement succeeded");
  }

  private void expectRows(GoldenCase golden, Statement statement) throws SQLException {
    List<String> actual = new ArrayList<>();
    try (ResultSet resultSet = statement.executeQuery(golden.sql())) {
      while (resultSet.next()) {
        actual.add(GoldenValues.row(resultSet, useText));
      }
    } catch (SQLException e) {
      throw failure(golden, "expected rows but got " + e.getSQLState() + ": " + e.getMessage(), e);
    }
    List<String> expected = new ArrayList<>(golden.expectedRows());
    if (golden.rowSort()) {
      actual.sort(null);
      expected.sort(null);
    }
    if (!actual.equals(expected)) {
      throw failure(golden, "rows differ\nexpected:\n  " + String.join("\n  ", expected) + "\nactual:\n  "
          + String.join("\n  ", actual));
    }
  }

  private static AssertionError failure(GoldenCase golden, String message) {
    return new AssertionError(golden.file() + ":" + golden.line() + ": " + message + "\nstatement: " + golden.sql());
  }

  private static AssertionError failure(GoldenCase golden, String message, Throwable cause) {
    AssertionError error = failure(golden, message);
    error.initCause(cause);
    return error;
  }
}
