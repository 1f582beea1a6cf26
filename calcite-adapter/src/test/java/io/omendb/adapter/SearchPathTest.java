package io.omendb.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schemas and the search path through sessions of a real database: what one session's settings change, which the
 * golden files (one PostgreSQL session per case) cannot show. Expected values are PostgreSQL 15's answers to the same
 * statements in one psql session.
 */
class SearchPathTest {
  @TempDir Path dir;
  private Database database;
  private Session session;

  @BeforeEach
  void open() throws SQLException {
    database = Database.open(dir);
    session = database.openSession("admin", Map.of());
    run(session, "CREATE SCHEMA app");
    run(session, "CREATE TABLE app.t (id INT PRIMARY KEY, v TEXT)");
    run(session, "CREATE TABLE t (id INT PRIMARY KEY, v TEXT)");
    run(session, "INSERT INTO app.t VALUES (1, 'app')");
    run(session, "INSERT INTO t VALUES (1, 'public')");
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

  private static Object value(Session session, String sql) throws SQLException {
    return rows(session, sql).get(0).get(0);
  }

  /** The elements of the name array the single-row query returns. */
  private static List<String> names(Session session, String sql) throws SQLException {
    Object array = value(session, sql);
    Object[] elements = array instanceof java.sql.Array values ? (Object[]) values.getArray()
        : ((List<?>) array).toArray();
    return Arrays.stream(elements).map(String::valueOf).toList();
  }

  private static void assertState(Session session, String sql, String state, String message) {
    assertThatThrownBy(() -> run(session, sql)).isInstanceOfSatisfying(SQLException.class, e -> {
      assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(state);
      assertThat(e.getMessage()).contains(message);
    });
  }

  @Test
  void defaultPath_resolvesToPublic() throws SQLException {
    assertThat(value(session, "SHOW search_path")).isEqualTo("\"$user\", public");
    assertThat(value(session, "SELECT v FROM t")).isEqualTo("public");
    assertThat(value(session, "SELECT current_schema()")).isEqualTo("public");
    assertThat(names(session, "SELECT current_schemas(false)")).containsExactly("public");
    assertThat(names(session, "SELECT current_schemas(true)")).containsExactly("pg_catalog", "public");
  }

  @Test
  void setSearchPath_unqualifiedNamesResolveInItsFirstSchema() throws SQLException {
    assertThat(run(session, "SET search_path TO app, public")).isEqualTo("SET");
    assertThat(value(session, "SHOW search_path")).isEqualTo("app, public");
    assertThat(value(session, "SELECT v FROM t")).isEqualTo("app");
    assertThat(value(session, "SELECT current_schema()")).isEqualTo("app");
    assertThat(names(session, "SELECT current_schemas(true)")).containsExactly("pg_catalog", "app", "public");
    run(session, "SET search_path = \"$user\", public");
    assertThat(value(session, "SHOW search_path")).isEqualTo("\"$user\", public");
    assertThat(value(session, "SELECT v FROM t")).isEqualTo("public");
  }

  @Test
  void createUnqualified_goesToFirstExistingSchemaOfPath() throws SQLException {
    run(session, "SET search_path TO nosuch, app, public");
    run(session, "CREATE TABLE u (id INT)");
    run(session, "CREATE SEQUENCE s");
    run(session, "CREATE INDEX t_v_idx ON t (v)");
    assertThat(rows(session, "SELECT table_schema FROM information_schema.tables WHERE table_name = 'u'"))
        .containsExactly(List.of("app"));
    assertThat(rows(session, "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n"
        + " ON n.oid = c.relnamespace WHERE c.relname IN ('s', 't_v_idx') ORDER BY 2"))
        .containsExactly(List.of("app", "s"), List.of("app", "t_v_idx"));
    assertThat(value(session, "SELECT nextval('s') + nextval('app.s')")).isEqualTo(3L);
  }

  @Test
  void createUnqualified_noExistingSchemaOnPath_refused() throws SQLException {
    run(session, "SET search_path TO nosuch");
    assertThat(value(session, "SELECT current_schema()")).isNull();
    assertState(session, "CREATE TABLE x (id INT)", "3F000", "no schema has been selected to create in");
    assertThat(value(session, "SELECT v FROM public.t")).isEqualTo("public");
  }

  @Test
  void setConfigEmptyPath_qualifiedNamesStillResolve() throws SQLException {
    // how every pg_dump script starts
    run(session, "SELECT pg_catalog.set_config('search_path', '', false)");
    assertState(session, "SELECT v FROM t", "42P01", "");
    assertThat(value(session, "SELECT v FROM public.t")).isEqualTo("public");
    assertThat(names(session, "SELECT current_schemas(true)")).containsExactly("pg_catalog");
    assertThat(rows(session, "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n"
        + " ON n.oid = c.relnamespace WHERE c.oid = 'app.t'::regclass")).containsExactly(List.of("app", "t"));
  }

  @Test
  void sameText_afterPathChange_replannedAgainstNewPath() throws SQLException {
    String sql = "SELECT v FROM t WHERE id = 1";
    assertThat(value(session, sql)).isEqualTo("public");
    run(session, "SET search_path TO app");
    assertThat(value(session, sql)).isEqualTo("app");
    PreparedQuery prepared = session.prepare("SELECT v FROM t WHERE id = $1", List.of(Types.INTEGER));
    try (StatementResult result = prepared.execute(List.of(1))) {
      assertThat(result.next()[0]).isEqualTo("app");
    }
    run(session, "RESET search_path");
    try (StatementResult result = prepared.execute(List.of(1))) {
      assertThat(result.next()[0]).isEqualTo("public");
    }
    prepared.close();
  }

  @Test
  void copyFrom_sameTableNameInTwoSchemas_loadsTheOneNamed() throws SQLException {
    try (StatementResult result = session.execute("COPY app.t (id, v) FROM STDIN")) {
      CopyIn copy = (CopyIn) result;
      copy.insert(List.of("2", "copied into app"));
    }
    run(session, "SET search_path TO app");
    try (StatementResult result = session.execute("COPY t FROM STDIN")) {
      ((CopyIn) result).insert(List.of("3", "copied by path"));
    }
    assertThat(rows(session, "SELECT id, v FROM app.t ORDER BY id")).containsExactly(
        List.of(1, "app"), List.of(2, "copied into app"), List.of(3, "copied by path"));
    assertThat(rows(session, "SELECT id, v FROM public.t")).containsExactly(List.of(1, "public"));
  }

  @Test
  void forUpdate_unqualifiedByPath_locksTheTableOfThePathOnly() throws SQLException {
    try (Session other = database.openSession("admin", Map.of())) {
      run(session, "SET search_path TO app");
      run(session, "BEGIN");
      assertThat(value(session, "SELECT v FROM t WHERE id = 1 FOR UPDATE")).isEqualTo("app");
      run(other, "UPDATE app.t SET v = 'changed' WHERE id = 1");
      // the lock was taken on app.t, which the other session changed since: the locker cannot commit
      assertThatThrownBy(() -> run(session, "COMMIT")).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getSQLState()).isEqualTo("40001"));
    }
  }

  @Test
  void forUpdate_unqualifiedByPath_otherSchemasTableUnlocked() throws SQLException {
    try (Session other = database.openSession("admin", Map.of())) {
      run(session, "SET search_path TO app");
      run(session, "BEGIN");
      assertThat(value(session, "SELECT v FROM t WHERE id = 1 FOR UPDATE")).isEqualTo("app");
      run(other, "UPDATE public.t SET v = 'changed' WHERE id = 1");
      assertThat(run(session, "COMMIT")).isEqualTo("COMMIT");
    }
  }

  @Test
  void startupOption_setsSearchPath() throws SQLException {
    try (Session other = database.openSession("admin", Map.of("options", "-c search_path=app"))) {
      assertThat(value(other, "SELECT v FROM t")).isEqualTo("app");
    }
  }

  @Test
  void userSchema_firstOnDefaultPath() throws SQLException {
    run(session, "CREATE SCHEMA admin");
    run(session, "CREATE TABLE t (id INT)");
    assertThat(value(session, "SELECT current_schema()")).isEqualTo("admin");
    assertThat(rows(session, "SELECT table_schema FROM information_schema.tables WHERE table_name = 't'"
        + " ORDER BY 1")).containsExactly(List.of("admin"), List.of("app"), List.of("public"));
  }

  @Test
  void dml_qualifiedInSecondSession_seesSchemaCreatedByFirst() throws SQLException {
    try (Session other = database.openSession("admin", Map.of())) {
      assertThat(value(other, "SELECT count(*) FROM app.t")).isEqualTo(1L);
      run(session, "CREATE SCHEMA late");
      run(session, "CREATE TABLE late.t (id INT)");
      run(other, "INSERT INTO late.t VALUES (7)");
      assertThat(value(session, "SELECT id FROM late.t")).isEqualTo(7);
      run(session, "DROP SCHEMA late CASCADE");
      assertState(other, "SELECT id FROM late.t", "42P01", "");
    }
  }

  @Test
  void restart_keepsSchemasAndPlacement() throws SQLException {
    run(session, "CREATE SEQUENCE app.s");
    run(session, "SELECT nextval('app.s')");
    database.close();
    database = Database.open(dir);
    session = database.openSession("admin", Map.of());
    assertThat(value(session, "SELECT v FROM app.t")).isEqualTo("app");
    assertThat(value(session, "SELECT v FROM t")).isEqualTo("public");
    // the sequence's cache may skip values across a restart, but never repeats one (PostgreSQL answers 2 here)
    assertThat((Long) value(session, "SELECT nextval('app.s')")).isGreaterThan(1L);
    assertThat(rows(session, "SELECT nspname FROM pg_namespace WHERE nspname = 'app'")).hasSize(1);
  }

  @Test
  void createSchema_privileges() throws SQLException {
    run(session, "CREATE USER alice PASSWORD 'pw'");
    run(session, "CREATE USER bob PASSWORD 'pw' CREATEDB");
    run(session, "CREATE SCHEMA AUTHORIZATION alice");
    run(session, "CREATE SCHEMA IF NOT EXISTS owned AUTHORIZATION alice");
    assertThat(rows(session, "SELECT n.nspname, pg_get_userbyid(n.nspowner) FROM pg_namespace n"
        + " WHERE n.nspname IN ('alice', 'owned') ORDER BY 1"))
        .containsExactly(List.of("alice", "alice"), List.of("owned", "alice"));
    try (Session alice = database.openSession("alice", Map.of());
        Session bob = database.openSession("bob", Map.of())) {
      assertState(alice, "CREATE SCHEMA mine", "42501", "permission denied for database");
      assertState(alice, "DROP SCHEMA app", "42501", "must be owner of schema app");
      run(alice, "DROP SCHEMA owned");
      run(bob, "CREATE SCHEMA bobs");
      assertState(bob, "CREATE SCHEMA other AUTHORIZATION alice", "42501", "");
      run(bob, "ALTER SCHEMA bobs OWNER TO alice");
      assertThat(value(session, "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'bobs'"))
          .isEqualTo("alice");
    }
    assertState(session, "ALTER SCHEMA app RENAME TO other", "0A000", "RENAME");
  }

  @Test
  void grantOnAllTablesInSchema_coversThatSchemaOnly() throws SQLException {
    run(session, "CREATE USER alice PASSWORD 'pw'");
    run(session, "GRANT SELECT ON ALL TABLES IN SCHEMA app TO alice");
    try (Session alice = database.openSession("alice", Map.of())) {
      assertThat(value(alice, "SELECT v FROM app.t")).isEqualTo("app");
      assertState(alice, "SELECT v FROM public.t", "42501", "permission denied for table t");
    }
    run(session, "GRANT SELECT ON public.t TO alice");
    try (Session alice = database.openSession("alice", Map.of())) {
      assertThat(value(alice, "SELECT v FROM t")).isEqualTo("public");
    }
    assertState(session, "GRANT SELECT ON ALL TABLES IN SCHEMA nosuch TO alice", "3F000", "nosuch");
  }
}
