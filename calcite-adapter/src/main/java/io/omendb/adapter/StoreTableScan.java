package io.omendb.adapter;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;

/**
 * A full scan of a store table in primary-key order (declared as its collation, so an ORDER BY on the key needs no
 * sort, and a LIMIT above it stops the scan early: rows stream from the store cursor). Registering it also registers the store's planner rules
 * (as Calcite's InnoDB adapter does), so statements that touch store tables get them.
 */
public final class StoreTableScan extends TableScan implements EnumerableRel {

  StoreTableScan(RelOptCluster cluster, RelOptTable table) {
    super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE)
        .replaceIfs(RelCollationTraitDef.INSTANCE, table::getCollationList), List.of(), table);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return this;
  }

  @Override
  public void register(RelOptPlanner planner) {
    StoreRules.register(planner);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
    Expression storeTable = StoreTable.expression(table, implementor.getRootExpression());
    return implementor.result(physType,
        Blocks.toBlock(Expressions.call(storeTable, StoreMethod.SCAN.method, implementor.getRootExpression())));
  }
}
