package io.omendb.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.engine.users.Role;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Roles and privileges through sessions of a real database: the statements, the checks and what is stored. */
class RoleSessionTest {
  @TempDir Path dir;
  private Database database;
  private Session admin;

  @BeforeEach
  void open() throws SQLException {
    database = Database.open(dir);
    admin = database.openSession("admin", Map.of());
    run(admin, "CREATE USER alice PASSWORD 'alice-pw'");
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static String run(Session session, String sql) throws SQLException {
    try (StatementResult result = session.execute(sql)) {
      while (result.next() != null) {
        // drain
      }
      return result.commandTag();
    }
  }

  private static List<List<Object>> rows(Session session, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (StatementResult result = session.execute(sql)) {
      for (Object[] row = result.next(); row != null; row = result.next()) {
        rows.add(Arrays.asList(row));
      }
    }
    return rows;
  }

  private static void assertState(Session session, String sql, String state) {
    assertThatThrownBy(() -> run(session, sql)).isInstanceOfSatisfying(SQLException.class,
        e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(state));
  }

  @Test
  void createUser_firstRole_bootstrapsCreatorAsSuperuser() {
    Role creator = database.engine().roles().role("admin").orElseThrow();
    assertThat(creator.superuser()).isTrue();
    Role alice = database.engine().roles().role("alice").orElseThrow();
    assertThat(alice.login()).isTrue();
    assertThat(alice.superuser()).isFalse();
    assertThat(alice.verifier().orElseThrow().matches("alice-pw")).isTrue();
    assertThat(alice.verifier().orElseThrow().toString()).doesNotContain("alice-pw");
    assertThat(database.find("alice").orElseThrow().canLogin()).isTrue();
    assertThat(database.find("nobody")).isEmpty();
  }

  @Test
  void select_withoutGrant_deniedThenGrantedThenRevoked() throws SQLException {
    run(admin, "CREATE TABLE t (id INT PRIMARY KEY, v TEXT)");
    run(admin, "INSERT INTO t VALUES (1, 'a')");
    try (Session alice = database.openSession("alice", Map.of())) {
      assertThatThrownBy(() -> rows(alice, "SELECT * FROM t")).isInstanceOfSatisfying(SQLException.class, e -> {
        assertThat(e.getSQLState()).isEqualTo("42501");
        assertThat(e.getMessage()).isEqualTo("permission denied for table t");
      });
      assertThat(run(admin, "GRANT SELECT ON t TO alice")).isEqualTo("GRANT");
      assertThat(rows(alice, "SELECT v FROM t WHERE id = 1")).containsExactly(List.of("a"));
      assertState(alice, "INSERT INTO t VALUES (2, 'b')", "42501");
      assertThat(run(admin, "REVOKE SELECT ON TABLE t FROM alice")).isEqualTo("REVOKE");
      assertState(alice, "SELECT v FROM t WHERE id = 1", "42501");
    }
  }

  @Test
  void updateWithoutWhere_needsNoSelect_updateWithWhereDoes() throws SQLException {
    run(admin, "CREATE TABLE t (id INT PRIMARY KEY, v TEXT)");
    run(admin, "INSERT INTO t VALUES (1, 'a')");
    run(admin, "GRANT UPDATE, DELETE ON t TO alice");
    try (Session alice = database.openSession("alice", Map.of())) {
      assertThat(run(alice, "UPDATE t SET v = 'z'")).isEqualTo("UPDATE 1");
      assertState(alice, "UPDATE t SET v = 'y' WHERE id = 1", "42501");
      assertState(alice, "UPDATE t SET v = v || 'y'", "42501");
      assertState(alice, "SELECT * FROM t", "42501");
      assertThat(run(alice, "DELETE FROM t")).isEqualTo("DELETE 1");
    }
  }

  @Test
  void join_subquery_eachTableChecked() throws SQLException {
    run(admin, "CREATE TABLE a (id INT PRIMARY KEY)");
    run(admin, "CREATE TABLE b (id INT PRIMARY KEY)");
    run(admin, "GRANT SELECT ON a TO alice");
    try (Session alice = database.openSession("alice", Map.of())) {
      assertThat(rows(alice, "SELECT * FROM a")).isEmpty();
      assertState(alice, "SELECT * FROM a JOIN b ON a.id = b.id", "42501");
      assertState(alice, "SELECT * FROM a WHERE id IN (SELECT id FROM b)", "42501");
      assertState(alice, "INSERT INTO a SELECT id FROM b", "42501");
    }
  }

  @Test
  void roleMembership_grantsFollowGroup() throws SQLException {
    run(admin, "CREATE TABLE t (id INT PRIMARY KEY)");
    run(admin, "CREATE ROLE readers");
    run(admin, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO readers");
    try (Session alice = database.openSession("alice", Map.of())) {
      assertState(alice, "SELECT * FROM t", "42501");
      run(admin, "GRANT readers TO alice");
      assertThat(rows(alice, "SELECT * FROM t")).isEmpty();
      run(admin, "REVOKE readers FROM alice");
      assertState(alice, "SELECT * FROM t", "42501");
    }
  }

  @Test
  void owner_createsUsesAndDrops_othersCannotDrop() throws SQLException {
    try (Session alice = database.openSession("alice", Map.of())) {
      run(alice, "CREATE TABLE mine (id INT PRIMARY KEY)");
      run(alice, "INSERT INTO mine VALUES (1)");
      assertThat(rows(alice, "SELECT * FROM mine")).containsExactly(List.of(1));
      run(admin, "CREATE USER bob");
      try (Session bob = database.openSession("bob", Map.of())) {
        assertState(bob, "DROP TABLE mine", "42501");
        assertState(bob, "CREATE INDEX mine_idx ON mine (id)", "42501");
        assertState(bob, "GRANT SELECT ON mine TO bob", "42501");
      }
      run(alice, "GRANT SELECT ON mine TO bob WITH GRANT OPTION");
      assertState(admin, "DROP USER alice", "2BP01");
      run(alice, "DROP TABLE mine");
    }
    assertThat(run(admin, "DROP USER alice")).isEqualTo("DROP ROLE");
  }

  @Test
  void manageRoles_onlySuperuserOrCreateRole_ownPasswordAlways() throws SQLException {
    try (Session alice = database.openSession("alice", Map.of())) {
      assertState(alice, "CREATE USER mallory", "42501");
      assertState(alice, "ALTER USER alice SUPERUSER", "42501");
      assertState(alice, "ALTER USER admin PASSWORD 'x'", "42501");
      assertThat(run(alice, "ALTER USER alice PASSWORD 'new-pw'")).isEqualTo("ALTER ROLE");
      assertThat(database.find("alice").orElseThrow().verifier().orElseThrow().matches("new-pw")).isTrue();
      run(admin, "ALTER ROLE alice CREATEROLE");
      assertThat(run(alice, "CREATE ROLE helper LOGIN CONNECTION LIMIT 2 VALID UNTIL '2030-01-01'"))
          .isEqualTo("CREATE ROLE");
      assertState(alice, "CREATE ROLE boss SUPERUSER", "42501");
      assertState(alice, "DROP ROLE admin", "42501");
      run(alice, "ALTER ROLE helper RENAME TO aide");
      assertThat(database.find("aide").orElseThrow().connectionLimit()).isEqualTo(2);
      run(alice, "DROP ROLE aide");
      assertThat(database.find("aide")).isEmpty();
    }
  }

  @Test
  void alterUser_clientComputedVerifier_storedAsGiven() throws SQLException {
    String verifier = "SCRAM-SHA-256$4096:AWPt4ihLEdFs/AAtat5Cbw==$"
        + "6NLTDaCNOyLipl1kDtBOojT5Xtw1VGDz2jf7zhooits=:AtcQwpEB8XRotX4Ykr8zhgkXiKioew2ek9nMUATO5ek=";
    run(admin, "ALTER USER alice PASSWORD '" + verifier + "'");
    assertThat(database.find("alice").orElseThrow().verifier().orElseThrow().toString()).isEqualTo(verifier);
    assertThat(database.find("alice").orElseThrow().verifier().orElseThrow().matches("correct horse")).isTrue();
  }

  @Test
  void failedRoleStatement_errorCarriesNoPassword() {
    assertThatThrownBy(() -> run(admin, "CREATE USER alice PASSWORD 'hunter2-secret'"))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("42710");
          assertThat(e.getMessage()).doesNotContain("hunter2-secret");
        });
    // the name is missing, so the parser stops at the literal: its message would quote it
    assertThatThrownBy(() -> run(admin, "ALTER USER PASSWORD 'hunter2-secret'"))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("42601");
          assertThat(e.getMessage()).contains("********").doesNotContain("hunter2-secret");
        });
    assertThatThrownBy(() -> run(admin, "CREATE USER carol PASSWORD 'hunter2-secret"))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    assertThat(PasswordRedaction.redact("ALTER USER x WITH PASSWORD 'it''s secret' LOGIN"))
        .isEqualTo("ALTER USER x WITH PASSWORD '********' LOGIN");
  }

  @Test
  void nologinRole_sessionRefused() throws SQLException {
    run(admin, "CREATE ROLE grp");
    assertThatThrownBy(() -> database.openSession("grp", Map.of())).isInstanceOfSatisfying(SQLException.class,
        e -> assertThat(e.getSQLState()).isEqualTo("28000"));
  }

  @Test
  void accessCatalog_verifiersOnlyForSuperusers_aclAndPrivileges() throws SQLException {
    run(admin, "CREATE TABLE t (id INT PRIMARY KEY)");
    run(admin, "GRANT SELECT ON t TO alice WITH GRANT OPTION");
    AccessCatalog asAdmin = new AccessCatalog(database.engine(), "admin");
    AccessCatalog asAlice = new AccessCatalog(database.engine(), "alice");
    AccessCatalog.RoleRow aliceSeenByAdmin = asAdmin.roles().stream().filter(r -> r.name().equals("alice"))
        .findFirst().orElseThrow();
    assertThat(aliceSeenByAdmin.password()).hasValueSatisfying(p -> assertThat(p).startsWith("SCRAM-SHA-256$"));
    assertThat(asAlice.roles()).isNotEmpty().allSatisfy(
        row -> assertThat(row.password().orElse(AccessCatalog.HIDDEN_PASSWORD)).isEqualTo(AccessCatalog.HIDDEN_PASSWORD));
    var table = database.engine().catalog().table("t").orElseThrow();
    assertThat(asAlice.relacl(table)).contains(List.of("admin=arwdDxt/admin", "alice=r*/admin"));
    assertThat(asAlice.owner(table)).contains("admin");
    assertThat(asAlice.tablePrivileges(List.of(table))).containsExactly(
        new AccessCatalog.TablePrivilegeRow("admin", "alice", "t", io.omendb.engine.users.TablePrivilege.SELECT,
            true));
    assertThat(asAdmin.tablePrivileges(List.of(table))).hasSize(8);
  }
}
