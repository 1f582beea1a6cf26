package io.omendb.adapter;

import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A logical INSERT, UPDATE or DELETE with what Calcite's LogicalTableModify cannot say: that its rows are the table
 * rows it wrote (the old rows for DELETE), the input of a {@code RETURNING} list, rather than a count; and an
 * INSERT's {@code ON CONFLICT} clause. {@link StoreRules#STORE_MODIFY} turns it into a {@link StoreTableModify}.
 */
final class LogicalStoreModify extends TableModify {
  private final boolean returning;
  private final @Nullable OnConflict conflict;

  private LogicalStoreModify(RelOptCluster cluster, RelTraitSet traitSet, RelOptTable table,
      Prepare.CatalogReader catalogReader, RelNode input, Operation operation,
      @Nullable List<String> updateColumnList, @Nullable List<RexNode> sourceExpressionList, boolean flattened,
      boolean returning, @Nullable OnConflict conflict) {
    super(cluster, traitSet, table, catalogReader, input, operation, updateColumnList, sourceExpressionList,
        flattened);
    this.returning = returning;
    this.conflict = conflict;
  }

  /** {@code modify} over {@code input}, returning rows or not, with an INSERT's conflict clause or none. */
  static LogicalStoreModify of(TableModify modify, RelNode input, boolean returning, @Nullable OnConflict conflict) {
    return new LogicalStoreModify(modify.getCluster(), modify.getTraitSet().replace(Convention.NONE),
        modify.getTable(), modify.getCatalogReader(), input, modify.getOperation(),
        modify.getUpdateColumnList(), modify.getSourceExpressionList(), modify.isFlattened(), returning, conflict);
  }

  /** The same modify, yielding its rows. */
  LogicalStoreModify returningRows() {
    return of(this, getInput(), true, conflict);
  }

  boolean returning() {
    return returning;
  }

  @Nullable OnConflict conflict() {
    return conflict;
  }

  @Override
  public RelDataType deriveRowType() {
    return returning ? getTable().getRowType() : super.deriveRowType();
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new LogicalStoreModify(getCluster(), traitSet, getTable(), getCatalogReader(), sole(inputs),
        getOperation(), getUpdateColumnList(), getSourceExpressionList(), isFlattened(), returning, conflict);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).itemIf("returning", true, returning).itemIf("conflict", conflict, conflict != null);
  }
}
