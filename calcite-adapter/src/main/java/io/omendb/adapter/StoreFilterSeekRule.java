package io.omendb.adapter;

import io.omendb.engine.catalog.IndexDef;
import io.omendb.engine.catalog.TableDef;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelMdCollation;
import java.util.ArrayList;
import java.util.List;
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
    for (Alternative alternative : alternatives(filter, scan)) {
      RexNode remainder = alternative.remainder();
      call.transformTo(remainder == null ? alternative.seek()
          : filtered(filter, alternative.seek(), remainder));
    }
  }

  /**
   * {@code filter}'s copy over a new input, ordered as that input is (a filter keeps its input's order): the old
   * filter's collation describes its old input, a scan in key order, which a seek on another index or a narrowed
   * scan is not.
   */
  static Filter filtered(Filter filter, RelNode input, RexNode condition) {
    RelTraitSet traits = filter.getTraitSet().replaceIfs(RelCollationTraitDef.INSTANCE,
        () -> RelMdCollation.filter(filter.getCluster().getMetadataQuery(), input));
    return filter.copy(traits, input, condition);
  }

  /** A seek that answers (part of) a filter, and the part of the condition it leaves (null: none). */
  record Alternative(StoreIndexSeek seek, RexNode remainder) {}

  /**
   * The seeks on the primary key and on each secondary index that can answer part of {@code filter}'s condition
   * over {@code scan} (which reads every column); the cost model chooses among them.
   */
  static List<Alternative> alternatives(Filter filter, StoreTableScan scan) {
    StoreTable table = scan.getTable().unwrap(StoreTable.class);
    if (table == null) {
      return List.of();
    }
    List<Alternative> alternatives = new ArrayList<>();
    TableDef def = table.def();
    RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
    SeekConditionTranslator.Result primary =
        new SeekConditionTranslator(rexBuilder, def.primaryKey()).translate(filter.getCondition());
    if (primary.seek() != null) {
      alternatives.add(new Alternative(StoreIndexSeek.create(scan.getCluster(), scan.getTable(), primary.seek(),
          table.usesAlex()), primary.remainder()));
    }
    for (IndexDef index : table.indexes()) {
      SeekConditionTranslator.Result onIndex =
          new SeekConditionTranslator(rexBuilder, index.columns()).translate(filter.getCondition());
      if (onIndex.seek() != null) {
        alternatives.add(new Alternative(
            StoreIndexSeek.onIndex(scan.getCluster(), scan.getTable(), onIndex.seek(), index), onIndex.remainder()));
      }
    }
    return alternatives;
  }

  /** The default configuration. */
  public static final StoreRuleConfig DEFAULT = StoreRuleConfig.of("StoreFilterSeekRule",
      b0 -> b0.operand(LogicalFilter.class).oneInput(b1 -> b1.operand(StoreTableScan.class).predicate(scan -> scan.columns() == null).noInputs()),
      StoreFilterSeekRule::new);
}
