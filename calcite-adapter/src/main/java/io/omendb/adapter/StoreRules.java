package io.omendb.adapter;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalTableModify;

/** The planner rules of the store adapter, as named instances. */
public final class StoreRules {
  private StoreRules() {}

  /** Turns an INSERT, UPDATE or DELETE of a store table into a {@link StoreTableModify}. */
  public static final StoreTableModifyRule TABLE_MODIFY = StoreTableModifyRule.DEFAULT_CONFIG.toRule(
      StoreTableModifyRule.class);

  /** Turns an INSERT, UPDATE or DELETE with RETURNING or ON CONFLICT into a {@link StoreTableModify}. */
  public static final RelOptRule STORE_MODIFY = StoreModifyRule.DEFAULT_CONFIG.toRule(StoreModifyRule.class);

  /** Pushes a filter on the primary key into a {@link StoreIndexSeek}. */
  public static final RelOptRule FILTER_SEEK = StoreFilterSeekRule.DEFAULT.toRule();

  /** Offers an index nested-loop join on the primary key of a store table. */
  public static final RelOptRule LOOKUP_JOIN = StoreLookupJoinRule.DEFAULT.toRule();

  /** Reads a store table as of a past time ({@code FOR SYSTEM_TIME AS OF}) with a {@link StoreAsOfScan}. */
  public static final RelOptRule AS_OF_SCAN = StoreAsOfScanRule.DEFAULT.toRule();

  /** As {@link #AS_OF_SCAN}, with the projection the field trimmer puts between the snapshot and the scan. */
  public static final RelOptRule AS_OF_PROJECT_SCAN = StoreAsOfScanRule.PROJECT.toRule();

  /** Pushes a projection into a store scan or seek, so only the columns used are read and decoded. */
  public static final RelOptRule PROJECT = StoreProjectRule.DEFAULT.toRule();

  /** Pushes the columns used by a projection and the filter below it into a store scan or seek. */
  public static final RelOptRule PROJECT_THROUGH_FILTER = StoreProjectRule.THROUGH_FILTER.toRule();

  /** Every rule of the adapter. */
  public static final java.util.List<RelOptRule> ALL = java.util.List.of(TABLE_MODIFY, FILTER_SEEK, LOOKUP_JOIN,
      STORE_MODIFY, AS_OF_SCAN, AS_OF_PROJECT_SCAN, PROJECT, PROJECT_THROUGH_FILTER);

  /** Converts windows without claiming their input's order; replaces Calcite's window rule. */
  public static final RelOptRule WINDOW = StoreWindowRule.DEFAULT_CONFIG.toRule(StoreWindowRule.class);

  static void register(RelOptPlanner planner) {
    ALL.forEach(planner::addRule);
    planner.removeRule(org.apache.calcite.adapter.enumerable.EnumerableRules.ENUMERABLE_WINDOW_RULE);
    planner.addRule(WINDOW);
  }

  /** Converts a logical INSERT, UPDATE or DELETE of a store table into a {@link StoreTableModify}. */
  public static final class StoreTableModifyRule extends ConverterRule {
    static final Config DEFAULT_CONFIG = Config.INSTANCE
        .withConversion(LogicalTableModify.class, m -> m.getTable().unwrap(StoreTable.class) != null
                && m.getOperation() != LogicalTableModify.Operation.MERGE,
            Convention.NONE, EnumerableConvention.INSTANCE, "StoreTableModifyRule")
        .withRuleFactory(StoreTableModifyRule::new);

    StoreTableModifyRule(Config config) {
      super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
      LogicalTableModify modify = (LogicalTableModify) rel;
      RelNode input = convert(modify.getInput(),
          modify.getInput().getTraitSet().replace(EnumerableConvention.INSTANCE));
      return new StoreTableModify(modify.getCluster(), StoreTableModify.traits(modify.getTraitSet()),
          modify.getTable(), modify.getCatalogReader(), input, modify.getOperation(), modify.getUpdateColumnList(),
          modify.getSourceExpressionList(), modify.isFlattened());
    }
  }

  /** Converts a {@link LogicalStoreModify} of a store table into a {@link StoreTableModify}. */
  public static final class StoreModifyRule extends ConverterRule {
    static final Config DEFAULT_CONFIG = Config.INSTANCE
        .withConversion(LogicalStoreModify.class, m -> m.getTable().unwrap(StoreTable.class) != null,
            Convention.NONE, EnumerableConvention.INSTANCE, "StoreModifyRule")
        .withRuleFactory(StoreModifyRule::new);

    StoreModifyRule(Config config) {
      super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
      LogicalStoreModify modify = (LogicalStoreModify) rel;
      RelNode input = convert(modify.getInput(),
          modify.getInput().getTraitSet().replace(EnumerableConvention.INSTANCE));
      return new StoreTableModify(modify.getCluster(), StoreTableModify.traits(modify.getTraitSet()),
          modify.getTable(), modify.getCatalogReader(), input, modify.getOperation(), modify.getUpdateColumnList(),
          modify.getSourceExpressionList(), modify.isFlattened(), modify.returning(), modify.conflict());
    }
  }
}
