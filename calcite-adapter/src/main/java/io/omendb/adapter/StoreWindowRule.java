package io.omendb.adapter;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalWindow;

/**
 * Converts a window into Calcite's EnumerableWindow without the input's sort order: the logical window inherits
 * the collation of the project it came from (a store scan's key order), but EnumerableWindow emits its rows grouped
 * by partition, so keeping that collation let the planner drop a needed ORDER BY. Replaces
 * {@link EnumerableRules#ENUMERABLE_WINDOW_RULE}.
 */
final class StoreWindowRule extends ConverterRule {
  static final Config DEFAULT_CONFIG = Config.INSTANCE
      .withConversion(LogicalWindow.class, Convention.NONE, EnumerableConvention.INSTANCE, "StoreWindowRule")
      .withRuleFactory(StoreWindowRule::new);

  StoreWindowRule(Config config) {
    super(config);
  }

  @Override
  public RelNode convert(RelNode rel) {
    LogicalWindow window = (LogicalWindow) rel;
    LogicalWindow unordered = window.copy(window.getTraitSet().replace(RelCollations.EMPTY), window.getInputs());
    return ((ConverterRule) EnumerableRules.ENUMERABLE_WINDOW_RULE).convert(unordered);
  }
}
