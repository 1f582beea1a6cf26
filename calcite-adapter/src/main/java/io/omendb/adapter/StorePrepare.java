package io.omendb.adapter;

import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Calcite's statement preparation with the store's rules, and the collation trait, in every planner. */
final class StorePrepare extends CalcitePrepareImpl {

  @Override
  protected RelOptPlanner createPlanner(CalcitePrepare.Context prepareContext, org.apache.calcite.plan.@Nullable Context externalContext,
      @Nullable RelOptCostFactory costFactory) {
    RelOptPlanner planner = super.createPlanner(prepareContext, externalContext, costFactory);
    if (!planner.getRelTraitDefs().contains(RelCollationTraitDef.INSTANCE)) {
      // store scans deliver rows in key order; with the collation trait the planner can drop sorts on the key
      planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
    }
    StoreRules.register(planner);
    return planner;
  }
}
