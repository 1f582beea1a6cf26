package io.omendb.adapter;

import static org.assertj.core.api.Assertions.assertThat;

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

/** PostgreSQL's {@code ::}, regular-expression operators, OPERATOR() and COLLATE, run through a session. */
class PgOperatorsTest {
  @TempDir Path dir;
  private Database database;
  private Session session;

  @BeforeEach
  void open() throws SQLException {
    database = Database.open(dir);
    session = database.openSession("tester", Map.of());
    rows("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20))");
    rows("INSERT INTO t VALUES (1, 'alpha'), (2, 'Beta'), (3, 'gamma'), (10, 'alphabet')");
  }

  @AfterEach
  void close() {
    session.close();
    database.close();
  }

  private List<List<Object>> rows(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (StatementResult result = session.execute(sql)) {
      for (Object[] row = result.next(); row != null; row = result.next()) {
        rows.add(Arrays.asList(row));
      }
    }
    return rows;
  }

  private List<Object> ids(String where) throws SQLException {
    return rows("SELECT id FROM t WHERE " + where + " ORDER BY id").stream().map(r -> r.get(0)).toList();
  }

  @Test
  void regexOperators_filterRows() throws SQLException {
    assertThat(ids("name ~ '^alpha'")).containsExactly(1, 10);
    assertThat(ids("name !~ '^alpha'")).containsExactly(2, 3);
    assertThat(ids("name ~* '^b'")).containsExactly(2);
    assertThat(ids("name !~* 'A'")).isEmpty();
  }

  @Test
  void operatorCall_withCollate_asPsqlSendsIt() throws SQLException {
    assertThat(ids("name OPERATOR(pg_catalog.~) '^(alpha)$' COLLATE pg_catalog.default")).containsExactly(1);
  }

  @Test
  void infixCast_convertsValues() throws SQLException {
    assertThat(rows("SELECT id::text || '!', '42'::int4 + id, name::pg_catalog.text FROM t WHERE id = 10"))
        .containsExactly(List.of("10!", 52, "alphabet"));
    assertThat(ids("id::text = '3'")).containsExactly(3);
  }
}
