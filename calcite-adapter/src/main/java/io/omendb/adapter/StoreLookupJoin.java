package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

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
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;

/**
 * An index nested-loop join: for each row of its input (the join's left side), looks up the matching row of a store
 * table by its primary key (one point read, through the ALEX directory and row cache where the table has them)
 * instead of scanning and hashing the whole table. The table is not an input, so its size adds nothing to the cost:
 * the planner picks this over a hash join when the left side is small.
 */
public final class StoreLookupJoin extends SingleRel implements EnumerableRel {
  private final RelOptTable table;
  private final JoinRelType joinType;
  private final int[] leftKeys;
  private final int[] rightColumns;
  private final RexNode condition;

  StoreLookupJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelOptTable table, JoinRelType joinType,
      int[] leftKeys, int[] rightColumns, RexNode condition, RelDataType rowType) {
    super(cluster, traits, left);
    this.table = requireNonNull(table, "table");
    this.joinType = requireNonNull(joinType, "joinType");
    this.leftKeys = requireNonNull(leftKeys, "leftKeys").clone();
    this.rightColumns = requireNonNull(rightColumns, "rightColumns").clone();
    this.condition = requireNonNull(condition, "condition");
    this.rowType = requireNonNull(rowType, "rowType");
  }

  static StoreLookupJoin create(RelNode left, RelOptTable table, JoinRelType joinType, int[] leftKeys,
      int[] rightColumns, RexNode condition, RelDataType rowType) {
    RelOptCluster cluster = left.getCluster();
    return new StoreLookupJoin(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), left, table, joinType,
        leftKeys, rightColumns, condition, rowType);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StoreLookupJoin(getCluster(), traitSet, sole(inputs), table, joinType, leftKeys, rightColumns,
        condition, rowType);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("table", table.getQualifiedName())
        .item("index", "PRIMARY")
        .item("joinType", joinType.lowerName)
        .item("condition", condition);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    // the right side's key is unique: at most one match per left row
    return mq.getRowCount(input);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double leftRows = mq.getRowCount(input);
    // one point read per left row; nothing proportional to the size of the right table
    return planner.getCostFactory().makeCost(leftRows, leftRows * 2, leftRows);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    Result leftResult = implementor.visitChild(this, 0, (EnumerableRel) input, Prefer.ARRAY);
    Expression leftRows = builder.append("left", leftResult.block);
    if (leftResult.physType.getFormat() != JavaRowFormat.ARRAY
        && leftResult.physType.getFormat() != JavaRowFormat.SCALAR) {
      leftRows = builder.append("leftArrays", leftResult.physType.convertTo(leftRows, JavaRowFormat.ARRAY));
    }
    List<Expression> keys = new java.util.ArrayList<>();
    for (int key : leftKeys) {
      keys.add(Expressions.constant(key));
    }
    List<Expression> columns = new java.util.ArrayList<>();
    for (int column : rightColumns) {
      columns.add(Expressions.constant(column));
    }
    builder.add(Expressions.return_(null, Expressions.call(
        StoreTable.expression(table, implementor.getRootExpression()), StoreMethod.LOOKUP_JOIN.method,
        implementor.getRootExpression(), leftRows, Expressions.newArrayInit(int.class, keys),
        Expressions.newArrayInit(int.class, columns),
        Expressions.constant(input.getRowType().getFieldCount()),
        Expressions.constant(joinType == JoinRelType.LEFT))));
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
    return implementor.result(physType, builder.toBlock());
  }
}
