package io.omendb.adapter;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.metadata.RelMdCollation;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Rule that pushes a projection into a {@link StoreTableScan} or {@link StoreIndexSeek} (optionally through a filter
 * between them), so the store reads and decodes only the columns the query uses. A projection of plain columns is
 * absorbed whole; one with expressions, or over a filter, stays above the narrowed store rel with its references
 * renumbered.
 */
public final class StoreProjectRule extends RelRule<StoreRuleConfig> {

  StoreProjectRule(StoreRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Project project = call.rel(0);
    Filter filter = call.rels.length == 3 ? call.rel(1) : null;
    RelNode store = call.rel(call.rels.length - 1);
    push(call, project, filter, store);
    if (filter != null && store instanceof StoreTableScan scan) {
      // the seeks the filter allows, narrowed too: the planner does not match a projection with a seek that is
      // registered beside the filter (a different convention), so offer the combinations here
      for (StoreFilterSeekRule.Alternative alternative : StoreFilterSeekRule.alternatives(filter, scan)) {
        Filter remainder = alternative.remainder() == null ? null
            : StoreFilterSeekRule.filtered(filter, alternative.seek(), alternative.remainder());
        push(call, project, remainder, alternative.seek());
      }
    }
  }

  /** Offers {@code project} over {@code filter} (may be null) over {@code store} with the store rel narrowed. */
  private static void push(RelOptRuleCall call, Project project, Filter filter, RelNode store) {
    int width = store.getRowType().getFieldCount();
    ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), filter == null ? null
        : filter.getCondition());
    List<Integer> refs = plainColumns(project.getProjects());
    if (filter == null && refs != null && refs.stream().distinct().count() == refs.size()) {
      if (isIdentity(refs, width)) {
        return;
      }
      // the projection is a list of distinct columns: the store rel returns exactly them
      call.transformTo(narrowed(store, refs.stream().mapToInt(Integer::intValue).toArray()));
      return;
    }
    if (used.cardinality() == width) {
      // nothing to narrow (the filter rule offers the plain seeks itself)
      return;
    }
    int[] columns = used.toArray();
    RelNode input = narrowed(store, columns);
    RexShuttle renumber = new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(StoreColumns.position(columns, ref.getIndex()), ref.getType());
      }
    };
    if (filter != null) {
      input = StoreFilterSeekRule.filtered(filter, input, filter.getCondition().accept(renumber));
    }
    List<RexNode> projects = new ArrayList<>();
    for (RexNode expression : project.getProjects()) {
      projects.add(expression.accept(renumber));
    }
    RelNode projectInput = input;
    // the order is the new input's: the old traits name fields of the unnarrowed rel (field 0 was the key)
    RelTraitSet traits = project.getTraitSet().replaceIfs(RelCollationTraitDef.INSTANCE,
        () -> RelMdCollation.project(project.getCluster().getMetadataQuery(), projectInput, projects));
    call.transformTo(project.copy(traits, input, projects, project.getRowType()));
  }

  /** The store rel reading only {@code columns}. */
  private static RelNode narrowed(RelNode store, int[] columns) {
    if (store instanceof StoreTableScan scan) {
      return new StoreTableScan(scan.getCluster(), scan.getTable(), columns);
    }
    return ((StoreIndexSeek) store).withColumns(columns);
  }

  /** The column of each expression if all are plain column references, else null. */
  private static List<Integer> plainColumns(List<RexNode> expressions) {
    List<Integer> columns = new ArrayList<>();
    for (RexNode expression : expressions) {
      if (!(expression instanceof RexInputRef ref)) {
        return null;
      }
      columns.add(ref.getIndex());
    }
    return columns;
  }

  private static boolean isIdentity(List<Integer> columns, int width) {
    if (columns.size() != width) {
      return false;
    }
    for (int i = 0; i < width; i++) {
      if (columns.get(i) != i) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code rel} is a store scan or seek that still reads every column. */
  private static boolean unprojectedStoreRel(RelNode rel) {
    return (rel instanceof StoreTableScan || rel instanceof StoreIndexSeek) && StoreColumns.of(rel) == null;
  }

  /** A projection directly over a store scan or seek. */
  public static final StoreRuleConfig DEFAULT = StoreRuleConfig.of("StoreProjectRule",
      b0 -> b0.operand(LogicalProject.class).oneInput(
          b1 -> b1.operand(RelNode.class).predicate(StoreProjectRule::unprojectedStoreRel).noInputs()),
      StoreProjectRule::new);

  /** A projection over a filter over a store scan or seek. */
  public static final StoreRuleConfig THROUGH_FILTER = StoreRuleConfig.of("StoreProjectFilterRule",
      b0 -> b0.operand(LogicalProject.class).oneInput(
          b1 -> b1.operand(LogicalFilter.class).oneInput(
              b2 -> b2.operand(RelNode.class).predicate(StoreProjectRule::unprojectedStoreRel).noInputs())),
      StoreProjectRule::new);
}
