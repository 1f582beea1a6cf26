package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.users.TablePrivilege;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;

/**
 * The privilege checks of a statement that is planned but not run (plain {@code EXPLAIN}): PostgreSQL checks them
 * when it plans, so EXPLAIN of a query on a table one may not read fails with 42501 as the query itself would. Every
 * table the converted plan scans, also inside subquery expressions, needs SELECT (or is the write-only target of the statement, see {@link
 * SessionAccess#checkRead}); the target of an INSERT, UPDATE or DELETE needs that privilege.
 */
final class PlanPrivileges extends RelVisitor {
  private final SessionAccess access;

  private PlanPrivileges(SessionAccess access) {
    this.access = requireNonNull(access, "access");
  }

  /** Checks the privileges {@code plan} needs; throws {@link SqlStateException} 42501 at the first one missing. */
  static void check(RelNode plan, SessionAccess access) {
    new PlanPrivileges(access).go(plan);
  }

  @Override
  public void visit(RelNode node, int ordinal, RelNode parent) {
    if (node instanceof TableModify modify) {
      StoreTable table = storeTable(modify.getTable());
      if (table != null) {
        access.check(table.def(), switch (modify.getOperation()) {
          case INSERT -> TablePrivilege.INSERT;
          case UPDATE -> TablePrivilege.UPDATE;
          case DELETE -> TablePrivilege.DELETE;
          case MERGE -> TablePrivilege.UPDATE;
        });
      }
    } else if (node instanceof TableScan scan) {
      StoreTable table = storeTable(scan.getTable());
      if (table != null) {
        table.checkRead();
      }
    }
    // a subquery in an expression (IN, EXISTS, a scalar subquery) is a plan of its own, not a child
    node.accept(new RexShuttle() {
      @Override
      public RexNode visitSubQuery(RexSubQuery subQuery) {
        check(subQuery.rel, access);
        return subQuery;
      }
    });
    super.visit(node, ordinal, parent);
  }

  private static StoreTable storeTable(RelOptTable table) {
    return table == null ? null : table.unwrap(StoreTable.class);
  }
}
