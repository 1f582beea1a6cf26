package io.omendb.adapter;

import io.omendb.engine.ConstraintViolationException;
import io.omendb.engine.catalog.CatalogException;
import io.omendb.engine.mvcc.ReadOnlyTransactionException;
import io.omendb.engine.mvcc.SerializationFailureException;
import io.omendb.engine.mvcc.TimeTravelException;
import io.omendb.engine.users.RoleException;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * Turns whatever a statement threw into a {@link SQLException} with PostgreSQL's SQLSTATE and wording. The one
 * place that knows the codes; the engine and Calcite report errors as typed exceptions.
 */
final class SqlErrors {
  private static final Pattern OBJECT_NOT_FOUND = Pattern.compile("(?:Object|Table) '([^']*)' not found.*");
  private static final Pattern COLUMN_NOT_FOUND = Pattern.compile("Column '([^']*)' not found.*");
  private static final Pattern COLUMN_AMBIGUOUS = Pattern.compile("Column '([^']*)' is ambiguous");
  private static final Pattern NOT_NULL_NO_DEFAULT =
      Pattern.compile("Column '([^']*)' has no default value and does not allow NULLs");
  private static final Pattern FUNCTION_NOT_FOUND = Pattern.compile("No match found for function signature (.*)");

  /** Calcite's complaint about a date, time or timestamp string it cannot read. */
  private static final Pattern INVALID_DATETIME = Pattern.compile("Invalid (DATE|TIME|TIMESTAMP) value, .*");
  /** What {@code java.util.UUID.fromString}, Calcite's cast to UUID, throws for text that is not a UUID. */
  private static final Pattern INVALID_UUID = Pattern.compile("Invalid UUID string: (.*)", Pattern.DOTALL);
  /** Calcite's complaints about operator and function arguments, which PostgreSQL reports as 42883. */
  private static final Pattern NO_OPERATOR = Pattern.compile(
      "(Cannot apply .* to arguments of type .*|Invalid number of arguments to function .*)", Pattern.DOTALL);
  /** What Calcite's generated code throws when a scalar subquery returns more than one row. */
  private static final String SINGLE_VALUE = "more than one value in agg SINGLE_VALUE";

  /** What Janino throws when a statement's generated code exceeds the JVM's method size limit. */
  private static final String CODE_TOO_LARGE = "Code grows beyond 64 KB";

  private SqlErrors() {}

  private static final String INVALID_CAST_CHARACTER = "Invalid character for cast: ";

  static SQLException toSqlException(Throwable thrown) {
    if (thrown instanceof SQLException sql && hasOwnState(sql)) {
      return sql;
    }
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof StackOverflowError) {
        // Whatever wrapped it (the parser reports it as a parse error), running out of stack is 54001.
        return new SQLException("statement is too complex (stack depth limit exceeded)", "54001", thrown);
      }
    }
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      SQLException mapped = mapOne(t);
      if (mapped != null) {
        mapped.initCause(thrown);
        return mapped;
      }
    }
    String message = thrown.getMessage() == null ? thrown.toString() : thrown.getMessage();
    return new SQLException(message, "XX000", thrown);
  }

  /** Whether an SQLException already carries a specific SQLSTATE (not Calcite's or Avatica's generic ones). */
  private static boolean hasOwnState(SQLException e) {
    String state = e.getSQLState();
    return state != null && state.length() == 5 && !state.equals("HY000") && !state.equals("XX000")
        && !state.equals("00000");
  }

  private static SQLException mapOne(Throwable t) {
    if (t instanceof SqlStateException e) {
      return new SQLException(e.getMessage(), e.sqlState());
    }
    if (t instanceof ConstraintViolationException e) {
      String state = e.kind() == ConstraintViolationException.Kind.UNIQUE ? "23505" : "23502";
      return new SQLException(e.detail() == null ? e.getMessage() : e.getMessage() + "\n  Detail: " + e.detail(),
          state);
    }
    if (t instanceof RoleException e) {
      String state = switch (e.kind()) {
        case UNDEFINED_ROLE -> "42704";
        case DUPLICATE_ROLE -> "42710";
        case DEPENDENT_OBJECTS -> "2BP01";
        case INVALID_GRANT -> "0LP01";
        case RESERVED_NAME -> "42939";
      };
      return new SQLException(e.getMessage(), state);
    }
    if (t instanceof SerializationFailureException e) {
      return new SQLException(e.getMessage(), "40001");
    }
    if (t instanceof TimeTravelException e) {
      return new SQLException(e.getMessage(),
          e.kind() == TimeTravelException.Kind.SNAPSHOT_TOO_OLD ? "72000" : "22023");
    }
    if (t instanceof ReadOnlyTransactionException e) {
      return new SQLException(e.getMessage(), "25006");
    }
    if (t instanceof CatalogException e) {
      String state = switch (e.kind()) {
        case UNDEFINED_TABLE -> "42P01";
        case DUPLICATE_TABLE -> "42P07";
        case DUPLICATE_COLUMN -> "42701";
        case INVALID_DEFINITION -> "42P16";
        case UNSUPPORTED -> "0A000";
        case UNDEFINED_COLUMN -> "42703";
        case UNDEFINED_OBJECT -> "42704";
        case UNDEFINED_SCHEMA -> "3F000";
        case DUPLICATE_SCHEMA -> "42P06";
        case DEPENDENT_OBJECTS -> "2BP01";
        case RESERVED_NAME -> "42939";
      };
      return new SQLException(e.getMessage(), state);
    }
    if (t instanceof SqlParseException e) {
      if (e.getCause() instanceof io.omendb.adapter.parser.PgInputException input) {
        return new SQLException(input.getMessage(), input.sqlState());
      }
      return new SQLException(firstLine(e.getMessage()), "42601");
    }
    if (t instanceof SqlValidatorException e) {
      return validation(e.getMessage());
    }
    if (t instanceof CalciteContextException e && !(e.getCause() instanceof SqlValidatorException)) {
      return validation(e.getMessage());
    }
    if (t instanceof ArithmeticException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("by zero")) {
        return new SQLException("division by zero", "22012");
      }
      return new SQLException(message, "22003");
    }
    if (t instanceof IllegalArgumentException e && String.valueOf(e.getMessage()).startsWith("Invalid UUID string")
        || t instanceof IllegalArgumentException && "UUID string too large".equals(t.getMessage())) {
      Matcher m = INVALID_UUID.matcher(String.valueOf(t.getMessage()));
      return new SQLException("invalid input syntax for type uuid" + (m.matches() ? ": \"" + m.group(1) + "\"" : ""),
          "22P02");
    }
    if (t instanceof NumberFormatException e) {
      return new SQLException("invalid input syntax: " + e.getMessage(), "22P02");
    }
    if (t instanceof org.apache.calcite.runtime.CalciteException
        && String.valueOf(t.getMessage()).startsWith(INVALID_CAST_CHARACTER)) {
      // Calcite's string-to-boolean cast: PostgreSQL's words were read while parsing (PgLiteralCasts)
      return new SQLException("invalid input syntax for type boolean: \""
          + t.getMessage().substring(INVALID_CAST_CHARACTER.length()) + "\"", "22P02");
    }
    if (t instanceof IllegalArgumentException e && INVALID_DATETIME.matcher(String.valueOf(e.getMessage())).matches()) {
      return new SQLException("invalid input syntax for type " + datetimeType(e.getMessage()), "22007");
    }
    if (t instanceof IllegalStateException e && String.valueOf(e.getMessage()).startsWith(SINGLE_VALUE)) {
      return new SQLException("more than one row returned by a subquery used as an expression", "21000");
    }
    if (t instanceof StackOverflowError) {
      return new SQLException("statement is too complex (stack depth limit exceeded)", "54001");
    }
    if (String.valueOf(t.getMessage()).startsWith(CODE_TOO_LARGE)) {
      return new SQLException("statement is too complex (its compiled form exceeds 64 KB)", "54000");
    }
    return null;
  }

  private static SQLException validation(String message) {
    Matcher m = OBJECT_NOT_FOUND.matcher(message);
    if (m.matches()) {
      return new SQLException("relation \"" + m.group(1) + "\" does not exist", "42P01");
    }
    m = COLUMN_NOT_FOUND.matcher(message);
    if (m.matches()) {
      return new SQLException("column \"" + m.group(1) + "\" does not exist", "42703");
    }
    m = COLUMN_AMBIGUOUS.matcher(message);
    if (m.matches()) {
      return new SQLException("column reference \"" + m.group(1) + "\" is ambiguous", "42702");
    }
    m = NOT_NULL_NO_DEFAULT.matcher(message);
    if (m.matches()) {
      return new SQLException("null value in column \"" + m.group(1) + "\" violates not-null constraint", "23502");
    }
    m = NO_OPERATOR.matcher(message);
    if (m.matches()) {
      return new SQLException(firstLine(message), "42883");
    }
    m = FUNCTION_NOT_FOUND.matcher(message);
    if (m.matches()) {
      return new SQLException("function " + m.group(1) + " does not exist", "42883");
    }
    if (message.startsWith("Cast function cannot convert value of type ")) {
      return new SQLException(message, "42846");
    }
    return new SQLException(message, "42000");
  }

  private static String datetimeType(String message) {
    Matcher m = INVALID_DATETIME.matcher(message);
    return m.matches() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : "timestamp";
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
