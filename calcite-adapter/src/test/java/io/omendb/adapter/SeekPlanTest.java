package io.omendb.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans and rows together, after Calcite's {@code sql(...).explainContains(...).returns(...)}: each query must take
 * the intended access path and return the right rows.
 */
class SeekPlanTest {
  @TempDir Path dir;
  private Connection connection;

  @BeforeEach
  void load() throws SQLException {
    connection = DriverManager.getConnection(OmenDriver.PREFIX + dir);
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE acct (id INT PRIMARY KEY, owner TEXT NOT NULL, balance BIGINT)");
      StringBuilder values = new StringBuilder();
      for (int i = 1; i <= 100; i++) {
        values.append(i == 1 ? "" : ", ").append("(").append(i).append(", 'o").append(i % 7).append("', ")
            .append(i * 10).append(")");
      }
      statement.execute("INSERT INTO acct VALUES " + values);
      statement.execute("CREATE TABLE pair (a INT, b TEXT, v INT, PRIMARY KEY (a, b))");
      statement.execute("INSERT INTO pair VALUES (1, 'x', 1), (1, 'y', 2), (2, 'x', 3), (2, 'y', 4), (3, 'z', 5)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  /** A query under test: its plan and its rows. */
  private final class Check {
    private final String sql;
    private final Object[] parameters;

    Check(String sql, Object... parameters) {
      this.sql = sql;
      this.parameters = parameters;
    }

    Check explainContains(String expected) throws SQLException {
      assertThat(plan()).contains(expected);
      return this;
    }

    Check explainDoesNotContain(String unexpected) throws SQLException {
      assertThat(plan()).doesNotContain(unexpected);
      return this;
    }

    private String plan() throws SQLException {
      try (PreparedStatement statement = connection.prepareStatement("EXPLAIN PLAN FOR " + sql)) {
        bind(statement);
        try (ResultSet rs = statement.executeQuery()) {
          rs.next();
          return rs.getString(1);
        }
      }
    }

    void returns(String... expected) throws SQLException {
      List<String> rows = new ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        bind(statement);
        try (ResultSet rs = statement.executeQuery()) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
              row.append(i > 1 ? "|" : "").append(rs.getString(i));
            }
            rows.add(row.toString());
          }
        }
      }
      assertThat(rows).containsExactly(expected);
    }

    private void bind(PreparedStatement statement) throws SQLException {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
    }
  }

  private Check sql(String sql, Object... parameters) {
    return new Check(sql, parameters);
  }

  @Test
  void point_literal() throws SQLException {
    sql("SELECT owner FROM acct WHERE id = 42")
        .explainContains("StoreIndexSeek(table=[[public, acct]], index=[PRIMARY], alex=[true], keys=[[$0 = 42]], "
            + "projects=[[1]])")
        .returns("o0");
  }

  @Test
  void point_dynamicParameter() throws SQLException {
    sql("SELECT owner, balance FROM acct WHERE id = ?", 43)
        .explainContains("keys=[[$0 = ?0]]")
        .returns("o1|430");
    sql("SELECT owner FROM acct WHERE id = ?", 1000).returns();
  }

  @Test
  void inList_literalsAndParameters() throws SQLException {
    sql("SELECT id FROM acct WHERE id IN (3, 1, 2, 500)")
        .explainContains("keys=[[$0 = 1, $0 = 2, $0 = 3, $0 = 500]]")
        .returns("1", "2", "3");
    sql("SELECT id FROM acct WHERE id = ? OR id = ?", 7, 9)
        .explainContains("StoreIndexSeek")
        .returns("7", "9");
  }

  @Test
  void range_andOrOfRanges() throws SQLException {
    sql("SELECT id FROM acct WHERE id > 97")
        .explainContains("ranges=[[(97..+∞)]]")
        .returns("98", "99", "100");
    sql("SELECT id FROM acct WHERE id BETWEEN 10 AND 12 OR id < 2")
        .explainContains("ranges=[[(-∞..2), [10..12]]]")
        .returns("1", "10", "11", "12");
    sql("SELECT id FROM acct WHERE id >= ? AND id < ?", 50, 53)
        .explainContains("ranges=[[[?0..?1)]]")
        .returns("50", "51", "52");
  }

  @Test
  void remainder_isFilteredAboveTheSeek() throws SQLException {
    sql("SELECT id FROM acct WHERE id < 20 AND owner = 'o3'")
        .explainContains("StoreIndexSeek(table=[[public, acct]], index=[PRIMARY], alex=[false], ranges=[[(-∞..20)]], "
            + "projects=[[0, 1]])")
        .explainContains("=['o3':VARCHAR]")
        .returns("3", "10", "17");
  }

  @Test
  void compositeKey_prefixAndFullKey() throws SQLException {
    sql("SELECT b, v FROM pair WHERE a = 2")
        .explainContains("ranges=[[$0 = 2]]")
        .returns("x|3", "y|4");
    sql("SELECT v FROM pair WHERE a = 1 AND b = 'y'")
        .explainContains("keys=[[$0 = 1 AND $1 = 'y':VARCHAR]]")
        .returns("2");
    sql("SELECT v FROM pair WHERE a = 2 AND b > 'x'")
        .explainContains("ranges=[[((2, 'x')..2]]]")
        .returns("4");
  }

  @Test
  void sortOnKey_needsNoSort_andLimitStreams() throws SQLException {
    sql("SELECT id FROM acct ORDER BY id LIMIT 3")
        .explainDoesNotContain("EnumerableSort")
        .returns("1", "2", "3");
    sql("SELECT id FROM acct ORDER BY balance DESC LIMIT 2")
        .explainContains("Sort")
        .returns("100", "99");
  }

  @Test
  void negativeCases_doNotSeekButStayCorrect() throws SQLException {
    sql("SELECT id FROM acct WHERE id + 1 = 5")
        .explainDoesNotContain("StoreIndexSeek")
        .returns("4");
    sql("SELECT id FROM acct WHERE CAST(id AS VARCHAR(5)) = '7'")
        .explainDoesNotContain("StoreIndexSeek")
        .returns("7");
    sql("SELECT id FROM acct WHERE id = NULL").returns();
    sql("SELECT id FROM acct WHERE id = ?", (Object) null).returns();
    sql("SELECT id FROM acct WHERE owner = 'o5' AND id > balance").returns();
  }

  @Test
  void lookupJoin_forASelectiveLeftSide_andLeftOuter() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE orders (oid INT PRIMARY KEY, acct_id INT, amount INT)");
      statement.execute("INSERT INTO orders VALUES (1, 5, 10), (2, 7, 20), (3, 500, 30), (4, 5, 40)");
    }
    sql("SELECT o.oid, a.owner FROM orders o JOIN acct a ON o.acct_id = a.id WHERE o.oid = 2")
        .explainContains("StoreLookupJoin(table=[[public, acct]], index=[PRIMARY], joinType=[inner]")
        .returns("2|o0");
    sql("SELECT o.oid, a.owner FROM orders o LEFT JOIN acct a ON o.acct_id = a.id WHERE o.oid IN (1, 3)")
        .explainContains("StoreLookupJoin")
        .returns("1|o5", "3|null");
    sql("SELECT o.oid, a.balance FROM orders o JOIN acct a ON a.id = o.acct_id ORDER BY o.oid")
        .returns("1|50", "2|70", "4|50");
  }

  private void execute(String... statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  @Test
  void lookupJoin_throughANonUniqueSecondaryIndex_innerAndLeftOuter() throws SQLException {
    execute("CREATE INDEX acct_owner ON acct (owner)",
        "CREATE TABLE tag (id INT PRIMARY KEY, name TEXT)",
        "INSERT INTO tag VALUES (1, 'o3'), (2, 'nobody'), (3, NULL)");
    sql("SELECT t.id, a.id FROM tag t JOIN acct a ON a.owner = t.name WHERE t.id = 1 ORDER BY a.id")
        .explainContains("StoreLookupJoin(table=[[public, acct]], index=[acct_owner], joinType=[inner]")
        .returns("1|3", "1|10", "1|17", "1|24", "1|31", "1|38", "1|45", "1|52", "1|59", "1|66", "1|73", "1|80",
            "1|87", "1|94");
    sql("SELECT t.id, a.balance FROM tag t LEFT JOIN acct a ON t.name = a.owner WHERE t.id IN (2, 3) ORDER BY t.id")
        .explainContains("StoreLookupJoin(table=[[public, acct]], index=[acct_owner], joinType=[left]")
        .returns("2|null", "3|null");
  }

  @Test
  void lookupJoin_throughAUniqueIndex_seesOwnWritesAndSkipsStaleEntries() throws SQLException {
    execute("CREATE UNIQUE INDEX acct_balance ON acct (balance)",
        "CREATE TABLE probe (id INT PRIMARY KEY, amount BIGINT)",
        "INSERT INTO probe VALUES (1, 50), (2, 55), (3, 70)");
    connection.setAutoCommit(false);
    execute("UPDATE acct SET balance = 55 WHERE id = 5", "UPDATE acct SET owner = 'changed' WHERE id = 7");
    sql("SELECT p.id, a.id, a.owner FROM probe p JOIN acct a ON a.balance = p.amount WHERE p.id <= 3 ORDER BY p.id")
        .explainContains("StoreLookupJoin(table=[[public, acct]], index=[acct_balance], joinType=[inner]")
        .returns("2|5|o5", "3|7|changed");
    connection.rollback();
    sql("SELECT p.id, a.id FROM probe p JOIN acct a ON a.balance = p.amount WHERE p.id <= 3 ORDER BY p.id")
        .explainContains("index=[acct_balance]")
        .returns("1|5", "3|7");
  }

  @Test
  void distinctValueStatistics_flipIndexSeekAndFullScan() throws SQLException {
    execute("CREATE TABLE flag (id INT PRIMARY KEY, kind TEXT)");
    StringBuilder same = new StringBuilder();
    for (int i = 1; i <= 100; i++) {
      same.append(i == 1 ? "" : ", ").append('(').append(i).append(", 'k0')");
    }
    execute("INSERT INTO flag VALUES " + same, "CREATE INDEX flag_kind ON flag (kind)");
    // one distinct value: an index equality finds every row, each at the price of an entry and a point read
    sql("SELECT count(*) FROM flag WHERE kind = 'k0'")
        .explainContains("StoreTableScan(table=[[public, flag]])")
        .explainDoesNotContain("StoreIndexSeek")
        .returns("100");
    StringBuilder distinct = new StringBuilder();
    for (int i = 101; i <= 500; i++) {
      distinct.append(i == 101 ? "" : ", ").append('(').append(i).append(", 'k").append(i).append("')");
    }
    execute("INSERT INTO flag VALUES " + distinct);
    // the row count moved by more than a fifth: the index is sampled again, 401 values for 500 rows
    sql("SELECT count(*) FROM flag WHERE kind = 'k0'")
        .explainContains("StoreIndexSeek(table=[[public, flag]], index=[flag_kind], alex=[false], keys=[[$1 = 'k0'")
        .returns("100");
    sql("SELECT id FROM flag WHERE kind = 'k250'").explainContains("index=[flag_kind]").returns("250");
  }

  @Test
  void uniqueNotNullIndex_isAKeyForTheMetadata() throws SQLException {
    execute("CREATE TABLE login (id INT PRIMARY KEY, name TEXT NOT NULL, nick TEXT)",
        "INSERT INTO login VALUES (1, 'ann', NULL), (2, 'bob', NULL), (3, 'cy', 'c')",
        "CREATE UNIQUE INDEX login_name ON login (name)", "CREATE UNIQUE INDEX login_nick ON login (nick)");
    // DISTINCT on a NOT NULL unique column needs no aggregate; on a nullable one it does (NULLs repeat)
    // (the scans read one column each, so the metadata must map the projected field back to the table's key)
    sql("SELECT count(*) FROM (SELECT DISTINCT name FROM login)")
        .explainDoesNotContain("group=[{0}]")
        .explainDoesNotContain("group=[{1}]")
        .returns("3");
    sql("SELECT count(*) FROM (SELECT DISTINCT nick FROM login)")
        .explainContains("StoreTableScan(table=[[public, login]], projects=[[2]])")
        .explainContains("group=[{0}]")
        .returns("2");
  }

  @Test
  void negativeCases_typeMismatchesAndSecondaryIndexFunctions() throws SQLException {
    // a fractional literal against an INT key: no integer key matches it, whatever the plan
    sql("SELECT id FROM acct WHERE id = 4.5").returns();
    sql("SELECT id FROM acct WHERE id = 4.0").returns("4");
    sql("SELECT id FROM acct WHERE id < 2.5").returns("1", "2");
    sql("SELECT id FROM acct WHERE id IN (3.5, 6)").returns("6");
    execute("CREATE INDEX acct_owner ON acct (owner)");
    sql("SELECT count(*) FROM acct WHERE UPPER(owner) = 'O3'")
        .explainDoesNotContain("acct_owner")
        .returns("14");
    sql("SELECT count(*) FROM acct WHERE owner || '' = 'o3'")
        .explainDoesNotContain("acct_owner")
        .returns("14");
    sql("SELECT id FROM acct WHERE owner = NULL").returns();
    sql("SELECT id FROM acct WHERE owner IS NULL").returns();
    sql("SELECT id FROM acct WHERE owner = ?", (Object) null).returns();
  }

  @Test
  void seeks_seeTheTransactionsOwnWrites() throws SQLException {
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("INSERT INTO acct VALUES (1000, 'new', 1)");
      statement.executeUpdate("DELETE FROM acct WHERE id = 5");
    }
    sql("SELECT owner FROM acct WHERE id IN (5, 1000)").returns("new");
    sql("SELECT id FROM acct WHERE id >= 999").returns("1000");
    connection.rollback();
    sql("SELECT owner FROM acct WHERE id IN (5, 1000)").returns("o5");
  }

  @Test
  void projection_isAbsorbedIntoScansAndSeeks() throws SQLException {
    sql("SELECT balance, id FROM acct WHERE id IN (3, 5)")
        .explainContains("StoreIndexSeek(table=[[public, acct]], index=[PRIMARY], alex=[true], keys=[[$0 = 3, $0 = 5]], "
            + "projects=[[2, 0]])")
        .explainDoesNotContain("EnumerableCalc")
        .returns("30|3", "50|5");
    sql("SELECT owner FROM acct WHERE id BETWEEN ? AND ?", 98, 200)
        .explainContains("ranges=[[[?0..?1]]], projects=[[1]])")
        .returns("o0", "o1", "o2");
    sql("SELECT b FROM pair")
        .explainContains("StoreTableScan(table=[[public, pair]], projects=[[1]])")
        .returns("x", "y", "x", "y", "z");
  }

  @Test
  void projection_withExpressionsOrAFilter_readsOnlyTheColumnsUsed() throws SQLException {
    // the expression stays above; the scan reads the two columns it uses
    sql("SELECT balance * 2 FROM acct WHERE owner = 'o6' AND balance < 300")
        .explainContains("StoreTableScan(table=[[public, acct]], projects=[[1, 2]])")
        .returns("120", "260", "400", "540");
    // the key order survives the projection (no sort), and so does the LIMIT
    sql("SELECT id, balance FROM acct ORDER BY id DESC LIMIT 2")
        .explainContains("projects=[[0, 2]]")
        .returns("100|1000", "99|990");
    sql("SELECT id FROM acct ORDER BY id LIMIT 3")
        .explainContains("StoreTableScan(table=[[public, acct]], projects=[[0]])")
        .explainDoesNotContain("EnumerableSort")
        .returns("1", "2", "3");
  }

  @Test
  void coveringIndexSeek_readsNoRows_andSeesConcurrentChanges() throws SQLException {
    execute("CREATE INDEX acct_balance ON acct (balance)");
    sql("SELECT id, balance FROM acct WHERE balance BETWEEN 200 AND 230")
        .explainContains("StoreIndexSeek(table=[[public, acct]], index=[acct_balance], alex=[false], ranges=[[[")
        .explainContains("]]], projects=[[0, 2]], covering=[true])")
        .returns("20|200", "21|210", "22|220", "23|230");
    // a column outside the index: the same seek, not covering
    sql("SELECT owner FROM acct WHERE balance = 500")
        .explainContains("index=[acct_balance]")
        .explainDoesNotContain("covering")
        .returns("o1");
    try (Connection other = DriverManager.getConnection(OmenDriver.PREFIX + dir)) {
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setAutoCommit(false);
      // this snapshot starts now; the other connection's commits below are after it
      sql("SELECT id FROM acct WHERE balance BETWEEN 200 AND 230").returns("20", "21", "22", "23");
      try (Statement statement = other.createStatement()) {
        statement.execute("UPDATE acct SET balance = 215 WHERE id = 20");
        statement.execute("UPDATE acct SET balance = 5000 WHERE id = 21");
        statement.execute("DELETE FROM acct WHERE id = 22");
        statement.execute("INSERT INTO acct VALUES (500, 'new', 225)");
        statement.execute("UPDATE acct SET owner = 'moved' WHERE id = 23");
      }
      // no phantom (500), no stale or lost rows: the old snapshot's rows and values
      sql("SELECT id, balance FROM acct WHERE balance BETWEEN 200 AND 230")
          .returns("20|200", "21|210", "22|220", "23|230");
      connection.commit();
      sql("SELECT id, balance FROM acct WHERE balance BETWEEN 200 AND 230")
          .returns("20|215", "500|225", "23|230");
      connection.commit();
    } finally {
      connection.setAutoCommit(true);
    }
  }

  @Test
  void orderBy_filteredProjectionOfOtherColumn_sorts() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE unsorted (k INT PRIMARY KEY, g INT, h INT)");
      statement.execute("INSERT INTO unsorted VALUES (1, 30, 3), (2, NULL, 1), (3, 10, 2), (4, 20, 9), (5, 5, 0)");
      statement.execute("CREATE INDEX unsorted_h ON unsorted (h)");
    }
    // the narrowed scan reads only g; the filter above it must not keep the key order under g's field number
    sql("SELECT g FROM unsorted WHERE g IS NOT NULL ORDER BY g")
        .explainContains("EnumerableSort")
        .returns("5", "10", "20", "30");
    sql("SELECT g FROM unsorted WHERE g > 7 ORDER BY g DESC").returns("30", "20", "10");
    // rows of an index seek come in index order, not key order
    sql("SELECT k FROM unsorted WHERE h >= 1 AND g IS NOT NULL ORDER BY k").returns("1", "3", "4");
    sql("SELECT k, g FROM unsorted WHERE h >= 0 AND g > 0 ORDER BY k").returns("1|30", "3|10", "4|20", "5|5");
  }
}
