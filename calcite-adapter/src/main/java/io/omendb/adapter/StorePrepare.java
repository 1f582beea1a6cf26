package io.omendb.adapter;

import java.lang.reflect.Type;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's statement preparation with the store's rules, and the collation trait, in every planner, and with
 * PostgreSQL's functions and typing in validation ({@link StorePrepareContext}).
 */
final class StorePrepare extends CalcitePrepareImpl {

  @Override
  public <T> CalciteSignature<T> prepareSql(CalcitePrepare.Context context, Query<T> query, Type elementType,
      long maxRowCount) {
    return super.prepareSql(StorePrepareContext.wrap(context), query, elementType, maxRowCount);
  }

  @Override
  public AnalyzeViewResult analyzeView(CalcitePrepare.Context context, String sql, boolean fail) {
    return super.analyzeView(StorePrepareContext.wrap(context), sql, fail);
  }

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
