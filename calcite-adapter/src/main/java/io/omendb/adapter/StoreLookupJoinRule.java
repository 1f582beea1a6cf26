package io.omendb.adapter;

import io.omendb.engine.catalog.IndexDef;
import io.omendb.engine.catalog.TableDef;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexInputRef;

/**
 * Rule that offers a {@link StoreLookupJoin} for an inner or left join whose condition equates columns of the left
 * input with the whole primary key of a store table on the right, or with the leading columns of one of its secondary
 * indexes (and nothing else); the right side may be the table's scan or a projection of its columns. The cost model
 * decides between them and a hash join.
 */
public final class StoreLookupJoinRule extends RelRule<StoreRuleConfig> {

  StoreLookupJoinRule(StoreRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalJoin join = call.rel(0);
    RelNode right = call.rel(2);
    // the right side is the scan itself, or a projection of some of its columns (field trimming adds one)
    StoreTableScan scan;
    int[] rightColumns;
    if (right instanceof StoreTableScan direct) {
      scan = direct;
      rightColumns = direct.columns() != null ? direct.columns() : identity(direct.getRowType().getFieldCount());
    } else if (right instanceof LogicalProject project && scanOf(project.getInput()) != null) {
      scan = scanOf(project.getInput());
      rightColumns = new int[project.getProjects().size()];
      for (int i = 0; i < rightColumns.length; i++) {
        if (!(project.getProjects().get(i) instanceof RexInputRef ref)) {
          return;
        }
        rightColumns[i] = ref.getIndex();
      }
    } else {
      return;
    }
    if (join.getJoinType() != JoinRelType.INNER && join.getJoinType() != JoinRelType.LEFT) {
      return;
    }
    StoreTable table = scan.getTable().unwrap(StoreTable.class);
    if (table == null) {
      return;
    }
    TableDef def = table.def();
    JoinInfo info = join.analyzeCondition();
    if (!info.isEqui() || info.rightKeys.isEmpty()) {
      return;
    }
    RelNode left = null;
    int[] leftKeys = keysFor(def.primaryKey(), info, rightColumns);
    if (leftKeys != null) {
      left = convert(join.getLeft(), join.getLeft().getTraitSet().replace(EnumerableConvention.INSTANCE));
      call.transformTo(StoreLookupJoin.create(left, scan.getTable(), join.getJoinType(), leftKeys, rightColumns,
          join.getCondition(), join.getRowType(), null));
    }
    // every secondary index whose leading columns are exactly the join's right keys is an alternative
    for (IndexDef index : table.indexes()) {
      int prefix = info.rightKeys.size();
      if (index.columns().length < prefix) {
        continue;
      }
      int[] indexKeys = keysFor(java.util.Arrays.copyOf(index.columns(), prefix), info, rightColumns);
      if (indexKeys == null) {
        continue;
      }
      if (left == null) {
        left = convert(join.getLeft(), join.getLeft().getTraitSet().replace(EnumerableConvention.INSTANCE));
      }
      call.transformTo(StoreLookupJoin.create(left, scan.getTable(), join.getJoinType(), indexKeys, rightColumns,
          join.getCondition(), join.getRowType(), index));
    }
  }

  /**
   * The left-side columns to look up {@code keyColumns} (table columns) with, in that order, if the join's equality
   * keys are exactly those columns; else null.
   */
  private static int[] keysFor(int[] keyColumns, JoinInfo info, int[] rightColumns) {
    if (keyColumns.length == 0 || info.rightKeys.size() != keyColumns.length) {
      return null;
    }
    int[] leftKeys = new int[keyColumns.length];
    for (int k = 0; k < keyColumns.length; k++) {
      int position = -1;
      for (int j = 0; j < info.rightKeys.size(); j++) {
        if (rightColumns[info.rightKeys.get(j)] == keyColumns[k]) {
          position = j;
        }
      }
      if (position < 0) {
        return null;
      }
      leftKeys[k] = info.leftKeys.get(position);
    }
    return leftKeys;
  }

  private static int[] identity(int n) {
    int[] columns = new int[n];
    for (int i = 0; i < n; i++) {
      columns[i] = i;
    }
    return columns;
  }

  /** The store scan among the alternatives of {@code node} (a planner subset), or null. */
  private static StoreTableScan scanOf(RelNode node) {
    if (node instanceof StoreTableScan scan && scan.columns() == null) {
      return scan;
    }
    if (node instanceof RelSubset subset) {
      for (RelNode rel : subset.getRelList()) {
        if (rel instanceof StoreTableScan scan && scan.columns() == null) {
          return scan;
        }
      }
    }
    return null;
  }

  /** The default configuration. */
  public static final StoreRuleConfig DEFAULT = StoreRuleConfig.of("StoreLookupJoinRule",
      b0 -> b0.operand(LogicalJoin.class).inputs(
          b1 -> b1.operand(RelNode.class).anyInputs(),
          b2 -> b2.operand(RelNode.class).anyInputs()),
      StoreLookupJoinRule::new);
}
