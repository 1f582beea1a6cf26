package io.omendb.pg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.adapter.Database;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * COPY FROM STDIN written straight into the engine: the same values and the same checks as INSERT (types, NOT NULL,
 * primary and unique keys, secondary indexes, privileges), the whole COPY rolled back on a bad row, and columns with
 * a DEFAULT left out still getting it.
 */
class DirectCopyIT {
  @TempDir Path dataDir;
  private Database database;
  private PgServer server;
  private Connection conn;
  private CopyManager copy;

  @BeforeEach
  void start() throws Exception {
    database = Database.open(dataDir);
    server = new PgServer(database, PgServerConfig.loopback(0));
    server.start();
    conn = connect("omen");
    copy = conn.unwrap(PGConnection.class).getCopyAPI();
  }

  @AfterEach
  void stop() throws SQLException {
    if (conn != null) {
      conn.close();
    }
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void copyIn_everyType_readsBackAsPostgresqlDoes() throws Exception {
    execute("CREATE TABLE copied (id INT PRIMARY KEY, b BOOLEAN, s SMALLINT, big BIGINT, r REAL,"
        + " d DOUBLE PRECISION, n NUMERIC(10, 2), v VARCHAR(20), t TEXT, bytes BYTEA, day DATE, tm TIME, ts TIMESTAMP,"
        + " u UUID)");
    long count = copy.copyIn("COPY copied FROM STDIN", new StringReader(
        "1\tt\t-3\t9000000000\t1.5\t2.25\t12.34\tvé\ttext\\ttab\t\\\\x00ff\t2024-02-29\t13:14:15.5\t"
            + "2024-02-29 13:14:15.25\tA0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11\n"
            + "2\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\n"));
    assertThat(count).isEqualTo(2);
    // What pgjdbc's getString returns for the same COPY into the same table on PostgreSQL 15.
    assertThat(rows("SELECT * FROM copied ORDER BY id")).containsExactly(
        "1|t|-3|9000000000|1.5|2.25|12.34|vé|text\ttab|\\x00ff|2024-02-29|13:14:15.5|2024-02-29 13:14:15.25"
            + "|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
        "2|null|null|null|null|null|null|null|null|null|null|null|null|null");
  }

  @Test
  void copyIn_duplicateKey_is23505WithItsLine_andRollsEverythingBack() throws Exception {
    execute("CREATE TABLE p (id INT PRIMARY KEY, name VARCHAR(40))", "INSERT INTO p VALUES (10, 'ten')");
    assertThatThrownBy(() -> copy.copyIn("COPY p FROM STDIN", new StringReader("1\ta\n2\tb\n1\tc\n")))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("23505");
          assertThat(e.getMessage()).contains("line 3");
        });
    assertThatThrownBy(() -> copy.copyIn("COPY p FROM STDIN", new StringReader("1\ta\n10\tb\n")))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("23505");
          assertThat(e.getMessage()).contains("line 2");
        });
    assertThat(rows("SELECT id FROM p")).containsExactly("10");
  }

  @Test
  void copyIn_notNullViolation_is23502() throws Exception {
    execute("CREATE TABLE p (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL)");
    assertThatThrownBy(() -> copy.copyIn("COPY p FROM STDIN", new StringReader("1\ta\n2\t\\N\n")))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("23502");
          assertThat(e.getMessage()).contains("line 2");
        });
    assertThatThrownBy(() -> copy.copyIn("COPY p (id) FROM STDIN", new StringReader("3\n")))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23502"));
    assertThat(rows("SELECT count(*) FROM p")).containsExactly("0");
  }

  @Test
  void copyIn_varcharTooLong_is22001() throws Exception {
    execute("CREATE TABLE p (id INT PRIMARY KEY, code VARCHAR(3))");
    assertThatThrownBy(() -> copy.copyIn("COPY p FROM STDIN", new StringReader("1\tabc\n2\tabcd\n")))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("22001");
          assertThat(e.getMessage()).contains("character varying(3)").contains("line 2");
        });
    assertThat(rows("SELECT count(*) FROM p")).containsExactly("0");
  }

  @Test
  void copyIn_maintainsSecondaryAndUniqueIndexes() throws Exception {
    execute("CREATE TABLE p (id INT PRIMARY KEY, email VARCHAR(40), city VARCHAR(20))",
        "CREATE UNIQUE INDEX p_email ON p (email)", "CREATE INDEX p_city ON p (city)");
    StringBuilder data = new StringBuilder();
    for (int i = 0; i < 2_000; i++) {
      data.append(i).append("\tuser").append(i).append("@x\tcity").append(i % 500).append('\n');
    }
    copy.copyIn("COPY p FROM STDIN", new StringReader(data.toString()));
    String byCity = "SELECT id FROM p WHERE city = 'city7' ORDER BY id";
    assertThat(rows("EXPLAIN " + byCity)).anyMatch(line -> line.contains("StoreIndexSeek")
        && line.contains("index=[p_city]"));
    assertThat(rows(byCity)).containsExactly("7", "507", "1007", "1507");
    assertThatThrownBy(() -> copy.copyIn("COPY p FROM STDIN", new StringReader("5000\tnew@x\tcity7\n"
        + "5001\tuser3@x\tcity8\n")))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("23505");
          assertThat(e.getMessage()).contains("line 2");
        });
    assertThat(rows(byCity)).containsExactly("7", "507", "1007", "1507");
  }

  @Test
  void copyIn_leavingOutAColumnWithADefault_givesItTheDefault() throws Exception {
    execute("CREATE TABLE p (id INT PRIMARY KEY, status VARCHAR(10) DEFAULT 'new', note VARCHAR(10))");
    copy.copyIn("COPY p (id, note) FROM STDIN", new StringReader("1\tx\n2\t\\N\n"));
    assertThat(rows("SELECT id, status, note FROM p ORDER BY id")).containsExactly("1|new|x", "2|new|null");
  }

  @Test
  void copyIn_insideABlock_isRolledBackWithIt() throws Exception {
    execute("CREATE TABLE p (id INT PRIMARY KEY, name VARCHAR(40))");
    conn.setAutoCommit(false);
    copy.copyIn("COPY p FROM STDIN", new StringReader("1\ta\n2\tb\n"));
    assertThat(rows("SELECT count(*) FROM p")).containsExactly("2");
    try (Connection other = connect("omen")) {
      assertThat(count(other, "p")).isZero();
    }
    conn.rollback();
    conn.setAutoCommit(true);
    assertThat(rows("SELECT count(*) FROM p")).containsExactly("0");
  }

  @Test
  void copyIn_withoutInsertPrivilege_is42501() throws Exception {
    execute("CREATE TABLE p (id INT PRIMARY KEY)", "CREATE USER reader", "GRANT SELECT ON p TO reader");
    try (Connection reader = connect("reader")) {
      CopyManager readerCopy = reader.unwrap(PGConnection.class).getCopyAPI();
      assertThatThrownBy(() -> readerCopy.copyIn("COPY p FROM STDIN", new StringReader("1\n")))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
      assertThat(count(reader, "p")).isZero();
    }
  }

  private Connection connect(String user) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/omendb?user=" + user);
  }

  private void execute(String... statements) throws SQLException {
    try (Statement st = conn.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    }
  }

  private static long count(Connection connection, String table) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private List<String> rows(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
