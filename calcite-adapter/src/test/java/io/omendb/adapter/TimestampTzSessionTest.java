package io.omendb.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** timestamptz through a session: the TimeZone setting, rows as OffsetDateTime, parameters and COPY. */
class TimestampTzSessionTest {
  @TempDir Path dir;
  private Database database;
  private final List<Session> sessions = new ArrayList<>();

  @AfterEach
  void close() {
    sessions.forEach(Session::close);
    if (database != null) {
      database.close();
    }
  }

  private Session open(Map<String, String> startup) throws SQLException {
    if (database == null) {
      database = Database.open(dir);
    }
    Session session = database.openSession("tester", startup);
    sessions.add(session);
    return session;
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

  private static void run(Session session, String sql) throws SQLException {
    rows(session, sql);
  }

  @Test
  void execute_rowsAreOffsetDateTimesInTheSessionZone() throws SQLException {
    Session session = open(Map.of());
    run(session, "CREATE TABLE t (id INT PRIMARY KEY, at_tz TIMESTAMPTZ)");
    run(session, "INSERT INTO t VALUES (1, '2024-05-17 10:11:12+02')");
    assertThat(rows(session, "SHOW timezone")).containsExactly(List.of("UTC"));
    assertThat(rows(session, "SELECT at_tz FROM t"))
        .containsExactly(List.of(OffsetDateTime.parse("2024-05-17T08:11:12Z")));
    run(session, "SET TIME ZONE 'Asia/Kolkata'");
    assertThat(rows(session, "SELECT at_tz FROM t"))
        .containsExactly(List.of(OffsetDateTime.parse("2024-05-17T13:41:12+05:30")));
    run(session, "SET TIME ZONE DEFAULT");
    assertThat(rows(session, "SHOW timezone")).containsExactly(List.of("UTC"));
  }

  @Test
  void open_startupTimeZoneIsTheSessionZoneUnlessUnknown() throws SQLException {
    Session paris = open(Map.of("TimeZone", "Europe/Paris"));
    assertThat(rows(paris, "SELECT CAST(TIMESTAMP '2024-01-15 12:00:00' AS TIMESTAMPTZ)"))
        .containsExactly(List.of(OffsetDateTime.parse("2024-01-15T12:00:00+01:00")));
    Session unknown = open(Map.of("TimeZone", "Nowhere/Land"));
    assertThat(rows(unknown, "SHOW timezone")).containsExactly(List.of("UTC"));
  }

  @Test
  void execute_unknownZoneIs22023AndAtTimeZoneIs0A000() throws SQLException {
    Session session = open(Map.of());
    assertThatThrownBy(() -> run(session, "SET TIME ZONE 'Nowhere/Land'"))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22023"));
    assertThatThrownBy(() -> run(session, "SELECT now() AT TIME ZONE 'UTC'"))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"))
        .hasMessageContaining("AT TIME ZONE");
  }

  @Test
  void prepare_parametersAreReadInTheSessionZone() throws Exception {
    Session session = open(Map.of("TimeZone", "America/New_York"));
    run(session, "CREATE TABLE t (id INT PRIMARY KEY, at_tz TIMESTAMPTZ)");
    try (PreparedQuery insert = session.prepare("INSERT INTO t VALUES ($1, $2)", List.of())) {
      insert.execute(List.of(1, "2024-05-17 10:11:12")).close();
      insert.execute(List.of(2, OffsetDateTime.parse("2024-05-17T10:11:12+05:30"))).close();
    }
    assertThat(rows(session, "SELECT id, CAST(at_tz AS TEXT) FROM t ORDER BY id")).containsExactly(
        List.of(1, "2024-05-17 10:11:12-04"), List.of(2, "2024-05-17 00:41:12-04"));
  }
}
