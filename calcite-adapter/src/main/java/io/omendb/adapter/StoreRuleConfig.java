package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.tools.RelBuilderFactory;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The configuration of the adapter's {@link RelRule}s: a plain record, since the adapter does not run the
 * Immutables processor that generates Calcite's own rule configurations.
 *
 * @param relBuilderFactory builds the relational expressions a rule creates
 * @param description the rule's name in planner traces
 * @param operandSupplier the tree of operands the rule matches
 * @param factory creates the rule from this configuration
 */
public record StoreRuleConfig(RelBuilderFactory relBuilderFactory, @Nullable String description,
    RelRule.OperandTransform operandSupplier, Function<StoreRuleConfig, RelOptRule> factory)
    implements RelRule.Config {

  public StoreRuleConfig {
    requireNonNull(relBuilderFactory, "relBuilderFactory");
    requireNonNull(operandSupplier, "operandSupplier");
    requireNonNull(factory, "factory");
  }

  /** A configuration with Calcite's logical builder. */
  static StoreRuleConfig of(String description, RelRule.OperandTransform operands,
      Function<StoreRuleConfig, RelOptRule> factory) {
    return new StoreRuleConfig(RelFactories.LOGICAL_BUILDER, description, operands, factory);
  }

  @Override
  public StoreRuleConfig withRelBuilderFactory(RelBuilderFactory factory) {
    return new StoreRuleConfig(factory, description, operandSupplier, this.factory);
  }

  @Override
  public StoreRuleConfig withDescription(@Nullable String description) {
    return new StoreRuleConfig(relBuilderFactory, description, operandSupplier, factory);
  }

  @Override
  public StoreRuleConfig withOperandSupplier(RelRule.OperandTransform transform) {
    return new StoreRuleConfig(relBuilderFactory, description, transform, factory);
  }

  @Override
  public RelOptRule toRule() {
    return factory.apply(this);
  }
}
