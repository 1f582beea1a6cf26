package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.Engine;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.users.AclItem;
import io.omendb.engine.users.Role;
import io.omendb.engine.users.RoleStore;
import io.omendb.engine.users.TableAcl;
import io.omendb.engine.users.TablePrivilege;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Roles, ownership and grants as the system catalogs show them ({@code pg_roles}, {@code pg_authid},
 * {@code pg_auth_members}, {@code pg_class.relacl}, {@code information_schema.table_privileges}), seen by one user:
 * password verifiers are shown to superusers only, as in PostgreSQL.
 */
public final class AccessCatalog {
  /** What non-superusers see in place of a password verifier (pg_roles shows this for everyone). */
  public static final String HIDDEN_PASSWORD = "********";

  private final RoleStore roles;
  private final String viewer;

  /** The catalog of {@code engine}'s roles as {@code viewer} may see it. */
  public AccessCatalog(Engine engine, String viewer) {
    this.roles = requireNonNull(engine, "engine").roles();
    this.viewer = requireNonNull(viewer, "viewer");
  }

  /**
   * One role.
   *
   * @param password the verifier for a superuser viewer, {@link #HIDDEN_PASSWORD} for others, empty if none is set
   */
  public record RoleRow(String name, boolean superuser, boolean createRole, boolean createDb, boolean canLogin,
      int connectionLimit, Optional<Instant> validUntil, Optional<String> password, List<String> memberOf) {}

  /** One row of information_schema.table_privileges. */
  public record TablePrivilegeRow(String grantor, String grantee, String table, TablePrivilege privilege,
      boolean grantable) {}

  private boolean viewerIsSuperuser() {
    return roles.isEmpty() || roles.role(viewer).map(Role::superuser).orElse(false);
  }

  /** Every role, ordered by name. */
  public List<RoleRow> roles() {
    boolean showVerifiers = viewerIsSuperuser();
    List<RoleRow> rows = new ArrayList<>();
    for (Role role : roles.roles()) {
      Optional<String> password = role.verifier().map(v -> showVerifiers ? v.toString() : HIDDEN_PASSWORD);
      rows.add(new RoleRow(role.name(), role.superuser(), role.createRole(), role.createDb(), role.login(),
          role.connectionLimit(), role.validUntil(), password, List.copyOf(role.memberOf())));
    }
    return rows;
  }

  /** The table's owner, if recorded. */
  public Optional<String> owner(TableDef table) {
    return roles.acl(table.id()).map(TableAcl::owner);
  }

  /** PostgreSQL's {@code relacl} items of the table ({@code owner=arwdDxt/owner}, ...), empty if none is recorded. */
  public Optional<List<String>> relacl(TableDef table) {
    return roles.acl(table.id()).map(TableAcl::aclText);
  }

  /**
   * The privileges on {@code tables} that the viewer may see: all for superusers; otherwise those it (or a role it
   * belongs to, or PUBLIC) holds or granted. The owner's implicit privileges are listed as granted by itself.
   */
  public List<TablePrivilegeRow> tablePrivileges(Iterable<TableDef> tables) {
    boolean all = viewerIsSuperuser();
    Set<String> mine = roles.effectiveRoles(viewer);
    List<TablePrivilegeRow> rows = new ArrayList<>();
    for (TableDef table : tables) {
      Optional<TableAcl> acl = roles.acl(table.id());
      if (acl.isEmpty()) {
        continue;
      }
      List<AclItem> items = new ArrayList<>();
      items.add(new AclItem(acl.get().owner(), acl.get().owner(), EnumSet.allOf(TablePrivilege.class),
          EnumSet.allOf(TablePrivilege.class)));
      items.addAll(acl.get().items().values());
      for (AclItem item : items) {
        if (!all && !mine.contains(item.grantee()) && !mine.contains(item.grantor())) {
          continue;
        }
        for (TablePrivilege privilege : EnumSet.copyOf(item.privileges())) {
          rows.add(new TablePrivilegeRow(item.grantor(), item.grantee().equals(Role.PUBLIC) ? "PUBLIC"
              : item.grantee(), table.name(), privilege, item.grantable().contains(privilege)));
        }
      }
    }
    return rows;
  }
}
