package io.omendb.engine.users;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The owner of a table and the privileges granted on it, keyed by the table's id (never its name, which ALTER TABLE
 * may change). The owner holds every privilege implicitly, as in PostgreSQL.
 *
 * @param tableId the table's catalog id
 * @param owner the role that owns the table (its creator)
 * @param items the grants, by grantee
 */
public record TableAcl(int tableId, String owner, Map<String, AclItem> items) {

  public TableAcl {
    requireNonNull(owner, "owner");
    items = Map.copyOf(requireNonNull(items, "items"));
  }

  /** A table owned by {@code owner} with nothing granted to others. */
  public static TableAcl create(int tableId, String owner) {
    return new TableAcl(tableId, owner, Map.of());
  }

  public TableAcl withOwner(String newOwner) {
    return new TableAcl(tableId, newOwner, items);
  }

  /** The privileges held directly by {@code grantee} (not through its memberships); empty if none. */
  public Set<TablePrivilege> privilegesOf(String grantee) {
    AclItem item = items.get(grantee);
    return item == null ? Set.of() : item.privileges();
  }

  /** The privileges {@code grantee} holds WITH GRANT OPTION, directly. */
  public Set<TablePrivilege> grantableOf(String grantee) {
    AclItem item = items.get(grantee);
    return item == null ? Set.of() : item.grantable();
  }

  /** This ACL with {@code privileges} added for {@code grantee}, grantable too if {@code withGrantOption}. */
  public TableAcl grant(String grantee, String grantor, Set<TablePrivilege> privileges, boolean withGrantOption) {
    Set<TablePrivilege> held = union(privilegesOf(grantee), privileges);
    Set<TablePrivilege> grantable = withGrantOption ? union(grantableOf(grantee), privileges) : grantableOf(grantee);
    Map<String, AclItem> next = new TreeMap<>(items);
    next.put(grantee, new AclItem(grantee, grantor, held, grantable));
    return new TableAcl(tableId, owner, next);
  }

  /**
   * This ACL with {@code privileges} taken from {@code grantee}; with {@code grantOptionOnly} (REVOKE GRANT OPTION
   * FOR) only the right to grant them is taken.
   */
  public TableAcl revoke(String grantee, Set<TablePrivilege> privileges, boolean grantOptionOnly) {
    AclItem item = items.get(grantee);
    if (item == null) {
      return this;
    }
    Set<TablePrivilege> held = grantOptionOnly ? item.privileges() : minus(item.privileges(), privileges);
    Set<TablePrivilege> grantable = minus(item.grantable(), privileges);
    Map<String, AclItem> next = new TreeMap<>(items);
    AclItem revoked = new AclItem(grantee, item.grantor(), held, grantable);
    if (revoked.isEmpty()) {
      next.remove(grantee);
    } else {
      next.put(grantee, revoked);
    }
    return new TableAcl(tableId, owner, next);
  }

  /** This ACL with every grant to {@code grantee} removed (the role is being dropped). */
  public TableAcl without(String grantee) {
    Map<String, AclItem> next = new TreeMap<>(items);
    next.remove(grantee);
    return new TableAcl(tableId, owner, next);
  }

  /**
   * PostgreSQL's {@code relacl} text items: the owner's implicit {@code owner=arwdDxt/owner} first, then the grants
   * in grantee order.
   */
  public List<String> aclText() {
    List<String> text = new ArrayList<>();
    Set<TablePrivilege> all = EnumSet.allOf(TablePrivilege.class);
    text.add(new AclItem(owner, owner, all, Set.of()).toString());
    new TreeMap<>(items).values().forEach(item -> text.add(item.toString()));
    return text;
  }

  private static Set<TablePrivilege> union(Set<TablePrivilege> a, Set<TablePrivilege> b) {
    EnumSet<TablePrivilege> result = EnumSet.noneOf(TablePrivilege.class);
    result.addAll(a);
    result.addAll(b);
    return result;
  }

  private static Set<TablePrivilege> minus(Set<TablePrivilege> a, Set<TablePrivilege> b) {
    EnumSet<TablePrivilege> result = EnumSet.noneOf(TablePrivilege.class);
    result.addAll(a);
    result.removeAll(b);
    return result;
  }
}
