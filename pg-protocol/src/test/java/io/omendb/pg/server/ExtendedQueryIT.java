package io.omendb.pg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.adapter.Database;
import io.omendb.pg.message.BackendMessage;
import io.omendb.pg.message.Bind;
import io.omendb.pg.message.BindComplete;
import io.omendb.pg.message.Close;
import io.omendb.pg.message.CloseComplete;
import io.omendb.pg.message.CommandComplete;
import io.omendb.pg.message.DataRow;
import io.omendb.pg.message.Describe;
import io.omendb.pg.message.ErrorResponse;
import io.omendb.pg.message.Execute;
import io.omendb.pg.message.NoData;
import io.omendb.pg.message.ParameterDescription;
import io.omendb.pg.message.Parse;
import io.omendb.pg.message.ParseComplete;
import io.omendb.pg.message.PortalSuspended;
import io.omendb.pg.message.ReadyForQuery;
import io.omendb.pg.message.RowDescription;
import io.omendb.pg.message.Sync;
import io.omendb.pg.message.Target;
import io.omendb.pg.message.TransactionIndicator;
import io.omendb.pg.types.PgType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The extended query protocol against a real {@link Database}: raw Parse/Bind/Describe/Execute/Sync traffic, and
 * pgjdbc in its default (extended) mode, with text and binary transfer.
 */
class ExtendedQueryIT {
  @TempDir Path dataDir;
  private Database database;
  private PgServer server;

  @BeforeEach
  void start() throws Exception {
    database = Database.open(dataDir);
    server = new PgServer(database, PgServerConfig.loopback(0));
    server.start();
    try (Connection conn = connect(""); Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20))");
      st.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'), (5, 'e')");
    }
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
  }

  private Connection connect(String options) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + server.port() + "/omendb?user=omen" + options);
  }

  private RawClient raw() throws IOException {
    RawClient client = new RawClient(server.port());
    client.startup("omen");
    return client;
  }

  private static byte[] text(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void pipeline_parseDescribeBindExecute_withInferredTypesAndARepeatedPlaceholder() throws IOException {
    try (RawClient client = raw()) {
      client.send(new Parse("q", "SELECT id, name FROM t WHERE id >= $1 AND id <= $1 + 1 ORDER BY id", List.of()));
      client.send(new Describe(Target.STATEMENT, "q"));
      client.send(new Bind("", "q", List.of(), List.of(text("2")), List.of()));
      client.send(new Execute("", 0));
      client.send(new Sync());

      List<BackendMessage> messages = client.readUntilReady();
      assertThat(messages.get(0)).isEqualTo(new ParseComplete());
      assertThat(messages.get(1)).isEqualTo(new ParameterDescription(List.of(PgType.INT4.oid())));
      assertThat(messages.get(2)).isInstanceOfSatisfying(RowDescription.class, d ->
          assertThat(d.fields()).extracting(RowDescription.Field::name).containsExactly("id", "name"));
      assertThat(messages.subList(3, messages.size())).containsExactly(new BindComplete(),
          DataRow.ofText("2", "b"), DataRow.ofText("3", "c"), new CommandComplete("SELECT 2"),
          new ReadyForQuery(TransactionIndicator.IDLE));
    }
  }

  @Test
  void execute_withARowLimit_suspendsThePortal() throws IOException {
    try (RawClient client = raw()) {
      client.query("BEGIN");
      client.send(new Parse("", "SELECT id FROM t ORDER BY id", List.of()));
      client.send(new Bind("c", "", List.of(), List.of(), List.of()));
      client.send(new Execute("c", 2));
      client.send(new Sync());
      assertThat(client.readUntilReady()).containsExactly(new ParseComplete(), new BindComplete(),
          DataRow.ofText("1"), DataRow.ofText("2"), new PortalSuspended(),
          new ReadyForQuery(TransactionIndicator.IN_TRANSACTION));

      client.send(new Execute("c", 2));
      client.send(new Execute("c", 2));
      client.send(new Close(Target.PORTAL, "c"));
      client.send(new Sync());
      List<BackendMessage> rest = client.readUntilReady();
      assertThat(rest).startsWith(DataRow.ofText("3"), DataRow.ofText("4"), new PortalSuspended(),
          DataRow.ofText("5"));
      assertThat(rest.get(4)).isInstanceOf(CommandComplete.class);
      assertThat(rest.subList(5, rest.size())).containsExactly(new CloseComplete(),
          new ReadyForQuery(TransactionIndicator.IN_TRANSACTION));
      client.query("COMMIT");
    }
  }

  @Test
  void binaryParametersAndResults() throws IOException {
    try (RawClient client = raw()) {
      client.send(new Parse("", "SELECT id, name FROM t WHERE id = $1", List.of(PgType.INT4.oid())));
      client.send(new Bind("", "", List.of(Bind.BINARY_FORMAT), List.of(ByteBuffer.allocate(4).putInt(4).array()),
          List.of(Bind.BINARY_FORMAT)));
      client.send(new Describe(Target.PORTAL, ""));
      client.send(new Execute("", 0));
      client.send(new Sync());

      List<BackendMessage> messages = client.readUntilReady();
      assertThat(messages.get(2)).isInstanceOfSatisfying(RowDescription.class, d ->
          assertThat(d.fields()).extracting(RowDescription.Field::formatCode)
              .containsExactly(RowDescription.BINARY_FORMAT, RowDescription.BINARY_FORMAT));
      assertThat(messages.get(3)).isEqualTo(new DataRow(List.of(new byte[] {0, 0, 0, 4}, text("d"))));
    }
  }

  @Test
  void error_discardsMessagesUntilSync() throws IOException {
    try (RawClient client = raw()) {
      client.send(new Parse("", "SELECT nope FROM t", List.of()));
      client.send(new Bind("", "", List.of(), List.of(), List.of()));
      client.send(new Execute("", 0));
      client.send(new Sync());
      client.send(new Parse("", "INSERT INTO t VALUES ($1, $2)", List.of()));
      client.send(new Describe(Target.STATEMENT, ""));
      client.send(new Bind("", "", List.of(), List.of(text("6"), text("f")), List.of()));
      client.send(new Describe(Target.PORTAL, ""));
      client.send(new Execute("", 0));
      client.send(new Sync());

      List<BackendMessage> first = client.readUntilReady();
      assertThat(first).hasSize(2);
      assertThat(first.get(0)).isInstanceOfSatisfying(ErrorResponse.class,
          e -> assertThat(e.sqlState()).isEqualTo("42703"));
      assertThat(client.readUntilReady()).containsExactly(new ParseComplete(),
          new ParameterDescription(List.of(PgType.INT4.oid(), PgType.VARCHAR.oid())), new NoData(),
          new BindComplete(), new NoData(), new CommandComplete("INSERT 0 1"),
          new ReadyForQuery(TransactionIndicator.IDLE));
    }
  }

  @Test
  void namedStatement_isReusedAndDuplicatesAreRefused() throws IOException {
    try (RawClient client = raw()) {
      client.send(new Parse("s", "SELECT name FROM t WHERE id = $1", List.of()));
      client.send(new Parse("s", "SELECT 1", List.of()));
      client.send(new Sync());
      List<BackendMessage> messages = client.readUntilReady();
      assertThat(messages.get(1)).isInstanceOfSatisfying(ErrorResponse.class,
          e -> assertThat(e.sqlState()).isEqualTo("42P05"));

      for (int id = 1; id <= 3; id++) {
        client.send(new Bind("", "s", List.of(), List.of(text(Integer.toString(id))), List.of()));
        client.send(new Execute("", 0));
      }
      client.send(new Close(Target.STATEMENT, "s"));
      client.send(new Bind("", "s", List.of(), List.of(text("1")), List.of()));
      client.send(new Sync());
      List<BackendMessage> reuse = client.readUntilReady();
      assertThat(reuse.subList(0, 10)).containsExactly(
          new BindComplete(), DataRow.ofText("a"), new CommandComplete("SELECT 1"),
          new BindComplete(), DataRow.ofText("b"), new CommandComplete("SELECT 1"),
          new BindComplete(), DataRow.ofText("c"), new CommandComplete("SELECT 1"), new CloseComplete());
      assertThat(reuse.get(10)).isInstanceOfSatisfying(ErrorResponse.class,
          e -> assertThat(e.sqlState()).isEqualTo("26000"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "&prepareThreshold=-1", "&binaryTransfer=false"})
  void pgjdbc_everyTypeRoundTrips(String options) throws SQLException {
    try (Connection conn = connect(options); Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE typed (id INT PRIMARY KEY, b BOOLEAN, s SMALLINT, l BIGINT, r REAL, d DOUBLE,"
          + " n DECIMAL(12, 3), v VARCHAR(30), x TEXT, y BYTEA, dt DATE, tm TIME, ts TIMESTAMP)");
      try (PreparedStatement insert = conn.prepareStatement(
          "INSERT INTO typed VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int id = 1; id <= 6; id++) {
          insert.setInt(1, id);
          insert.setBoolean(2, id % 2 == 0);
          insert.setShort(3, (short) -id);
          insert.setLong(4, 1L << 40 + id);
          insert.setFloat(5, 1.5f * id);
          insert.setDouble(6, 0.1 * id);
          insert.setBigDecimal(7, new BigDecimal("12345.678").negate().add(BigDecimal.valueOf(id)));
          insert.setString(8, "grüße " + id);
          insert.setString(9, "it's " + id);
          insert.setBytes(10, new byte[] {0, (byte) id, (byte) 0xff});
          insert.setDate(11, Date.valueOf("2024-02-" + (10 + id)));
          insert.setTime(12, Time.valueOf("10:11:" + (10 + id)));
          insert.setTimestamp(13, Timestamp.valueOf("2024-02-29 10:11:12.25"));
          assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        insert.setInt(1, 7);
        for (int i = 2; i <= 13; i++) {
          insert.setNull(i, java.sql.Types.NULL);
        }
        insert.executeUpdate();
      }
      try (PreparedStatement select = conn.prepareStatement("SELECT * FROM typed WHERE id = ?")) {
        for (int id = 1; id <= 6; id++) {
          select.setInt(1, id);
          try (ResultSet rs = select.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean("b")).isEqualTo(id % 2 == 0);
            assertThat(rs.getShort("s")).isEqualTo((short) -id);
            assertThat(rs.getLong("l")).isEqualTo(1L << 40 + id);
            assertThat(rs.getFloat("r")).isEqualTo(1.5f * id);
            assertThat(rs.getDouble("d")).isEqualTo(0.1 * id);
            assertThat(rs.getBigDecimal("n"))
                .isEqualByComparingTo(new BigDecimal("12345.678").negate().add(BigDecimal.valueOf(id)));
            assertThat(rs.getString("v")).isEqualTo("grüße " + id);
            assertThat(rs.getString("x")).isEqualTo("it's " + id);
            assertThat(rs.getBytes("y")).containsExactly(0, id, 0xff);
            assertThat(rs.getDate("dt")).isEqualTo(Date.valueOf("2024-02-" + (10 + id)));
            assertThat(rs.getTime("tm")).isEqualTo(Time.valueOf("10:11:" + (10 + id)));
            assertThat(rs.getTimestamp("ts")).isEqualTo(Timestamp.valueOf("2024-02-29 10:11:12.25"));
            assertThat(rs.next()).isFalse();
          }
        }
        select.setInt(1, 7);
        try (ResultSet rs = select.executeQuery()) {
          assertThat(rs.next()).isTrue();
          for (int i = 2; i <= 13; i++) {
            assertThat(rs.getObject(i)).as("column %d", i).isNull();
          }
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "&prepareThreshold=-1", "&binaryTransfer=false", "&preferQueryMode=simple"})
  void pgjdbc_uuidRoundTrips(String options) throws SQLException {
    java.util.UUID low = java.util.UUID.fromString("00000000-0000-4000-8000-000000000001");
    java.util.UUID high = java.util.UUID.fromString("f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    try (Connection conn = connect(options); Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE ids (id UUID PRIMARY KEY, other UUID, n INT)");
      try (PreparedStatement insert = conn.prepareStatement("INSERT INTO ids VALUES (?, ?, ?)")) {
        insert.setObject(1, high);
        insert.setObject(2, low);
        insert.setInt(3, 1);
        insert.executeUpdate();
        insert.setObject(1, low);
        insert.setNull(2, java.sql.Types.OTHER);
        insert.setInt(3, 2);
        insert.executeUpdate();
      }
      try (PreparedStatement select = conn.prepareStatement("SELECT id, other, n FROM ids WHERE id = ?")) {
        select.setObject(1, high);
        try (ResultSet rs = select.executeQuery()) {
          assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("uuid");
          assertThat(rs.next()).isTrue();
          assertThat(rs.getObject(1)).isEqualTo(high);
          assertThat(rs.getObject("other", java.util.UUID.class)).isEqualTo(low);
          assertThat(rs.getString(1)).isEqualTo("f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
          assertThat(rs.getInt(3)).isEqualTo(1);
          assertThat(rs.next()).isFalse();
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT id, other FROM ids ORDER BY id")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getObject(1)).isEqualTo(low);
        assertThat(rs.getObject(2)).isNull();
        assertThat(rs.next()).isTrue();
        assertThat(rs.getObject(1)).isEqualTo(high);
      }
      try (ResultSet rs = st.executeQuery("SELECT gen_random_uuid()")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getObject(1)).isInstanceOf(java.util.UUID.class);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "&prepareThreshold=-1", "&binaryTransfer=false", "&preferQueryMode=simple"})
  void pgjdbc_jsonRoundTrips(String options) throws SQLException {
    try (Connection conn = connect(options); Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE docs (id INT PRIMARY KEY, j JSON, b JSONB)");
      try (PreparedStatement insert = conn.prepareStatement("INSERT INTO docs VALUES (?, ?, ?)")) {
        insert.setInt(1, 1);
        insert.setObject(2, pgObject("json", "{\"k\" : [1, 2]}"));
        insert.setObject(3, pgObject("jsonb", "{\"zz\": 1, \"k\": \"v\", \"k\": \"w\"}"));
        insert.executeUpdate();
        insert.setInt(1, 2);
        insert.setNull(2, java.sql.Types.OTHER);
        insert.setObject(3, pgObject("jsonb", "[1, 2.50]"));
        insert.executeUpdate();
      }
      try (PreparedStatement select = conn.prepareStatement(
          "SELECT j, b, b ->> 'k', j -> 'k' -> 1 FROM docs WHERE b ->> 'k' = ?")) {
        select.setString(1, "w");
        try (ResultSet rs = select.executeQuery()) {
          assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("json");
          assertThat(rs.getMetaData().getColumnTypeName(2)).isEqualTo("jsonb");
          assertThat(rs.getMetaData().getColumnTypeName(3)).isIn("varchar", "text");
          assertThat(rs.next()).isTrue();
          assertThat(rs.getObject(1)).isEqualTo(pgObject("json", "{\"k\" : [1, 2]}"));
          assertThat(rs.getObject(2)).isEqualTo(pgObject("jsonb", "{\"k\": \"w\", \"zz\": 1}"));
          assertThat(rs.getString(3)).isEqualTo("w");
          assertThat(rs.getObject(4)).isEqualTo(pgObject("json", "2"));
          assertThat(rs.next()).isFalse();
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT id, j, b FROM docs ORDER BY id")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.next()).isTrue();
        assertThat(rs.getObject(2)).isNull();
        assertThat(rs.getString(3)).isEqualTo("[1, 2.50]");
      }
      assertThatThrownBy(() -> st.execute("INSERT INTO docs VALUES (3, '{', NULL)"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22P02"));
    }
  }

  private static org.postgresql.util.PGobject pgObject(String type, String value) throws SQLException {
    org.postgresql.util.PGobject object = new org.postgresql.util.PGobject();
    object.setType(type);
    object.setValue(value);
    return object;
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "&prepareThreshold=-1", "&binaryTransfer=false", "&preferQueryMode=simple"})
  void pgjdbc_arraysReadAsTypedArrays(String options) throws SQLException {
    try (Connection conn = connect(options);
        PreparedStatement select = conn.prepareStatement(
            "SELECT '{1,NULL,3}'::int[], ARRAY['a b', name], '{9000000000}'::bigint[] FROM t WHERE id = ?")) {
      select.setInt(1, 2);
      try (ResultSet rs = select.executeQuery()) {
        assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("_int4");
        assertThat(rs.getMetaData().getColumnTypeName(2)).isEqualTo("_text");
        assertThat(rs.getMetaData().getColumnTypeName(3)).isEqualTo("_int8");
        assertThat(rs.next()).isTrue();
        assertThat((Object[]) rs.getArray(1).getArray()).containsExactly(1, null, 3);
        assertThat((Object[]) rs.getArray(2).getArray()).containsExactly("a b", "b");
        assertThat((Object[]) rs.getArray(3).getArray()).containsExactly(9_000_000_000L);
      }
    }
  }

  @Test
  void pgjdbc_simpleQueryMode_stillWorks() throws SQLException {
    try (Connection conn = connect("&preferQueryMode=simple"); Statement st = conn.createStatement()) {
      assertThat(st.executeUpdate("INSERT INTO t VALUES (6, 'f')")).isEqualTo(1);
      try (ResultSet rs = st.executeQuery("SELECT name FROM t WHERE id = 6")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("f");
      }
    }
  }

  @Test
  void pgjdbc_fetchSize_streamsThroughASuspendedPortal() throws SQLException {
    try (Connection conn = connect("")) {
      conn.setAutoCommit(false);
      try (PreparedStatement select = conn.prepareStatement("SELECT id FROM t WHERE id > ? ORDER BY id")) {
        select.setFetchSize(2);
        select.setInt(1, 0);
        List<Integer> ids = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getInt(1));
          }
        }
        assertThat(ids).containsExactly(1, 2, 3, 4, 5);
      }
      conn.commit();
    }
  }

  @Test
  void pgjdbc_transactionsCommitAndRollBack() throws SQLException {
    try (Connection conn = connect("")) {
      conn.setAutoCommit(false);
      try (PreparedStatement insert = conn.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
        insert.setInt(1, 10);
        insert.setString(2, "kept");
        insert.executeUpdate();
        conn.commit();
        insert.setInt(1, 11);
        insert.setString(2, "dropped");
        insert.executeUpdate();
        conn.rollback();
      }
      conn.setAutoCommit(true);
      try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM t WHERE id >= 10")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(10);
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @Test
  void pgjdbc_errorsCarryTheirSqlState_andTheConnectionStaysUsable() throws SQLException {
    try (Connection conn = connect("");
        PreparedStatement insert = conn.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
      insert.setInt(1, 1);
      insert.setString(2, "dup");
      assertThatThrownBy(insert::executeUpdate)
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
      conn.setAutoCommit(false);
      try (Statement st = conn.createStatement()) {
        assertThatThrownBy(() -> st.executeQuery("SELECT * FROM missing"))
            .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
        assertThatThrownBy(() -> st.executeQuery("SELECT 1"))
            .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25P02"));
        conn.rollback();
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getLong(1)).isEqualTo(5);
        }
      }
    }
  }

  @Test
  void pgjdbc_batchOfPreparedInserts() throws SQLException {
    try (Connection conn = connect("");
        PreparedStatement insert = conn.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
      for (int id = 100; id < 200; id++) {
        insert.setInt(1, id);
        insert.setString(2, "n" + id);
        insert.addBatch();
      }
      assertThat(Arrays.stream(insert.executeBatch()).sum()).isEqualTo(100);
    }
  }
}
