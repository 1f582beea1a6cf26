package io.omendb.engine.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.engine.Engine;
import io.omendb.engine.EngineOptions;
import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.TableDef;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoleStoreTest {
  @TempDir Path dir;

  private Engine openEngine() {
    return Engine.open(EngineOptions.create(dir).withGcInterval(Duration.ZERO));
  }

  private static TableDef table(Engine engine, String name) {
    return engine.catalog().createTable(new TableDef(0, name,
        List.of(ColumnDef.create("id", ColumnType.INTEGER).withNullable(false)), new int[] {0}), false);
  }

  @Test
  void create_reopened_rolesAndAclsSurvive() {
    ScramVerifier verifier = ScramVerifier.create("s3cret", new SecureRandom());
    Instant until = Instant.parse("2030-01-01T00:00:00Z");
    int tableId;
    try (Engine engine = openEngine()) {
      RoleStore roles = engine.roles();
      assertThat(roles.isEmpty()).isTrue();
      roles.create(Role.create("readers"));
      roles.create(Role.create("alice").withVerifier(Optional.of(verifier)).withLogin(true).withCreateRole(true)
          .withConnectionLimit(3).withValidUntil(Optional.of(until)).withMemberOf(Set.of("readers")));
      tableId = table(engine, "t").id();
      roles.putAcl(TableAcl.create(tableId, "alice").grant("readers", "alice", Set.of(TablePrivilege.SELECT), true));
    }
    try (Engine engine = openEngine()) {
      RoleStore roles = engine.roles();
      Role alice = roles.role("alice").orElseThrow();
      assertThat(alice.verifier()).contains(verifier);
      assertThat(alice.login()).isTrue();
      assertThat(alice.createRole()).isTrue();
      assertThat(alice.superuser()).isFalse();
      assertThat(alice.connectionLimit()).isEqualTo(3);
      assertThat(alice.validUntil()).contains(until);
      assertThat(alice.memberOf()).containsExactly("readers");
      assertThat(roles.acl(tableId).orElseThrow().aclText()).containsExactly("alice=arwdDxt/alice", "readers=r*/alice");
    }
  }

  @Test
  void hasPrivilege_throughMembershipAndPublic_revokedAgain() {
    try (Engine engine = openEngine()) {
      RoleStore roles = engine.roles();
      roles.create(Role.create("owner").withLogin(true));
      roles.create(Role.create("group"));
      roles.create(Role.create("bob").withLogin(true));
      int id = table(engine, "t").id();
      roles.putAcl(TableAcl.create(id, "owner"));
      assertThat(roles.hasPrivilege("owner", id, TablePrivilege.DELETE)).isTrue();
      assertThat(roles.hasPrivilege("bob", id, TablePrivilege.SELECT)).isFalse();

      roles.putAcl(roles.acl(id).orElseThrow().grant("group", "owner", Set.of(TablePrivilege.SELECT), false));
      assertThat(roles.hasPrivilege("bob", id, TablePrivilege.SELECT)).isFalse();
      roles.grantMembership("group", "bob");
      assertThat(roles.hasPrivilege("bob", id, TablePrivilege.SELECT)).isTrue();
      assertThat(roles.hasPrivilege("bob", id, TablePrivilege.INSERT)).isFalse();
      roles.revokeMembership("group", "bob");
      assertThat(roles.hasPrivilege("bob", id, TablePrivilege.SELECT)).isFalse();

      roles.putAcl(roles.acl(id).orElseThrow().grant(Role.PUBLIC, "owner", Set.of(TablePrivilege.INSERT), false));
      assertThat(roles.hasPrivilege("bob", id, TablePrivilege.INSERT)).isTrue();
      assertThat(roles.hasPrivilege("nobody", id, TablePrivilege.INSERT)).isTrue();
      assertThat(roles.hasPrivilege("nobody", id, TablePrivilege.SELECT)).isFalse();
    }
  }

  @Test
  void grantMembership_cycle_refused() {
    try (Engine engine = openEngine()) {
      RoleStore roles = engine.roles();
      roles.create(Role.create("a"));
      roles.create(Role.create("b"));
      roles.grantMembership("a", "b");
      assertThatThrownBy(() -> roles.grantMembership("b", "a")).isInstanceOfSatisfying(RoleException.class,
          e -> assertThat(e.kind()).isEqualTo(RoleException.Kind.INVALID_GRANT));
    }
  }

  @Test
  void drop_ownerOfTable_refusedUntilTableDropped() {
    try (Engine engine = openEngine()) {
      RoleStore roles = engine.roles();
      roles.create(Role.create("carol").withLogin(true));
      int id = table(engine, "t").id();
      roles.putAcl(TableAcl.create(id, "carol"));
      assertThatThrownBy(() -> roles.drop("carol", false)).isInstanceOfSatisfying(RoleException.class,
          e -> assertThat(e.kind()).isEqualTo(RoleException.Kind.DEPENDENT_OBJECTS));
      engine.catalog().dropTable("t", false);
      assertThat(roles.acl(id)).isEmpty();
      assertThat(roles.drop("carol", false)).isTrue();
      assertThat(roles.drop("carol", true)).isFalse();
      assertThat(roles.role("carol")).isEmpty();
    }
  }

  @Test
  void rename_movesOwnershipGrantsAndMemberships() {
    try (Engine engine = openEngine()) {
      RoleStore roles = engine.roles();
      roles.create(Role.create("old").withLogin(true));
      roles.create(Role.create("member").withMemberOf(Set.of("old")));
      int id = table(engine, "t").id();
      roles.putAcl(TableAcl.create(id, "old").grant("member", "old", Set.of(TablePrivilege.SELECT), false));
      roles.rename("old", "new");
      assertThat(roles.role("old")).isEmpty();
      assertThat(roles.role("member").orElseThrow().memberOf()).containsExactly("new");
      assertThat(roles.acl(id).orElseThrow().aclText()).containsExactly("new=arwdDxt/new", "member=r/new");
      assertThat(roles.isOwner("member", id)).isTrue();
    }
  }

  @Test
  void create_reservedOrDuplicateName_refused() {
    try (Engine engine = openEngine()) {
      RoleStore roles = engine.roles();
      roles.create(Role.create("x"));
      assertThatThrownBy(() -> roles.create(Role.create("x"))).isInstanceOfSatisfying(RoleException.class,
          e -> assertThat(e.kind()).isEqualTo(RoleException.Kind.DUPLICATE_ROLE));
      assertThatThrownBy(() -> roles.create(Role.create("public"))).isInstanceOfSatisfying(RoleException.class,
          e -> assertThat(e.kind()).isEqualTo(RoleException.Kind.RESERVED_NAME));
      assertThatThrownBy(() -> roles.create(Role.create("pg_monitor"))).isInstanceOf(RoleException.class);
    }
  }
}
