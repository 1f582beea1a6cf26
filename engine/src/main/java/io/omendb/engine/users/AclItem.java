package io.omendb.engine.users;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.Set;

/**
 * The privileges one grantee holds on one table, and which of them it may grant on (WITH GRANT OPTION).
 *
 * @param grantee the role granted to, or {@link Role#PUBLIC}
 * @param grantor the role that granted them last
 * @param privileges the privileges held
 * @param grantable the subset of {@code privileges} held WITH GRANT OPTION
 */
public record AclItem(String grantee, String grantor, Set<TablePrivilege> privileges, Set<TablePrivilege> grantable) {

  public AclItem {
    requireNonNull(grantee, "grantee");
    requireNonNull(grantor, "grantor");
    privileges = Set.copyOf(privileges);
    grantable = Set.copyOf(grantable);
    if (!privileges.containsAll(grantable)) {
      throw new IllegalArgumentException("grant options for privileges not held: " + grantable);
    }
  }

  /** Whether the item grants nothing and can be removed. */
  public boolean isEmpty() {
    return privileges.isEmpty();
  }

  /**
   * PostgreSQL's {@code aclitem} text, {@code grantee=privileges/grantor}, with {@code *} after each privilege held
   * WITH GRANT OPTION and an empty grantee for PUBLIC: {@code alice=arw*d/bob}, {@code =r/bob}.
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(grantee.equals(Role.PUBLIC) ? "" : grantee).append('=');
    for (TablePrivilege privilege : EnumSet.allOf(TablePrivilege.class)) {
      if (privileges.contains(privilege)) {
        text.append(privilege.aclChar());
        if (grantable.contains(privilege)) {
          text.append('*');
        }
      }
    }
    return text.append('/').append(grantor).toString();
  }
}
