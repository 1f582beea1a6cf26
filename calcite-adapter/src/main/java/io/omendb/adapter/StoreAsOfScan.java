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
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A full scan of a store table as of a past time ({@code FOR SYSTEM_TIME AS OF}), in primary-key order, in its own
 * read-only transaction at that snapshot. Its input is a one-row relation computing the time, so the time may be
 * any expression (a literal, {@code now() - INTERVAL ...}, a parameter), evaluated when the scan starts. Filters stay
 * above it: the secondary-index seeks and ALEX point lookups are for the current state only.
 */
public final class StoreAsOfScan extends SingleRel implements EnumerableRel {
  private final RelOptTable table;
  /** The time expression, for EXPLAIN; the input computes it. */
  private final RexNode period;

  StoreAsOfScan(RelOptCluster cluster, RelTraitSet traits, RelNode periodInput, RelOptTable table, RexNode period) {
    super(cluster, traits, periodInput);
    this.table = requireNonNull(table, "table");
    this.period = requireNonNull(period, "period");
    this.rowType = table.getRowType();
  }

  /** A scan of {@code table} at the time {@code periodInput} (one row, one timestamp column) computes. */
  static StoreAsOfScan create(RelNode periodInput, RelOptTable table, RexNode period) {
    RelOptCluster cluster = periodInput.getCluster();
    RelTraitSet traits = cluster.traitSetOf(EnumerableConvention.INSTANCE)
        .replaceIfs(RelCollationTraitDef.INSTANCE, table::getCollationList);
    return new StoreAsOfScan(cluster, traits, periodInput, table, period);
  }

  @Override
  public RelOptTable getTable() {
    return table;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StoreAsOfScan(getCluster(), traitSet, sole(inputs), table, period);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return pw.input("asOf", input)
        .item("table", table.getQualifiedName())
        .item("snapshot", period);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return table.getRowCount();
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = table.getRowCount();
    // a versioned scan may also read each row's history: costlier than a scan of the current state
    return planner.getCostFactory().makeCost(rows * 2, rows * 2, rows * 2);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    Result periodResult = implementor.visitChild(this, 0, (EnumerableRel) input, Prefer.ARRAY);
    Expression periodRows = builder.append("asOf", periodResult.block);
    boolean local = input.getRowType().getFieldList().get(0).getType().getSqlTypeName() == SqlTypeName.TIMESTAMP;
    builder.add(Expressions.return_(null, Expressions.call(
        StoreTable.expression(table, implementor.getRootExpression()), StoreMethod.SCAN_AS_OF.method,
        implementor.getRootExpression(), periodRows, Expressions.constant(local))));
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
    return implementor.result(physType, builder.toBlock());
  }
}
