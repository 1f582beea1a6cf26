package io.omendb.adapter;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Snapshot;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.logical.LogicalSnapshot;

/**
 * Rule that turns {@code FOR SYSTEM_TIME AS OF} on a store table (a {@link LogicalSnapshot} over a
 * {@link StoreTableScan}) into a {@link StoreAsOfScan} whose input computes the time.
 */
public final class StoreAsOfScanRule extends RelRule<StoreRuleConfig> {

  StoreAsOfScanRule(StoreRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Snapshot snapshot = call.rel(0);
    StoreTableScan scan = call.rel(call.getRelList().size() - 1);
    if (scan.getTable().unwrap(StoreTable.class) == null) {
      return;
    }
    RelNode oneRow = LogicalValues.createOneRow(snapshot.getCluster());
    RelNode period = LogicalProject.create(oneRow, List.of(), List.of(snapshot.getPeriod()), List.of("as_of"),
        java.util.Set.of());
    RelNode input = convert(period, period.getTraitSet().replace(EnumerableConvention.INSTANCE));
    RelNode asOf = StoreAsOfScan.create(input, scan.getTable(), snapshot.getPeriod());
    if (call.getRelList().size() == 3) {
      // the field trimmer puts the projection of the columns used below the snapshot; keep it above the scan
      Project project = call.rel(1);
      asOf = project.copy(project.getTraitSet(), asOf, project.getProjects(), project.getRowType());
    }
    call.transformTo(asOf);
  }

  /** The snapshot directly over the scan. */
  public static final StoreRuleConfig DEFAULT = StoreRuleConfig.of("StoreAsOfScanRule",
      b0 -> b0.operand(LogicalSnapshot.class).oneInput(b1 -> b1.operand(StoreTableScan.class)
          .predicate(scan -> scan.columns() == null).noInputs()),
      StoreAsOfScanRule::new);

  /** The snapshot over a projection of the scan's columns. */
  public static final StoreRuleConfig PROJECT = StoreRuleConfig.of("StoreAsOfScanRule:project",
      b0 -> b0.operand(LogicalSnapshot.class).oneInput(b1 -> b1.operand(LogicalProject.class)
          .oneInput(b2 -> b2.operand(StoreTableScan.class).predicate(scan -> scan.columns() == null).noInputs())),
      StoreAsOfScanRule::new);
}
