package io.omendb.engine.users;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.catalog.CatalogListener;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.storage.KvBatch;
import io.omendb.engine.storage.KvCursor;
import io.omendb.engine.storage.KvStore;
import io.omendb.engine.storage.Space;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The persisted roles and table ACLs. Both live in the catalog key space next to the table definitions, roles keyed
 * by name ({@code role/<name>}) and ACLs by table id ({@code acl/<id>}). Every change is one synced write batch, so
 * a crash leaves either the old or the new state; changes are serialised by this object's lock, reads see the last
 * completed change.
 *
 * <p>It listens to the catalog: the ACL of a dropped table is deleted with it (table ids are never reused, so an ACL
 * left behind by a crash between the two writes is never consulted again).
 */
public final class RoleStore implements CatalogListener {
  private static final String ROLE_PREFIX = "role/";
  private static final String ACL_PREFIX = "acl/";

  private final KvStore store;
  private final Map<String, Role> roles = new ConcurrentHashMap<>();
  private final Map<Integer, TableAcl> acls = new ConcurrentHashMap<>();

  public RoleStore(KvStore store) {
    this.store = requireNonNull(store, "store");
    byte[] from = ROLE_PREFIX.getBytes(StandardCharsets.UTF_8);
    try (KvCursor cursor = store.scan(null, Space.CATALOG, from, prefixEnd(from))) {
      while (cursor.next()) {
        Role role = RoleSerializer.readRole(cursor.value());
        roles.put(role.name(), role);
      }
    }
    from = ACL_PREFIX.getBytes(StandardCharsets.UTF_8);
    try (KvCursor cursor = store.scan(null, Space.CATALOG, from, prefixEnd(from))) {
      while (cursor.next()) {
        TableAcl acl = RoleSerializer.readAcl(cursor.value());
        acls.put(acl.tableId(), acl);
      }
    }
  }

  /** Whether no role has been created yet (a data directory the server has never bootstrapped). */
  public boolean isEmpty() {
    return roles.isEmpty();
  }

  /** The role with this name, if it exists. */
  public Optional<Role> role(String name) {
    return Optional.ofNullable(roles.get(name));
  }

  /** All roles, ordered by name. */
  public Collection<Role> roles() {
    return new TreeMap<>(roles).values();
  }

  /**
   * Creates {@code role}; the roles it is a member of must exist.
   *
   * @throws RoleException DUPLICATE_ROLE, RESERVED_NAME, UNDEFINED_ROLE (a missing group)
   */
  public synchronized Role create(Role role) {
    requireNonNull(role, "role");
    checkName(role.name());
    if (roles.containsKey(role.name())) {
      throw new RoleException(RoleException.Kind.DUPLICATE_ROLE, "role \"" + role.name() + "\" already exists");
    }
    role.memberOf().forEach(this::require);
    persist(new KvBatch().put(Space.CATALOG, roleKey(role.name()), RoleSerializer.write(role)));
    roles.put(role.name(), role);
    return role;
  }

  /**
   * Replaces the role of the same name (attributes, password, memberships).
   *
   * @throws RoleException UNDEFINED_ROLE
   */
  public synchronized Role update(Role role) {
    requireNonNull(role, "role");
    require(role.name());
    role.memberOf().forEach(this::require);
    persist(new KvBatch().put(Space.CATALOG, roleKey(role.name()), RoleSerializer.write(role)));
    roles.put(role.name(), role);
    return role;
  }

  /**
   * Renames a role; memberships, table ownership and grants follow it, in the same write.
   *
   * @throws RoleException UNDEFINED_ROLE, DUPLICATE_ROLE, RESERVED_NAME
   */
  public synchronized Role rename(String from, String to) {
    Role role = require(from);
    checkName(to);
    if (roles.containsKey(to)) {
      throw new RoleException(RoleException.Kind.DUPLICATE_ROLE, "role \"" + to + "\" already exists");
    }
    Role renamed = role.withName(to);
    KvBatch batch = new KvBatch().delete(Space.CATALOG, roleKey(from))
        .put(Space.CATALOG, roleKey(to), RoleSerializer.write(renamed));
    Map<String, Role> changedRoles = new TreeMap<>();
    for (Role other : roles.values()) {
      if (other.memberOf().contains(from)) {
        Set<String> groups = new HashSet<>(other.memberOf());
        groups.remove(from);
        groups.add(to);
        Role changed = (other.name().equals(from) ? renamed : other).withMemberOf(groups);
        changedRoles.put(changed.name(), changed);
        batch.put(Space.CATALOG, roleKey(changed.name()), RoleSerializer.write(changed));
      }
    }
    Map<Integer, TableAcl> changedAcls = new TreeMap<>();
    for (TableAcl acl : acls.values()) {
      TableAcl changed = renameIn(acl, from, to);
      if (!changed.equals(acl)) {
        changedAcls.put(acl.tableId(), changed);
        batch.put(Space.CATALOG, aclKey(acl.tableId()), RoleSerializer.write(changed));
      }
    }
    persist(batch);
    roles.remove(from);
    roles.put(to, renamed);
    roles.putAll(changedRoles);
    acls.putAll(changedAcls);
    return roles.get(to);
  }

  /**
   * Drops a role; its memberships and the grants to it go with it. Returns false if it did not exist and
   * {@code ifExists} is set.
   *
   * @throws RoleException UNDEFINED_ROLE, or DEPENDENT_OBJECTS while it owns a table
   */
  public synchronized boolean drop(String name, boolean ifExists) {
    if (!roles.containsKey(name)) {
      if (ifExists) {
        return false;
      }
      require(name);
    }
    long owned = acls.values().stream().filter(acl -> acl.owner().equals(name)).count();
    if (owned > 0) {
      throw new RoleException(RoleException.Kind.DEPENDENT_OBJECTS, "role \"" + name
          + "\" cannot be dropped because some objects depend on it: owner of " + owned + " table"
          + (owned == 1 ? "" : "s"));
    }
    KvBatch batch = new KvBatch().delete(Space.CATALOG, roleKey(name));
    Map<String, Role> changedRoles = new TreeMap<>();
    for (Role other : roles.values()) {
      if (!other.name().equals(name) && other.memberOf().contains(name)) {
        Set<String> groups = new HashSet<>(other.memberOf());
        groups.remove(name);
        Role changed = other.withMemberOf(groups);
        changedRoles.put(changed.name(), changed);
        batch.put(Space.CATALOG, roleKey(changed.name()), RoleSerializer.write(changed));
      }
    }
    Map<Integer, TableAcl> changedAcls = new TreeMap<>();
    for (TableAcl acl : acls.values()) {
      if (acl.items().containsKey(name)) {
        TableAcl changed = acl.without(name);
        changedAcls.put(acl.tableId(), changed);
        batch.put(Space.CATALOG, aclKey(acl.tableId()), RoleSerializer.write(changed));
      }
    }
    persist(batch);
    roles.remove(name);
    roles.putAll(changedRoles);
    acls.putAll(changedAcls);
    return true;
  }

  /**
   * Makes {@code member} a member of {@code group} (GRANT group TO member).
   *
   * @throws RoleException UNDEFINED_ROLE, or INVALID_GRANT if {@code group} is already a member of {@code member}
   */
  public synchronized Role grantMembership(String group, String member) {
    require(group);
    Role role = require(member);
    if (closure(group).contains(member)) {
      throw new RoleException(RoleException.Kind.INVALID_GRANT,
          "role \"" + member + "\" is a member of role \"" + group + "\"");
    }
    Set<String> groups = new HashSet<>(role.memberOf());
    groups.add(group);
    return update(role.withMemberOf(groups));
  }

  /** Ends {@code member}'s membership of {@code group} (REVOKE group FROM member); false if it was not a member. */
  public synchronized boolean revokeMembership(String group, String member) {
    require(group);
    Role role = require(member);
    if (!role.memberOf().contains(group)) {
      return false;
    }
    Set<String> groups = new HashSet<>(role.memberOf());
    groups.remove(group);
    update(role.withMemberOf(groups));
    return true;
  }

  /**
   * The roles whose privileges {@code name} uses: itself, every role it is a member of, directly or through other
   * memberships, and {@link Role#PUBLIC}.
   */
  public Set<String> effectiveRoles(String name) {
    Set<String> result = closure(name);
    result.add(Role.PUBLIC);
    return result;
  }

  /** The ACL of the table with this id, if one was recorded (tables created while no role existed have none). */
  public Optional<TableAcl> acl(int tableId) {
    return Optional.ofNullable(acls.get(tableId));
  }

  /** All recorded ACLs, by table id. */
  public Map<Integer, TableAcl> acls() {
    return new TreeMap<>(acls);
  }

  /**
   * Records or replaces the ACL of a table (its owner on CREATE TABLE, grants and revokes). The owner need not be a
   * role: while a front end trusts the user names clients send, a user without a role may create tables.
   */
  public synchronized TableAcl putAcl(TableAcl acl) {
    requireNonNull(acl, "acl");
    persist(new KvBatch().put(Space.CATALOG, aclKey(acl.tableId()), RoleSerializer.write(acl)));
    acls.put(acl.tableId(), acl);
    return acl;
  }

  /**
   * Whether {@code user} may use {@code privilege} on the table: as a superuser, as (a member of) its owner, or
   * through a grant to itself, a role it is a member of, or PUBLIC. A table without an ACL is reachable by
   * superusers only.
   */
  public boolean hasPrivilege(String user, int tableId, TablePrivilege privilege) {
    Role role = roles.get(user);
    if (role != null && role.superuser()) {
      return true;
    }
    TableAcl acl = acls.get(tableId);
    if (acl == null) {
      return false;
    }
    Set<String> effective = effectiveRoles(user);
    if (effective.contains(acl.owner())) {
      return true;
    }
    for (String grantee : effective) {
      if (acl.privilegesOf(grantee).contains(privilege)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code user} is a superuser or (a member of) the table's owner. */
  public boolean isOwner(String user, int tableId) {
    Role role = roles.get(user);
    if (role != null && role.superuser()) {
      return true;
    }
    TableAcl acl = acls.get(tableId);
    return acl != null && closure(user).contains(acl.owner());
  }

  @Override
  public void tableCreated(TableDef table) {
    // the creator becomes the owner through putAcl, which the SQL layer calls once the table exists
  }

  @Override
  public synchronized void tableDropped(TableDef table) {
    if (acls.containsKey(table.id())) {
      persist(new KvBatch().delete(Space.CATALOG, aclKey(table.id())));
      acls.remove(table.id());
    }
  }

  /** {@code name} and every role it is a member of, transitively. */
  private Set<String> closure(String name) {
    Set<String> seen = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>(List.of(name));
    while (!pending.isEmpty()) {
      String next = pending.pop();
      if (seen.add(next)) {
        Role role = roles.get(next);
        if (role != null) {
          pending.addAll(role.memberOf());
        }
      }
    }
    return seen;
  }

  private Role require(String name) {
    Role role = roles.get(name);
    if (role == null) {
      throw new RoleException(RoleException.Kind.UNDEFINED_ROLE, "role \"" + name + "\" does not exist");
    }
    return role;
  }

  private static void checkName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals(Role.PUBLIC) || lower.equals("none") || lower.startsWith("pg_")) {
      throw new RoleException(RoleException.Kind.RESERVED_NAME, "role name \"" + name + "\" is reserved");
    }
  }

  private static TableAcl renameIn(TableAcl acl, String from, String to) {
    Map<String, AclItem> items = new TreeMap<>();
    for (AclItem item : acl.items().values()) {
      String grantee = item.grantee().equals(from) ? to : item.grantee();
      String grantor = item.grantor().equals(from) ? to : item.grantor();
      items.put(grantee, new AclItem(grantee, grantor, item.privileges(), item.grantable()));
    }
    return new TableAcl(acl.tableId(), acl.owner().equals(from) ? to : acl.owner(), items);
  }

  private void persist(KvBatch batch) {
    store.write(batch, true);
  }

  private static byte[] roleKey(String name) {
    return (ROLE_PREFIX + name).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] aclKey(int tableId) {
    return (ACL_PREFIX + String.format(Locale.ROOT, "%08x", tableId)).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] prefixEnd(byte[] prefix) {
    byte[] end = prefix.clone();
    end[end.length - 1]++;
    return end;
  }
}
