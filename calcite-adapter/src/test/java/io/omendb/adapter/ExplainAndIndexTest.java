package io.omendb.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL-shaped EXPLAIN and secondary indexes through the Session API. */
class ExplainAndIndexTest {
  @TempDir Path dir;
  private Database database;
  private Session session;

  @BeforeEach
  void open() throws SQLException {
    database = Database.open(dir);
    session = database.openSession("t", Map.of());
    run("CREATE TABLE person (id INT PRIMARY KEY, email TEXT NOT NULL, city TEXT, age INT)");
    StringBuilder values = new StringBuilder();
    for (int i = 1; i <= 200; i++) {
      values.append(i == 1 ? "" : ", ").append('(').append(i).append(", 'p").append(i).append("@x', 'c")
          .append(i % 10).append("', ").append(20 + i % 50).append(')');
    }
    run("INSERT INTO person VALUES " + values);
  }

  @AfterEach
  void close() {
    session.close();
    database.close();
  }

  private String run(String sql) throws SQLException {
    try (StatementResult result = session.execute(sql)) {
      while (result.next() != null) {
        // drain
      }
      return result.commandTag();
    }
  }

  private List<String> column(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (StatementResult result = session.execute(sql)) {
      for (Object[] row = result.next(); row != null; row = result.next()) {
        values.add(String.valueOf(row[0]));
      }
    }
    return values;
  }

  private String state(String sql) {
    try {
      run(sql);
    } catch (SQLException e) {
      return e.getSQLState();
    }
    throw new AssertionError("expected an error from " + sql);
  }

  @Test
  void explain_onePlanLinePerRowInQueryPlanColumn() throws SQLException {
    try (StatementResult result = session.execute("EXPLAIN SELECT email, age + 1 FROM person WHERE id = 7")) {
      assertThat(result.columns()).extracting(ColumnMeta::name).containsExactly("QUERY PLAN");
      List<String> lines = new ArrayList<>();
      for (Object[] row = result.next(); row != null; row = result.next()) {
        lines.add((String) row[0]);
      }
      assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
      assertThat(String.join("\n", lines))
          .contains("StoreIndexSeek(table=[[public, person]], index=[PRIMARY], alex=[true], keys=[[$0 = 7]], "
              + "projects=[[1, 3]])");
      assertThat(result.commandTag()).isEqualTo("EXPLAIN");
    }
  }

  @Test
  void explainAnalyze_runsTheStatementAndReportsRowsAndTime() throws SQLException {
    List<String> lines = column("EXPLAIN ANALYZE SELECT id FROM person WHERE id BETWEEN 10 AND 19");
    assertThat(lines.get(0)).contains("rows=10 loops=1");
    assertThat(lines).anyMatch(l -> l.startsWith("Execution Time: ")).anyMatch(l -> l.startsWith("Planning Time: "));
    List<String> dml = column("EXPLAIN ANALYZE DELETE FROM person WHERE id = 200");
    assertThat(dml.get(0)).startsWith("StoreTableModify").contains("rows=1 loops=1");
    assertThat(actualRows(line(dml, "StoreIndexSeek"))).isEqualTo(1);
    assertThat(column("SELECT count(*) FROM person")).containsExactly("199");
  }

  /** The line of {@code plan} that starts (after indentation) with {@code operator}. */
  private static String line(List<String> plan, String operator) {
    return plan.stream().filter(l -> l.strip().startsWith(operator)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + operator + " in " + plan));
  }

  private static long actualRows(String line) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("rows=(\\d+) loops=(\\d+)\\)$").matcher(line);
    assertThat(m.find()).as(line).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void explainAnalyze_eachOperatorReportsItsOwnActualRows() throws SQLException {
    String query = "SELECT city, count(*) FROM person WHERE id <= 50 AND age > 30 GROUP BY city";
    List<String> plan = column("EXPLAIN ANALYZE " + query);
    long seekRows = Long.parseLong(column("SELECT count(*) FROM person WHERE id <= 50").get(0));
    long filtered = Long.parseLong(column("SELECT count(*) FROM person WHERE id <= 50 AND age > 30").get(0));
    long groups = column(query).size();
    assertThat(seekRows).isNotEqualTo(filtered);
    String seek = line(plan, "StoreIndexSeek");
    assertThat(seek).contains("StoreIndexSeek(table=[[public, person]], index=[PRIMARY], alex=[false], ");
    assertThat(actualRows(seek)).isEqualTo(seekRows);
    assertThat(actualRows(line(plan, "EnumerableCalc"))).isEqualTo(filtered);
    assertThat(actualRows(line(plan, "EnumerableAggregate"))).isEqualTo(groups);
    assertThat(actualRows(plan.get(0))).isEqualTo(groups);
    java.util.regex.Matcher time = java.util.regex.Pattern.compile("actual time=(\\d+\\.\\d{3})\\.\\.(\\d+\\.\\d{3}) ")
        .matcher(seek);
    assertThat(time.find()).isTrue();
    assertThat(Double.parseDouble(time.group(1))).isLessThanOrEqualTo(Double.parseDouble(time.group(2)));
    assertThat(plan.subList(0, plan.size() - 2)).allMatch(l -> l.contains(" (actual time="));
    assertThat(plan.subList(plan.size() - 2, plan.size()))
        .allMatch(l -> l.startsWith("Planning Time: ") || l.startsWith("Execution Time: "));
  }

  @Test
  void explainAnalyze_pointSeekAndTimingOff() throws SQLException {
    List<String> hit = column("EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT email FROM person WHERE id = 5");
    assertThat(line(hit, "StoreIndexSeek")).endsWith("alex=[true], keys=[[$0 = 5]], projects=[[1]]) (actual rows=1 loops=1)");
    assertThat(hit).noneMatch(l -> l.contains("actual time")).noneMatch(l -> l.startsWith("Execution Time"));
    List<String> miss = column("EXPLAIN ANALYZE SELECT email FROM person WHERE id = 5000");
    assertThat(actualRows(line(miss, "StoreIndexSeek"))).isZero();
  }

  @Test
  void explainAnalyze_constantSelectStillShowsItsPlan() throws SQLException {
    List<String> plan = column("EXPLAIN ANALYZE SELECT 1");
    assertThat(plan.get(0)).startsWith("Enumerable");
    assertThat(plan).anyMatch(l -> l.startsWith("Execution Time: "));
  }

  @Test
  void explainAnalyze_lookupJoinCountsEachSide() throws SQLException {
    run("CREATE TABLE visit (vid INT PRIMARY KEY, person_id INT)");
    run("INSERT INTO visit VALUES (1, 3), (2, 4), (3, 9999), (4, 3)");
    List<String> plan = column(
        "EXPLAIN ANALYZE SELECT v.vid, p.email FROM visit v JOIN person p ON p.id = v.person_id WHERE v.vid <= 3");
    assertThat(actualRows(line(plan, "StoreLookupJoin"))).isEqualTo(2);
    assertThat(actualRows(line(plan, "StoreIndexSeek(table=[[public, visit]]"))).isEqualTo(3);
  }

  @Test
  void explainAnalyze_innerSideOfANestedLoopCountsItsLoops() throws SQLException {
    run("CREATE TABLE band (lo INT PRIMARY KEY)");
    run("INSERT INTO band VALUES (60), (65), (68)");
    List<String> plan = column("EXPLAIN ANALYZE SELECT p.id, b.lo FROM person p JOIN band b ON p.age > b.lo "
        + "ORDER BY p.id");
    long joined = column("SELECT p.id, b.lo FROM person p JOIN band b ON p.age > b.lo").size();
    assertThat(actualRows(line(plan, "EnumerableNestedLoopJoin"))).isEqualTo(joined);
    // one side is enumerated once, the other once per row of the first: rows are reported per loop
    List<String> scans = plan.stream().filter(l -> l.strip().startsWith("StoreTableScan")).toList();
    assertThat(scans).hasSize(2);
    assertThat(scans).anyMatch(l -> l.endsWith("rows=200 loops=1)") || l.endsWith("rows=3 loops=1)"))
        .anyMatch(l -> l.endsWith("rows=3 loops=200)") || l.endsWith("rows=200 loops=3)"));
  }

  @Test
  void createIndex_isUsedForEqualityAndRange_andMaintained() throws SQLException {
    assertThat(run("CREATE INDEX person_city ON person (city)")).isEqualTo("CREATE INDEX");
    assertThat(String.join("\n", column("EXPLAIN SELECT id FROM person WHERE city = 'c3'")))
        .contains("index=[person_city]");
    assertThat(column("SELECT count(*) FROM person WHERE city = 'c3'")).containsExactly("20");
    run("UPDATE person SET city = 'moved' WHERE id = 3");
    assertThat(column("SELECT count(*) FROM person WHERE city = 'c3'")).containsExactly("19");
    assertThat(column("SELECT id FROM person WHERE city = 'moved'")).containsExactly("3");
    run("DELETE FROM person WHERE id = 3");
    assertThat(column("SELECT id FROM person WHERE city = 'moved'")).isEmpty();
    run("CREATE INDEX ON person (age)");
    assertThat(String.join("\n", column("EXPLAIN SELECT id FROM person WHERE age > 68")))
        .contains("index=[person_age_idx]");
    assertThat(column("SELECT id FROM person WHERE age > 68 ORDER BY id")).containsExactly("49", "99", "149", "199");
    assertThat(run("DROP INDEX person_city")).isEqualTo("DROP INDEX");
    assertThat(String.join("\n", column("EXPLAIN SELECT id FROM person WHERE city = 'c3'")))
        .doesNotContain("person_city");
    assertThat(state("DROP INDEX person_city")).isEqualTo("42704");
    assertThat(run("DROP INDEX IF EXISTS person_city")).isEqualTo("DROP INDEX");
  }

  @Test
  void uniqueIndex_refusesDuplicates() throws SQLException {
    assertThat(run("CREATE UNIQUE INDEX person_email ON person (email)")).isEqualTo("CREATE INDEX");
    assertThat(state("INSERT INTO person VALUES (1000, 'p5@x', 'c0', 30)")).isEqualTo("23505");
    assertThat(state("CREATE UNIQUE INDEX person_city_u ON person (city)")).isEqualTo("23505");
    assertThat(column("SELECT id FROM person WHERE email = 'p5@x'")).containsExactly("5");
    assertThat(state("CREATE INDEX person_email ON person (age)")).isEqualTo("42P07");
    assertThat(run("CREATE INDEX IF NOT EXISTS person_email ON person (age)")).isEqualTo("CREATE INDEX");
    assertThat(state("CREATE INDEX bad ON person (nope)")).isEqualTo("42703");
  }
}
