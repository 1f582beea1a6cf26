package io.omendb.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What information_schema shows a user who is not a superuser: the rows PostgreSQL 15 showed a role with SELECT on
 * one table and DELETE on another (captured against PostgreSQL 15 with the same tables and grants).
 */
class InformationSchemaAccessTest {
  @TempDir Path dir;
  private Database database;
  private Session admin;
  private Session alice;

  @BeforeEach
  void open() throws SQLException {
    database = Database.open(dir);
    admin = database.openSession("admin", Map.of());
    rows(admin, "CREATE USER alice PASSWORD 'alice-pw'");
    rows(admin, "CREATE TABLE t (id INT PRIMARY KEY, v TEXT)");
    rows(admin, "CREATE TABLE u (id INT PRIMARY KEY)");
    rows(admin, "CREATE TABLE w (id INT PRIMARY KEY, x INT NOT NULL)");
    rows(admin, "GRANT SELECT ON t TO alice");
    rows(admin, "GRANT DELETE ON w TO alice");
    alice = database.openSession("alice", Map.of());
  }

  @AfterEach
  void close() {
    alice.close();
    admin.close();
    database.close();
  }

  private static List<String> rows(Session session, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (StatementResult result = session.execute(sql)) {
      for (Object[] row = result.next(); row != null; row = result.next()) {
        StringJoiner line = new StringJoiner("|");
        for (Object value : row) {
          line.add(String.valueOf(value));
        }
        rows.add(line.toString());
      }
    }
    return rows;
  }

  @Test
  void tables_thoseWithAnyPrivilege() throws SQLException {
    assertThat(rows(alice, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
        + "ORDER BY 1")).containsExactly("t", "w");
    assertThat(rows(admin, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
        + "ORDER BY 1")).containsExactly("t", "u", "w");
  }

  @Test
  void columnsAndKeyColumns_onlyWithAColumnPrivilege() throws SQLException {
    assertThat(rows(alice, "SELECT table_name, column_name FROM information_schema.columns "
        + "WHERE table_schema = 'public' ORDER BY 1, 2")).containsExactly("t|id", "t|v");
    assertThat(rows(alice, "SELECT table_name, column_name FROM information_schema.key_column_usage "
        + "WHERE table_schema = 'public' ORDER BY 1, 2")).containsExactly("t|id");
  }

  @Test
  void tableConstraints_notForSelectAlone_constraintColumnUsage_ownersOnly() throws SQLException {
    assertThat(rows(alice, "SELECT table_name, constraint_type FROM information_schema.table_constraints "
        + "WHERE table_schema = 'public' ORDER BY 1, 2")).containsExactly("w|CHECK", "w|CHECK", "w|PRIMARY KEY");
    assertThat(rows(alice, "SELECT count(*) FROM information_schema.constraint_column_usage "
        + "WHERE table_schema = 'public'")).containsExactly("0");
  }

  @Test
  void tablePrivileges_onlyTheUsersOwn_changedByGrantAndRevoke() throws SQLException {
    String query = "SELECT grantor, grantee, table_name, privilege_type, is_grantable "
        + "FROM information_schema.table_privileges WHERE table_schema = 'public' ORDER BY 3, 4, 5";
    assertThat(rows(alice, query)).containsExactly("admin|alice|t|SELECT|NO", "admin|alice|w|DELETE|NO");
    rows(admin, "GRANT INSERT ON u TO alice WITH GRANT OPTION");
    rows(admin, "REVOKE SELECT ON t FROM alice");
    assertThat(rows(alice, query)).containsExactly("admin|alice|u|INSERT|YES", "admin|alice|w|DELETE|NO");
  }

  @Test
  void schemata_thoseEveryoneMayUse() throws SQLException {
    assertThat(rows(alice, "SELECT schema_name FROM information_schema.schemata ORDER BY 1"))
        .containsExactly("information_schema", "pg_catalog", "public");
  }
}
