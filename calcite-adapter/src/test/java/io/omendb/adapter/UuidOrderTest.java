package io.omendb.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * uuids compared in memory in PostgreSQL's order (unsigned bytes). The sorts and comparisons are also in the golden
 * file {@code types/uuid.sql}; {@code min}/{@code max} of uuid, which PostgreSQL 15 does not have (42883), only here.
 */
class UuidOrderTest {
  private static final UUID LOW = UUID.fromString("00000000-0000-0000-0000-000000000002");
  private static final UUID MIDDLE = UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff");
  private static final UUID HIGH = UUID.fromString("80000000-0000-0000-0000-000000000000");
  private static final UUID TOP = UUID.fromString("ffffffff-0000-0000-0000-000000000000");

  @TempDir Path dir;
  private Database database;
  private Session session;

  @BeforeEach
  void open() throws SQLException {
    database = Database.open(dir);
    session = database.openSession("tester", Map.of());
    rows("CREATE TABLE uo (k INT PRIMARY KEY, v UUID, g INT)");
    rows("INSERT INTO uo VALUES (1, '" + TOP + "', 1), (2, '" + LOW + "', 1), (3, '" + HIGH + "', 2),"
        + " (5, '" + MIDDLE + "', 2)");
    rows("INSERT INTO uo VALUES (4, NULL, 2)");
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

  @Test
  void minMax_unsignedByteOrder() throws SQLException {
    assertThat(rows("SELECT min(v), max(v), count(v) FROM uo")).containsExactly(List.of(LOW, TOP, 4L));
    assertThat(rows("SELECT g, min(v), max(v) FROM uo GROUP BY g ORDER BY g"))
        .containsExactly(List.of(1, LOW, TOP), List.of(2, MIDDLE, HIGH));
    assertThat(rows("SELECT k FROM uo WHERE v = (SELECT max(v) FROM uo)")).containsExactly(List.of(1));
  }

  @Test
  void orderBy_unsignedByteOrder_valuesStayUuids() throws SQLException {
    assertThat(rows("SELECT v, k FROM uo WHERE v IS NOT NULL ORDER BY v"))
        .containsExactly(List.of(LOW, 2), List.of(MIDDLE, 5), List.of(HIGH, 3), List.of(TOP, 1));
    assertThat(rows("SELECT k FROM uo WHERE v < '80000000-0000-0000-0000-000000000000' ORDER BY v DESC"))
        .containsExactly(List.of(5), List.of(2));
  }
}
