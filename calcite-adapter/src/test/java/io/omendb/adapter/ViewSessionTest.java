package io.omendb.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** Views through sessions of a real database: expansion, plans, privileges, dependencies and restarts. */
class ViewSessionTest {
  @TempDir Path dir;
  private Database database;
  private Session admin;

  @BeforeEach
  void open() throws SQLException {
    database = Database.open(dir);
    admin = database.openSession("admin", Map.of());
    run(admin, "CREATE TABLE person (id INT PRIMARY KEY, name TEXT NOT NULL, city TEXT, age INT)");
    run(admin, "INSERT INTO person VALUES (1, 'ann', 'oslo', 31), (2, 'bob', 'rome', 45), (3, 'cid', 'oslo', 22)");
    run(admin, "CREATE TABLE city (name TEXT PRIMARY KEY, country TEXT)");
    run(admin, "INSERT INTO city VALUES ('oslo', 'no'), ('rome', 'it')");
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

  private static List<String> rows(Session session, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (StatementResult result = session.execute(sql)) {
      for (Object[] row = result.next(); row != null; row = result.next()) {
        rows.add(String.join("|", Arrays.stream(row).map(String::valueOf).toList()));
      }
    }
    return rows;
  }

  private static void assertState(Session session, String sql, String state, String message) {
    assertThatThrownBy(() -> run(session, sql)).isInstanceOfSatisfying(SQLException.class, e -> {
      assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(state);
      assertThat(e.getMessage()).contains(message);
    });
  }

  @Test
  void select_throughView_expandsTheStoredQuery() throws SQLException {
    assertThat(run(admin, "CREATE VIEW oslo AS SELECT id, name, age FROM person WHERE city = 'oslo'"))
        .isEqualTo("CREATE VIEW");
    assertThat(rows(admin, "SELECT * FROM oslo ORDER BY id")).containsExactly("1|ann|31", "3|cid|22");
    assertThat(rows(admin, "SELECT o.name, c.country FROM oslo o JOIN person p ON p.id = o.id "
        + "JOIN city c ON c.name = p.city WHERE o.age > 25")).containsExactly("ann|no");
    assertThat(rows(admin, "SELECT name FROM person WHERE id IN (SELECT id FROM oslo) ORDER BY name"))
        .containsExactly("ann", "cid");
    assertThat(rows(admin, "SELECT count(*) FROM (SELECT * FROM oslo) s")).containsExactly("2");
  }

  @Test
  void explain_viewWithKeyFilter_seeksTheUnderlyingTable() throws SQLException {
    run(admin, "CREATE VIEW adults AS SELECT id, name FROM person WHERE age >= 18");
    String plan = String.join("\n", rows(admin, "EXPLAIN SELECT name FROM adults WHERE id = 2"));
    assertThat(plan).contains("person").contains("adults").doesNotContain("TableScan(table=[[public, adults]]");
    assertThat(plan).containsPattern("Seek|seek");
    assertThat(rows(admin, "SELECT name FROM adults WHERE id = 2")).containsExactly("bob");
  }

  @Test
  void select_grantOnViewOnly_readsThroughTheOwnersRights() throws SQLException {
    run(admin, "CREATE USER alice PASSWORD 'a'");
    run(admin, "CREATE USER bob PASSWORD 'b'");
    run(admin, "GRANT SELECT ON person TO alice");
    try (Session alice = database.openSession("alice", Map.of());
        Session bob = database.openSession("bob", Map.of())) {
      run(alice, "CREATE VIEW names AS SELECT id, name FROM person WHERE city = 'oslo'");
      assertState(bob, "SELECT * FROM names", "42501", "permission denied for view names");
      run(alice, "GRANT SELECT ON names TO bob");
      assertThat(rows(bob, "SELECT name FROM names ORDER BY id")).containsExactly("ann", "cid");
      assertThat(rows(bob, "SELECT name FROM names WHERE id = 3")).containsExactly("cid");
      assertState(bob, "SELECT * FROM person", "42501", "permission denied for table person");
      // the same table read directly and through the view in one statement: only the direct read is refused
      assertState(bob, "SELECT * FROM names n JOIN person p ON p.id = n.id", "42501",
          "permission denied for table person");
      run(admin, "REVOKE SELECT ON person FROM alice");
      assertState(bob, "SELECT * FROM names", "42501", "permission denied for table person");
      run(admin, "GRANT SELECT ON person TO alice");
      run(alice, "REVOKE SELECT ON names FROM bob");
      assertState(bob, "SELECT * FROM names", "42501", "permission denied for view names");
      assertState(bob, "DROP VIEW names", "42501", "must be owner of view names");
    }
  }

  @Test
  void select_nestedViews_eachOwnerNeedsTheNextPrivilege() throws SQLException {
    run(admin, "CREATE USER alice PASSWORD 'a'");
    run(admin, "CREATE USER bob PASSWORD 'b'");
    run(admin, "CREATE VIEW inner_v AS SELECT id, name FROM person");
    try (Session alice = database.openSession("alice", Map.of());
        Session bob = database.openSession("bob", Map.of())) {
      run(admin, "GRANT SELECT ON inner_v TO alice");
      run(alice, "CREATE VIEW outer_v AS SELECT name FROM inner_v WHERE id < 3");
      run(alice, "GRANT SELECT ON outer_v TO bob");
      assertThat(rows(bob, "SELECT name FROM outer_v ORDER BY name")).containsExactly("ann", "bob");
      assertState(bob, "SELECT * FROM inner_v", "42501", "permission denied for view inner_v");
      run(admin, "REVOKE SELECT ON inner_v FROM alice");
      assertState(bob, "SELECT * FROM outer_v", "42501", "permission denied for view inner_v");
    }
  }

  @Test
  void write_intoView_refusedAsReadOnly() throws SQLException {
    run(admin, "CREATE VIEW people AS SELECT id, name FROM person");
    assertState(admin, "INSERT INTO people VALUES (9, 'x')", "0A000", "cannot insert into view \"people\"");
    assertState(admin, "UPDATE people SET name = 'y'", "0A000", "cannot update view \"people\"");
    assertState(admin, "DELETE FROM people WHERE id = 1", "0A000", "cannot delete from view \"people\"");
    assertState(admin, "DELETE FROM people RETURNING id", "0A000", "cannot delete from view \"people\"");
    assertState(admin, "TRUNCATE people", "42809", "\"people\" is not a table");
    assertThat(rows(admin, "SELECT count(*) FROM person")).containsExactly("3");
  }

  @Test
  void drop_dependencies_restrictAndCascade() throws SQLException {
    run(admin, "CREATE VIEW a AS SELECT id, name FROM person");
    run(admin, "CREATE VIEW b AS SELECT name FROM a");
    run(admin, "CREATE VIEW c AS SELECT p.name, c.country FROM person p JOIN city c ON c.name = p.city");
    assertState(admin, "DROP TABLE person", "2BP01", "cannot drop table person because other objects depend on it");
    assertState(admin, "DROP VIEW a", "2BP01", "cannot drop view a because other objects depend on it");
    assertState(admin, "DROP VIEW person", "42809", "\"person\" is not a view");
    assertState(admin, "DROP TABLE a", "42809", "\"a\" is not a table");
    assertThat(run(admin, "DROP VIEW a, b")).isEqualTo("DROP VIEW");
    assertThat(run(admin, "DROP VIEW IF EXISTS a")).isEqualTo("DROP VIEW");
    assertState(admin, "DROP VIEW a", "42P01", "view \"a\" does not exist");
    run(admin, "CREATE VIEW a AS SELECT id FROM person");
    run(admin, "CREATE VIEW b AS SELECT id FROM a");
    assertThat(run(admin, "DROP VIEW a CASCADE")).isEqualTo("DROP VIEW");
    assertThat(database.engine().catalog().views().views()).extracting(v -> v.name()).containsExactly("c");
    assertThat(run(admin, "DROP TABLE city CASCADE")).isEqualTo("DROP TABLE");
    assertThat(database.engine().catalog().views().views()).isEmpty();
    assertThat(run(admin, "DROP TABLE person")).isEqualTo("DROP TABLE");
  }

  @Test
  void create_orReplace_keepsColumnsAsPostgresRequires() throws SQLException {
    run(admin, "CREATE VIEW v (k, n) AS SELECT id, name FROM person");
    assertState(admin, "CREATE VIEW v AS SELECT 1 AS k", "42P07", "relation \"v\" already exists");
    assertState(admin, "CREATE OR REPLACE VIEW v (k) AS SELECT id FROM person", "42P16",
        "cannot drop columns from view");
    assertState(admin, "CREATE OR REPLACE VIEW v (k, m) AS SELECT id, name FROM person", "42P16",
        "cannot change name of view column \"n\" to \"m\"");
    assertState(admin, "CREATE OR REPLACE VIEW v (k, n) AS SELECT id, age FROM person", "42P16",
        "cannot change data type of view column \"n\" from text to integer");
    assertState(admin, "CREATE OR REPLACE VIEW person AS SELECT 1 AS x", "42809", "\"person\" is not a view");
    assertState(admin, "CREATE VIEW w AS SELECT nope FROM person", "42703", "nope");
    assertState(admin, "CREATE VIEW w AS SELECT * FROM nope", "42P01", "nope");
    assertState(admin, "CREATE VIEW w AS SELECT 1, 2", "42701", "column \"?column?\" specified more than once");
    run(admin, "CREATE OR REPLACE VIEW v (k, n, a) AS SELECT id, upper(name), age FROM person WHERE id > 1");
    assertThat(rows(admin, "SELECT * FROM v ORDER BY k")).containsExactly("2|BOB|45", "3|CID|22");
  }

  @Test
  void select_afterReopen_viewSurvives() throws SQLException {
    run(admin, "CREATE USER bob PASSWORD 'b'");
    run(admin, "CREATE VIEW oslo (who) AS SELECT name FROM person WHERE city = 'oslo'");
    run(admin, "GRANT SELECT ON oslo TO bob");
    admin.close();
    database.close();
    database = Database.open(dir);
    admin = database.openSession("admin", Map.of());
    try (Session bob = database.openSession("bob", Map.of())) {
      assertThat(rows(bob, "SELECT who FROM oslo ORDER BY who DESC")).containsExactly("cid", "ann");
    }
    assertState(admin, "DROP TABLE person", "2BP01", "other objects depend on it");
  }

  @Test
  void create_inAnotherSchema_resolvesAndDropsWithIt() throws SQLException {
    run(admin, "CREATE SCHEMA app");
    run(admin, "CREATE TABLE app.item (id INT PRIMARY KEY, label TEXT)");
    run(admin, "INSERT INTO app.item VALUES (1, 'x'), (2, 'y')");
    run(admin, "CREATE VIEW app.labels AS SELECT label FROM app.item WHERE id > 1");
    run(admin, "CREATE VIEW everyone AS SELECT p.name, l.label FROM person p, app.labels l WHERE p.id = 1");
    assertThat(rows(admin, "SELECT * FROM app.labels")).containsExactly("y");
    assertThat(rows(admin, "SELECT * FROM everyone")).containsExactly("ann|y");
    assertThat(rows(admin, "SELECT schemaname, viewname FROM pg_views ORDER BY viewname"))
        .containsExactly("public|everyone", "app|labels");
    assertState(admin, "DROP SCHEMA app", "2BP01", "cannot drop schema app because other objects depend on it");
    run(admin, "DROP SCHEMA app CASCADE");
    assertThat(database.engine().catalog().views().views()).isEmpty();
  }

  @Test
  void alterView_renameAndOwner_keepTheViewAndItsGrants() throws SQLException {
    run(admin, "CREATE USER bob PASSWORD 'b'");
    run(admin, "CREATE VIEW v AS SELECT id, name FROM person");
    run(admin, "CREATE VIEW w AS SELECT name FROM v");
    assertState(admin, "ALTER VIEW v RENAME TO v2", "0A000", "other views depend on it");
    assertThat(run(admin, "ALTER VIEW w RENAME TO w2")).isEqualTo("ALTER VIEW");
    assertState(admin, "ALTER VIEW w2 RENAME TO person", "42P07", "relation \"person\" already exists");
    assertState(admin, "ALTER VIEW person RENAME TO x", "42809", "\"person\" is not a view");
    assertState(admin, "ALTER VIEW nope RENAME TO x", "42P01", "nope");
    assertThat(run(admin, "ALTER VIEW IF EXISTS nope RENAME TO x")).isEqualTo("ALTER VIEW");
    assertThat(rows(admin, "SELECT count(*) FROM w2")).containsExactly("3");
    run(admin, "ALTER VIEW w2 OWNER TO bob");
    try (Session bob = database.openSession("bob", Map.of())) {
      // bob owns w2 now, but not v, which w2 reads as bob
      assertState(bob, "SELECT * FROM w2", "42501", "permission denied for view v");
      run(admin, "GRANT SELECT ON v TO bob");
      assertThat(rows(bob, "SELECT count(*) FROM w2")).containsExactly("3");
      run(bob, "DROP VIEW w2");
    }
    run(admin, "COMMENT ON VIEW v IS 'people'");
    run(admin, "COMMENT ON COLUMN v.name IS 'who'");
    assertThat(rows(admin, "SELECT obj_description('v'::regclass, 'pg_class'), col_description('v'::regclass, 2)"))
        .containsExactly("people|who");
  }
}
