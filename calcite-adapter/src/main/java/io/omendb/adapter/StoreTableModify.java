package io.omendb.adapter;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Writes the rows of its input into a store table inside the session's transaction and returns the count, as
 * PostgreSQL's {@code INSERT 0 n} reports it. Replaces Calcite's EnumerableTableModify, which only writes into
 * in-memory collections.
 */
public final class StoreTableModify extends TableModify implements EnumerableRel {

  StoreTableModify(RelOptCluster cluster, RelTraitSet traitSet, RelOptTable table, Prepare.CatalogReader catalogReader,
      RelNode input, Operation operation, @Nullable List<String> updateColumnList,
      @Nullable List<RexNode> sourceExpressionList, boolean flattened) {
    super(cluster, traitSet, table, catalogReader, input, operation, updateColumnList, sourceExpressionList,
        flattened);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StoreTableModify(getCluster(), traitSet, getTable(), getCatalogReader(), sole(inputs), getOperation(),
        getUpdateColumnList(), getSourceExpressionList(), isFlattened());
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    if (getOperation() != Operation.INSERT) {
      throw new IllegalStateException("StoreTableModify only implements INSERT so far, not " + getOperation());
    }
    BlockBuilder builder = new BlockBuilder();
    Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), Prefer.ARRAY);
    Expression rows = builder.append("rows", input.block);
    if (input.physType.getFormat() != JavaRowFormat.ARRAY && input.physType.getFormat() != JavaRowFormat.SCALAR) {
      rows = builder.append("arrayRows", input.physType.convertTo(rows, JavaRowFormat.ARRAY));
    }
    Expression storeTable = StoreTable.expression(getTable(), implementor.getRootExpression());
    builder.add(Expressions.return_(null,
        Expressions.call(storeTable, StoreMethod.INSERT.method, implementor.getRootExpression(), rows)));
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        pref == Prefer.ARRAY ? JavaRowFormat.ARRAY : JavaRowFormat.SCALAR);
    return implementor.result(physType, builder.toBlock());
  }

  /** The convention this node produces. */
  static RelTraitSet traits(RelTraitSet traits) {
    return traits.replace(EnumerableConvention.INSTANCE);
  }
}
