package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The functions SQL can call: Calcite's standard operators, its PostgreSQL library and {@link PgFunctions}, found
 * by name without regard to case, as PostgreSQL finds them (identifiers are folded to lower case, Calcite's library
 * names are upper case).
 */
final class PgOperatorTable implements SqlOperatorTable {
  /** The one instance; the table is immutable. */
  static final PgOperatorTable INSTANCE = new PgOperatorTable(
      SqlOperatorTables.chain(TimestampTzFunctions.table(), PgFunctions.table(), SequenceFunctions.table(),
          JsonFunctions.table()),
      SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.STANDARD, SqlLibrary.POSTGRESQL));

  private static final SqlNameMatcher CASE_INSENSITIVE = SqlNameMatchers.withCaseSensitive(false);

  private final SqlOperatorTable own;
  private final SqlOperatorTable library;

  private PgOperatorTable(SqlOperatorTable own, SqlOperatorTable library) {
    this.own = requireNonNull(own, "own");
    this.library = requireNonNull(library, "library");
  }

  @Override
  public void lookupOperatorOverloads(SqlIdentifier opName, @Nullable SqlFunctionCategory category, SqlSyntax syntax,
      List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
    // our own functions shadow the library's of the same name, whatever category the parser gave the call
    // (it parses date_trunc as BigQuery's)
    List<SqlOperator> found = new ArrayList<>();
    own.lookupOperatorOverloads(opName, null, syntax, found, CASE_INSENSITIVE);
    if (found.isEmpty()) {
      library.lookupOperatorOverloads(opName, category, syntax, found, CASE_INSENSITIVE);
    }
    for (SqlOperator operator : found) {
      if (!operatorList.contains(operator)) {
        operatorList.add(operator);
      }
    }
  }

  @Override
  public List<SqlOperator> getOperatorList() {
    List<SqlOperator> operators = new ArrayList<>(own.getOperatorList());
    operators.addAll(library.getOperatorList());
    return operators;
  }
}
