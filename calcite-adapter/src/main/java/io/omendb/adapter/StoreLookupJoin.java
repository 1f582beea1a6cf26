package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.catalog.IndexDef;
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
 * An index nested-loop join: for each row of its input (the join's left side), looks up the matching rows of a store
 * table by its primary key (one point read, through the ALEX directory and row cache where the table has them) or by
 * the leading columns of a secondary index (one index range, each hit re-checked against the row version the
 * snapshot sees), instead of scanning and hashing the whole table. The table is not an input, so its size adds
 * nothing to the cost beyond the rows each lookup is expected to find: the planner picks this over a hash join when
 * the left side is small.
 */
public final class StoreLookupJoin extends SingleRel implements EnumerableRel {
  private final RelOptTable table;
  private final JoinRelType joinType;
  private final int[] leftKeys;
  private final int[] rightColumns;
  private final RexNode condition;
  /** The secondary index looked up, or null for the primary key. */
  private final IndexDef index;

  StoreLookupJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelOptTable table, JoinRelType joinType,
      int[] leftKeys, int[] rightColumns, RexNode condition, RelDataType rowType, IndexDef index) {
    super(cluster, traits, left);
    this.table = requireNonNull(table, "table");
    this.joinType = requireNonNull(joinType, "joinType");
    this.leftKeys = requireNonNull(leftKeys, "leftKeys").clone();
    this.rightColumns = requireNonNull(rightColumns, "rightColumns").clone();
    this.condition = requireNonNull(condition, "condition");
    this.rowType = requireNonNull(rowType, "rowType");
    this.index = index;
  }

  /** A lookup join on the primary key ({@code index} null) or on the leading columns of {@code index}. */
  static StoreLookupJoin create(RelNode left, RelOptTable table, JoinRelType joinType, int[] leftKeys,
      int[] rightColumns, RexNode condition, RelDataType rowType, IndexDef index) {
    RelOptCluster cluster = left.getCluster();
    return new StoreLookupJoin(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), left, table, joinType,
        leftKeys, rightColumns, condition, rowType, index);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StoreLookupJoin(getCluster(), traitSet, sole(inputs), table, joinType, leftKeys, rightColumns,
        condition, rowType, index);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("table", table.getQualifiedName())
        .item("index", index == null ? "PRIMARY" : index.name())
        .item("joinType", joinType.lowerName)
        .item("condition", condition);
  }

  /** Rows of the table one lookup is expected to find: one for a unique key, else from the key's distinct count. */
  private double matchesPerLookup() {
    StoreTable store = requireNonNull(table.unwrap(StoreTable.class), "StoreTable");
    return index == null ? 1 : store.rowsPerKey(index, leftKeys.length);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    double matches = mq.getRowCount(input) * matchesPerLookup();
    return joinType == JoinRelType.LEFT ? Math.max(matches, mq.getRowCount(input)) : matches;
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double leftRows = mq.getRowCount(input);
    double matches = leftRows * matchesPerLookup();
    // one point read per left row (an index range and a row read per hit for a secondary index); nothing
    // proportional to the size of the right table
    double rows = index == null ? leftRows : leftRows + matches * StoreIndexSeek.INDEX_HIT_COST;
    return planner.getCostFactory().makeCost(rows, rows * 2, rows);
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
        Expressions.constant(joinType == JoinRelType.LEFT),
        Expressions.constant(index == null ? null : index.name(), String.class))));
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
    return implementor.result(physType, builder.toBlock());
  }
}
