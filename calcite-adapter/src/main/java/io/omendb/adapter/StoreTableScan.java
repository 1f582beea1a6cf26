package io.omendb.adapter;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A full scan of a store table in primary-key order (declared as its collation, so an ORDER BY on the key needs no
 * sort, and a LIMIT above it stops the scan early: rows stream from the store cursor). Registering it also registers the store's planner rules
 * (as Calcite's InnoDB adapter does), so statements that touch store tables get them. With a projection pushed in
 * ({@link StoreProjectRule}) it returns only some columns, and the engine decodes only those
 * (EXPLAIN: {@code projects=[[0, 2]]}).
 */
public final class StoreTableScan extends TableScan implements EnumerableRel {
  private final int[] columns;

  StoreTableScan(RelOptCluster cluster, RelOptTable table) {
    this(cluster, table, null);
  }

  /** A scan returning {@code columns} of the table (null: all). */
  StoreTableScan(RelOptCluster cluster, RelOptTable table, int[] columns) {
    super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE)
        .replaceIfs(RelCollationTraitDef.INSTANCE, () -> StoreColumns.collations(table, columns)), List.of(), table);
    this.columns = columns == null ? null : columns.clone();
  }

  /** The table columns this scan returns, in output order; null for all. */
  int[] columns() {
    return columns == null ? null : columns.clone();
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return this;
  }

  @Override
  public RelDataType deriveRowType() {
    return StoreColumns.rowType(table, columns, getCluster().getTypeFactory());
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).itemIf("projects", StoreColumns.explain(columns), columns != null);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = StoreColumns.rowCost(table.getRowCount(), table.getRowType().getFieldCount(), columns);
    return planner.getCostFactory().makeCost(rows, rows + 1, 0);
  }

  @Override
  public void register(RelOptPlanner planner) {
    StoreRules.register(planner);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType = StoreColumns.physType(implementor.getTypeFactory(), getRowType());
    Expression storeTable = StoreTable.expression(table, implementor.getRootExpression());
    return implementor.result(physType, Blocks.toBlock(StoreColumns.rows(
        Expressions.call(storeTable, StoreMethod.SCAN.method, implementor.getRootExpression(),
            StoreColumns.expression(columns)), getRowType())));
  }
}
