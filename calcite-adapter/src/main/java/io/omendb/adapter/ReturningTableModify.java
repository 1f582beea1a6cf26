package io.omendb.adapter;

import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A logical INSERT, UPDATE or DELETE whose rows are the table rows it wrote (the old rows for DELETE) rather than a
 * count: the input of a {@code RETURNING} list. {@link StoreRules#RETURNING_MODIFY} turns it into a
 * {@link StoreTableModify} that returns rows.
 */
final class ReturningTableModify extends TableModify {

  private ReturningTableModify(RelOptCluster cluster, RelTraitSet traitSet, RelOptTable table,
      Prepare.CatalogReader catalogReader, RelNode input, Operation operation,
      @Nullable List<String> updateColumnList, @Nullable List<RexNode> sourceExpressionList, boolean flattened) {
    super(cluster, traitSet, table, catalogReader, input, operation, updateColumnList, sourceExpressionList,
        flattened);
  }

  /** The returning form of {@code modify}. */
  static ReturningTableModify of(TableModify modify) {
    return new ReturningTableModify(modify.getCluster(), modify.getTraitSet().replace(Convention.NONE),
        modify.getTable(), modify.getCatalogReader(), modify.getInput(), modify.getOperation(),
        modify.getUpdateColumnList(), modify.getSourceExpressionList(), modify.isFlattened());
  }

  @Override
  public RelDataType deriveRowType() {
    return getTable().getRowType();
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new ReturningTableModify(getCluster(), traitSet, getTable(), getCatalogReader(), sole(inputs),
        getOperation(), getUpdateColumnList(), getSourceExpressionList(), isFlattened());
  }
}
