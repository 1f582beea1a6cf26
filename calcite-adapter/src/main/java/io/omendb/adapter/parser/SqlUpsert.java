package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlVisitor;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code INSERT ... ON CONFLICT [(columns) | ON CONSTRAINT name] DO NOTHING | DO UPDATE SET column = value, ...
 * [WHERE condition]}: an INSERT (validated as one) carrying its conflict clause, which the adapter resolves against
 * the table's primary key and unique indexes and plans.
 */
public final class SqlUpsert extends SqlInsert {
  private final @Nullable SqlNodeList targetColumns;
  private final @Nullable SqlIdentifier constraint;
  private final @Nullable SqlNodeList updateColumns;
  private final SqlNodeList updateValues;
  private final @Nullable SqlNode condition;

  private SqlUpsert(SqlParserPos pos, SqlInsert insert, @Nullable SqlNodeList targetColumns,
      @Nullable SqlIdentifier constraint, @Nullable SqlNodeList updateColumns, SqlNodeList updateValues,
      @Nullable SqlNode condition) {
    super(pos, (SqlNodeList) insert.getOperandList().get(0), insert.getTargetTable(), insert.getSource(),
        insert.getTargetColumnList());
    this.targetColumns = targetColumns;
    this.constraint = constraint;
    this.updateColumns = updateColumns;
    this.updateValues = requireNonNull(updateValues, "updateValues");
    this.condition = condition;
  }

  /**
   * {@code insert} with its conflict clause: a target (column list, constraint name or neither), and for DO UPDATE
   * the assigned columns (null for DO NOTHING) with their values and an optional condition.
   */
  public static SqlUpsert create(SqlParserPos pos, SqlInsert insert, @Nullable SqlNodeList targetColumns,
      @Nullable SqlIdentifier constraint, @Nullable SqlNodeList updateColumns, SqlNodeList updateValues,
      @Nullable SqlNode condition) {
    return new SqlUpsert(pos, requireNonNull(insert, "insert"), targetColumns, constraint, updateColumns,
        updateValues, condition);
  }

  /** The conflict target's columns, or null. */
  public @Nullable SqlNodeList targetColumns() {
    return targetColumns;
  }

  /** The conflict target's constraint name ({@code ON CONSTRAINT name}), or null. */
  public @Nullable SqlIdentifier constraint() {
    return constraint;
  }

  /** Whether the action is DO UPDATE (else DO NOTHING). */
  public boolean doUpdate() {
    return updateColumns != null;
  }

  /** The columns DO UPDATE assigns; empty for DO NOTHING. */
  public SqlNodeList updateColumns() {
    return updateColumns == null ? SqlNodeList.EMPTY : updateColumns;
  }

  /** The values DO UPDATE assigns, one per column; empty for DO NOTHING. */
  public SqlNodeList updateValues() {
    return updateValues;
  }

  /** DO UPDATE's WHERE condition, or null. */
  public @Nullable SqlNode condition() {
    return condition;
  }

  /**
   * Visits the INSERT, then the conflict clause, so that visitors collecting dynamic parameters (the validator's
   * parameter row type) see all of them in the order they were written.
   */
  @Override
  public <R> R accept(SqlVisitor<R> visitor) {
    R result = super.accept(visitor);
    updateValues.accept(visitor);
    if (condition != null) {
      condition.accept(visitor);
    }
    return result;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    super.unparse(writer, leftPrec, rightPrec);
    writer.keyword("ON CONFLICT");
    if (targetColumns != null) {
      targetColumns.unparse(writer, 0, 0);
    } else if (constraint != null) {
      writer.keyword("ON CONSTRAINT");
      constraint.unparse(writer, 0, 0);
    }
    if (updateColumns == null) {
      writer.keyword("DO NOTHING");
      return;
    }
    writer.keyword("DO UPDATE SET");
    for (int i = 0; i < updateColumns.size(); i++) {
      writer.sep(",");
      updateColumns.get(i).unparse(writer, 0, 0);
      writer.keyword("=");
      updateValues.get(i).unparse(writer, 0, 0);
    }
    if (condition != null) {
      writer.keyword("WHERE");
      condition.unparse(writer, 0, 0);
    }
  }
}
