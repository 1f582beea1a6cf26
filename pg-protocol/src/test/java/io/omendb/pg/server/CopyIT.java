package io.omendb.pg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.adapter.Database;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
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

/** COPY FROM STDIN and TO STDOUT, text and CSV, through pgjdbc's CopyManager against a real {@link Database}. */
class CopyIT {
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
    conn = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/omendb?user=omen");
    copy = conn.unwrap(PGConnection.class).getCopyAPI();
    try (Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE p (id INT PRIMARY KEY, name VARCHAR(40), score DOUBLE, born DATE)");
    }
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

  private String copyOut(String sql) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    copy.copyOut(sql, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void copyIn_text_withNullsAndEscapes() throws Exception {
    long count = copy.copyIn("COPY p FROM STDIN",
        new StringReader("1\tann\t1.5\t2000-01-02\n2\t\\N\t\\N\t\\N\n3\ttab\\there\\\\x\t-2\t1999-12-31\n"));

    assertThat(count).isEqualTo(3);
    assertThat(rows("SELECT * FROM p ORDER BY id")).containsExactly(
        "1|ann|1.5|2000-01-02", "2|null|null|null", "3|tab\there\\x|-2|1999-12-31");
  }

  @Test
  void copyIn_csv_withHeaderQuotesAndAColumnList() throws Exception {
    long count = copy.copyIn("COPY p (name, id) FROM STDIN WITH (FORMAT csv, HEADER)",
        new StringReader("name,id\n\"a, \"\"quoted\"\"\nline\",1\n,2\n\"\",3\n"));

    assertThat(count).isEqualTo(3);
    assertThat(rows("SELECT id, name FROM p ORDER BY id"))
        .containsExactly("1|a, \"quoted\"\nline", "2|null", "3|");
  }

  @Test
  void copyIn_legacyOptionsAsPsqlWritesThem() throws Exception {
    long count = copy.copyIn("COPY p (id, name) FROM STDIN WITH DELIMITER AS ';' NULL AS 'nil' CSV",
        new StringReader("1;nil\n2;x\n"));

    assertThat(count).isEqualTo(2);
    assertThat(rows("SELECT id, name FROM p ORDER BY id")).containsExactly("1|null", "2|x");
  }

  @Test
  void copyIn_badRow_reportsItsLine_andRollsEverythingBack() throws Exception {
    assertThatThrownBy(() -> copy.copyIn("COPY p (id, name) FROM STDIN",
        new StringReader("1\ta\n2\tb\nthree\tc\n4\td\n")))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("22P02");
          assertThat(e.getMessage()).contains("line 3");
        });
    assertThat(rows("SELECT count(*) FROM p")).containsExactly("0");
    assertThatThrownBy(() -> copy.copyIn("COPY p (id, name) FROM STDIN", new StringReader("1\ta\textra\n")))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22P04"));
    assertThat(rows("SELECT count(*) FROM p")).containsExactly("0");
  }

  @Test
  void copyIn_manyRows_streamInChunks() throws Exception {
    int total = 20_000;
    StringBuilder data = new StringBuilder();
    for (int i = 0; i < total; i++) {
      data.append(i).append('\t').append("name ").append(i).append("\t\\N\t\\N\n");
    }
    long count = copy.copyIn("COPY p FROM STDIN", new StringReader(data.toString()), 1_000);

    assertThat(count).isEqualTo(total);
    assertThat(rows("SELECT count(*), max(id) FROM p")).containsExactly(total + "|" + (total - 1));
  }

  @Test
  void copyOut_textCsvAndQuery() throws Exception {
    try (Statement st = conn.createStatement()) {
      st.execute("INSERT INTO p VALUES (1, 'a\tb', 1.5, DATE '2024-02-29')");
      st.execute("INSERT INTO p (id) VALUES (2)");
      st.execute("INSERT INTO p (id, name, score) VALUES (3, 'x,\"y\"', 0.25)");
    }

    assertThat(copyOut("COPY p TO STDOUT"))
        .isEqualTo("1\ta\\tb\t1.5\t2024-02-29\n2\t\\N\t\\N\t\\N\n3\tx,\"y\"\t0.25\t\\N\n");
    assertThat(copyOut("COPY p (id, name) TO STDOUT WITH (FORMAT csv, HEADER true)"))
        .isEqualTo("id,name\n1,a\tb\n2,\n3,\"x,\"\"y\"\"\"\n");
    assertThat(copyOut("COPY (SELECT id * 10 AS ten FROM p WHERE id > 1 ORDER BY id) TO STDOUT"))
        .isEqualTo("20\n30\n");
  }
}
