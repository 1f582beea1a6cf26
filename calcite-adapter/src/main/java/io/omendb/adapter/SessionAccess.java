package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.catalog.Catalog;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.users.Role;
import io.omendb.engine.users.RoleStore;
import io.omendb.engine.users.TablePrivilege;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * What one session's user may do: the privilege checks that every table access and DDL statement passes through.
 *
 * <p>A database without any role (one used only in-process, never started by the server, which creates the
 * bootstrap superuser) runs every session as a superuser. Once a role exists, a session's user is checked against
 * the roles and table ACLs; a user name without a role (possible only while a front end trusts the names clients
 * send) is an ordinary user holding PUBLIC's privileges and those on tables it created.
 */
final class SessionAccess {
  private final RoleStore roles;
  private final String user;
  /**
   * The table the running UPDATE or DELETE writes and the privilege it needs, when the statement reads no column of
   * it (no WHERE, no column in SET): then, as in PostgreSQL, its scan of the table needs no SELECT.
   */
  private TableDef writeOnlyTarget;
  private TablePrivilege writeOnlyPrivilege;
  private final ViewExpansion views = new ViewExpansion();

  SessionAccess(RoleStore roles, String user) {
    this.roles = requireNonNull(roles, "roles");
    this.user = requireNonNull(user, "user");
  }

  String user() {
    return user;
  }

  RoleStore roles() {
    return roles;
  }

  /** Whether privileges are checked at all (some role exists). */
  boolean enforced() {
    return !roles.isEmpty();
  }

  /** The session user's role, if it has one. */
  Optional<Role> role() {
    return roles.role(user);
  }

  /** Whether the session user bypasses privilege checks. */
  boolean isSuperuser() {
    return !enforced() || role().map(Role::superuser).orElse(false);
  }

  /** Whether the session user may create and manage other roles (SUPERUSER or CREATEROLE). */
  boolean canManageRoles() {
    return isSuperuser() || role().map(Role::createRole).orElse(false);
  }

  /**
   * Checks {@code privilege} on {@code table}.
   *
   * @throws SqlStateException 42501 if the user lacks it
   */
  void check(TableDef table, TablePrivilege privilege) {
    if (isSuperuser() || roles.hasPrivilege(user, table.id(), privilege)) {
      return;
    }
    throw denied(table);
  }

  /** The views being expanded by the statement now being planned. */
  ViewExpansion views() {
    return views;
  }

  /**
   * Checks that {@code table}, scanned inside the query of the views {@code chain} (outermost first), may be read
   * as PostgreSQL allows: the session user needs SELECT on the outermost view, each view's owner SELECT on the next
   * view, and the innermost view's owner SELECT on the table.
   *
   * @throws SqlStateException 42501 naming the first view or table whose privilege is missing
   */
  void checkReadThroughViews(List<ViewExpansion.Ref> chain, TableDef table) {
    if (!enforced()) {
      return;
    }
    String reader = user;
    boolean superuser = isSuperuser();
    for (ViewExpansion.Ref view : chain) {
      if (!superuser && !roles.hasPrivilege(reader, view.id(), TablePrivilege.SELECT)) {
        throw new SqlStateException("42501", "permission denied for view " + view.name());
      }
      reader = roles.acl(view.id()).map(io.omendb.engine.users.TableAcl::owner).orElse(null);
      if (reader == null) {
        // a view without a recorded owner (none is made so) reads with no privileges but a superuser's
        throw new SqlStateException("42501", "permission denied for view " + view.name());
      }
      superuser = false;
    }
    if (!roles.hasPrivilege(reader, table.id(), TablePrivilege.SELECT)) {
      throw denied(table);
    }
  }

  /**
   * Checks, as the query is planned, that {@code view} may be read inside the views {@code chain} (outermost first;
   * empty for a view the statement names itself): by the session user, or by the owner of the innermost view.
   */
  void checkViewRead(List<ViewExpansion.Ref> chain, ViewExpansion.Ref view) {
    if (!enforced()) {
      return;
    }
    List<ViewExpansion.Ref> through = new java.util.ArrayList<>(chain);
    through.add(view);
    String reader = user;
    boolean superuser = isSuperuser();
    for (ViewExpansion.Ref step : through) {
      if (!superuser && !roles.hasPrivilege(reader, step.id(), TablePrivilege.SELECT)) {
        throw new SqlStateException("42501", "permission denied for view " + step.name());
      }
      reader = roles.acl(step.id()).map(io.omendb.engine.users.TableAcl::owner).orElse("");
      superuser = false;
    }
  }

  /** Checks that the user may read {@code table}: SELECT, or the write-only target of the running UPDATE/DELETE. */
  void checkRead(TableDef table) {
    TableDef target = writeOnlyTarget;
    if (target != null && target.id() == table.id() && !isSuperuser()
        && roles.hasPrivilege(user, table.id(), writeOnlyPrivilege)) {
      return;
    }
    check(table, TablePrivilege.SELECT);
  }

  /**
   * Checks that the user owns {@code table} (or is a superuser), as ALTER, DROP, CREATE INDEX and GRANT need.
   *
   * @throws SqlStateException 42501 otherwise
   */
  void checkOwner(TableDef table) {
    if (isSuperuser() || roles.isOwner(user, table.id())) {
      return;
    }
    throw new SqlStateException("42501",
        "must be owner of table " + io.omendb.engine.catalog.RelationNames.nameOf(table.name()));
  }

  /** Marks the running statement as an UPDATE or DELETE of {@code table} that reads none of its columns. */
  void beginWriteOnly(TableDef table, TablePrivilege privilege) {
    writeOnlyTarget = requireNonNull(table, "table");
    writeOnlyPrivilege = requireNonNull(privilege, "privilege");
  }

  /**
   * Before a statement runs: an UPDATE or DELETE without WHERE whose SET expressions name no column reads nothing of
   * its table, so (as in PostgreSQL) it needs UPDATE or DELETE there but not SELECT.
   */
  void beforeStatement(SqlNode node, Catalog catalog) {
    endWriteOnly();
    SqlIdentifier target = null;
    TablePrivilege privilege = null;
    if (node instanceof SqlUpdate update && update.getCondition() == null
        && !mentionsColumn(update.getSourceExpressionList())) {
      target = tableOf(update.getTargetTable());
      privilege = TablePrivilege.UPDATE;
    } else if (node instanceof SqlDelete delete && delete.getCondition() == null) {
      target = tableOf(delete.getTargetTable());
      privilege = TablePrivilege.DELETE;
    }
    if (target != null && target.names.size() <= 2) {
      // a qualified name as written; an unqualified one as in public (elsewhere on the path the relaxation is lost)
      String name = target.isSimple() ? target.getSimple()
          : io.omendb.engine.catalog.RelationNames.qualify(target.names.get(0), target.names.get(1));
      TablePrivilege needed = privilege;
      catalog.table(name).ifPresent(table -> beginWriteOnly(table, needed));
    }
  }

  private static SqlIdentifier tableOf(SqlNode node) {
    return node instanceof SqlIdentifier identifier ? identifier : null;
  }

  private static boolean mentionsColumn(SqlNodeList expressions) {
    for (SqlNode expression : expressions) {
      Boolean found = expression.accept(new SqlBasicVisitor<Boolean>() {
        @Override
        public Boolean visit(SqlIdentifier id) {
          return true;
        }

        @Override
        public Boolean visit(SqlCall call) {
          if (call instanceof SqlSelect) {
            return true;
          }
          for (SqlNode operand : call.getOperandList()) {
            if (operand != null && Boolean.TRUE.equals(operand.accept(this))) {
              return true;
            }
          }
          return false;
        }

        @Override
        public Boolean visit(SqlNodeList list) {
          for (SqlNode item : list) {
            if (item != null && Boolean.TRUE.equals(item.accept(this))) {
              return true;
            }
          }
          return false;
        }

        @Override
        public Boolean visit(org.apache.calcite.sql.SqlLiteral literal) {
          return false;
        }

        @Override
        public Boolean visit(org.apache.calcite.sql.SqlDynamicParam param) {
          return false;
        }
      });
      if (Boolean.TRUE.equals(found)) {
        return true;
      }
    }
    return false;
  }

  /** Ends what {@link #beginWriteOnly} started. */
  void endWriteOnly() {
    writeOnlyTarget = null;
    writeOnlyPrivilege = null;
  }

  static SqlStateException denied(TableDef table) {
    return new SqlStateException("42501",
        "permission denied for table " + io.omendb.engine.catalog.RelationNames.nameOf(table.name()));
  }
}
