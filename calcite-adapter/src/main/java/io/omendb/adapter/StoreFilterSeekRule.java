package io.omendb.adapter;

import io.omendb.engine.catalog.IndexDef;
import io.omendb.engine.catalog.TableDef;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.logical.LogicalFilter;

/**
 * Rule that turns a filter over a {@link StoreTableScan} into {@link StoreIndexSeek}s on the primary key and on each
 * secondary index that can answer part of the condition, with whatever part the seek does not answer left in a
 * filter above it.
 */
public final class StoreFilterSeekRule extends RelRule<StoreRuleConfig> {

  StoreFilterSeekRule(StoreRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Filter filter = call.rel(0);
    StoreTableScan scan = call.rel(1);
    StoreTable table = scan.getTable().unwrap(StoreTable.class);
    if (table == null) {
      return;
    }
    TableDef def = table.def();
    RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
    SeekConditionTranslator.Result primary =
        new SeekConditionTranslator(rexBuilder, def.primaryKey()).translate(filter.getCondition());
    if (primary.seek() != null) {
      offer(call, filter, StoreIndexSeek.create(scan.getCluster(), scan.getTable(), primary.seek(),
          table.usesAlex()), primary.remainder());
    }
    // every secondary index that can answer part of the condition is an alternative; the cost model chooses
    for (IndexDef index : table.indexes()) {
      SeekConditionTranslator.Result onIndex =
          new SeekConditionTranslator(rexBuilder, index.columns()).translate(filter.getCondition());
      if (onIndex.seek() != null) {
        offer(call, filter, StoreIndexSeek.onIndex(scan.getCluster(), scan.getTable(), onIndex.seek(), index),
            onIndex.remainder());
      }
    }
  }

  private static void offer(RelOptRuleCall call, Filter filter, RelNode seek, RexNode remainder) {
    call.transformTo(remainder == null ? seek : filter.copy(filter.getTraitSet(), seek, remainder));
  }

  /** The default configuration. */
  public static final StoreRuleConfig DEFAULT = StoreRuleConfig.of("StoreFilterSeekRule",
      b0 -> b0.operand(LogicalFilter.class).oneInput(b1 -> b1.operand(StoreTableScan.class).noInputs()),
      StoreFilterSeekRule::new);
}
