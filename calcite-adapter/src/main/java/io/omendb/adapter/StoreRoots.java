package io.omendb.adapter;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.runtime.PairList;

/**
 * Makes a query's final choice of columns visible to the planner. Calcite keeps the top-level projection of plain
 * columns out of the plan (in {@link RelRoot#fields}) and adds it only after planning, so no rule could push it into
 * a store scan; here it becomes a {@code LogicalProject} before planning instead.
 */
final class StoreRoots {
  private StoreRoots() {}

  /**
   * {@code root} with its field selection as a projection in the plan, or {@code root} itself when the selection is
   * trivial, the statement is not a query, or the required order uses a column the projection drops.
   */
  static RelRoot withFieldsProjected(RelRoot root) {
    if (!root.kind.belongsTo(SqlKind.QUERY) || root.isRefTrivial()) {
      return root;
    }
    List<Integer> selected = root.fields.leftList();
    List<RelFieldCollation> order = new ArrayList<>();
    for (RelFieldCollation field : root.collation.getFieldCollations()) {
      int position = selected.indexOf(field.getFieldIndex());
      if (position < 0) {
        return root;
      }
      order.add(field.withFieldIndex(position));
    }
    RelNode projected = root.project(true);
    PairList<Integer, String> fields = PairList.of();
    for (int i = 0; i < selected.size(); i++) {
      fields.add(i, root.fields.get(i).getValue());
    }
    RelCollation collation = RelCollations.of(order);
    return new RelRoot(projected, root.validatedRowType, root.kind, fields, collation, root.hints);
  }
}
