package io.omendb.pg.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.omendb.adapter.Database;
import io.omendb.pg.codec.FrontendEncoder;
import io.omendb.pg.message.BackendMessage;
import io.omendb.pg.message.CommandComplete;
import io.omendb.pg.message.ErrorResponse;
import io.omendb.pg.message.Parse;
import io.omendb.pg.message.ReadyForQuery;
import io.omendb.pg.message.StartupMessage;
import io.omendb.pg.message.Sync;
import io.omendb.pg.message.TransactionIndicator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed traffic from raw sockets against a real server over a real database: every case ends in an
 * ErrorResponse (08P01, or 22021 for text that is not UTF-8) or a clean close, and after each one a new client is
 * served normally.
 */
class MalformedTrafficIT {
  private static final Duration AUTH_TIMEOUT = Duration.ofSeconds(2);
  /** How long a case may take to be closed by the authentication timeout: the timeout plus scheduling slack. */
  private static final Duration CLOSE_WITHIN = Duration.ofSeconds(6);
  private static final int ONE_GIB = 1 << 30;
  private static final byte[] NOT_UTF8 = {(byte) 'S', (byte) 'E', (byte) 'L', (byte) 0xC3, (byte) 0x28, (byte) 0xFF};

  @TempDir Path dataDir;
  private Database database;
  private PgServer server;

  @BeforeEach
  void start() throws Exception {
    database = Database.open(dataDir);
    server = new PgServer(database, PgServerConfig.loopback(0));
    server.start();
    assertServerStillServes(); // opens the first session, the slowest on a cold JVM
  }

  /** Restarts the server with a short authentication timeout, once the JVM is warm enough to log in well within it. */
  private void restartWithShortAuthTimeout() throws Exception {
    server.close();
    server = new PgServer(database, PgServerConfig.loopback(0).withAuthTimeout(AUTH_TIMEOUT));
    server.start();
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

  @Test
  void negativeLength_afterStartup_is08P01AndCloses() throws Exception {
    try (RawClient client = started()) {
      client.sendRaw('Q', 0xFF, 0xFF, 0xFF, 0xF0);
      assertFatalProtocolViolation(client);
    }
    assertServerStillServes();
  }

  @Test
  void lengthBelowItsOwnSize_afterStartup_is08P01AndCloses() throws Exception {
    try (RawClient client = started()) {
      client.sendRaw('Q', 0, 0, 0, 3);
      assertFatalProtocolViolation(client);
    }
    assertServerStillServes();
  }

  @Test
  void oneGibLengthClaim_afterStartup_is08P01WithoutAllocating() throws Exception {
    Runtime runtime = Runtime.getRuntime();
    try (RawClient client = started()) {
      client.sendRaw(ByteBuffer.allocate(5).put((byte) 'Q').putInt(ONE_GIB).array());
      assertFatalProtocolViolation(client);
    }
    // A gibibyte allocated for the body would not fit a test JVM's heap at all; be generous anyway.
    assertThat(runtime.totalMemory()).isLessThan(runtime.maxMemory());
    assertServerStillServes();
  }

  @Test
  void oneGibLengthClaim_inStartupPacket_is08P01() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      client.sendRaw(ByteBuffer.allocate(4).putInt(ONE_GIB).array());
      assertFatalProtocolViolation(client);
    }
    assertServerStillServes();
  }

  @Test
  void negativeLength_inStartupPacket_is08P01() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      client.sendRaw(0xFF, 0xFF, 0xFF, 0xFF);
      assertFatalProtocolViolation(client);
    }
    assertServerStillServes();
  }

  @Test
  void unknownRequestCode_beforeStartup_isRefusedAndCloses() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      // A typed message where the startup packet belongs: 'X' 0 0 0 4 reads as a 1,476,395,008-byte packet.
      client.sendRaw('X', 0, 0, 0, 4, 0, 0, 0);
      assertFatalProtocolViolation(client);
    }
    try (RawClient client = new RawClient(server.port())) {
      // A well-framed packet with a protocol version nobody speaks.
      client.sendRaw(0, 0, 0, 9, 0x12, 0x34, 0x56, 0x78, 0);
      assertThat(client.read()).isInstanceOfSatisfying(ErrorResponse.class, e -> {
        assertThat(e.isFatal()).isTrue();
        assertThat(e.sqlState()).isEqualTo("0A000");
      });
      assertThat(client.serverClosed()).isTrue();
    }
    assertServerStillServes();
  }

  @Test
  void unknownMessageType_afterStartup_is08P01AndCloses() throws Exception {
    try (RawClient client = started()) {
      client.sendRaw('z', 0, 0, 0, 4);
      assertFatalProtocolViolation(client);
    }
    assertServerStillServes();
  }

  @Test
  void truncatedFrameThenClose_endsTheConnectionQuietly() throws Exception {
    try (RawClient client = started()) {
      client.sendRaw('Q', 0, 0, 0, 100, 'S', 'E', 'L');
      client.socket().shutdownOutput();
      assertThat(client.serverClosed()).isTrue();
    }
    try (RawClient client = new RawClient(server.port())) {
      client.sendRaw(0, 0, 0, 80, 0, 3, 0, 0, 'u', 's');
      client.socket().shutdownOutput();
      assertThat(client.serverClosed()).isTrue();
    }
    awaitConnections(0);
    assertServerStillServes();
  }

  @Test
  void startupPacketWithoutTerminator_is08P01() throws Exception {
    byte[] complete = FrontendEncoder.toBytes(StartupMessage.create(Map.of("user", "omen")));
    byte[] unterminated = new byte[complete.length - 1];
    System.arraycopy(complete, 0, unterminated, 0, unterminated.length);
    ByteBuffer.wrap(unterminated).putInt(0, unterminated.length);
    try (RawClient client = new RawClient(server.port())) {
      client.sendRaw(unterminated);
      assertFatalProtocolViolation(client);
    }
    assertServerStillServes();
  }

  @Test
  void invalidUtf8_inQuery_is22021AndTheSessionLives() throws Exception {
    try (RawClient client = started()) {
      client.sendRaw(typed('Q', cString(NOT_UTF8)));
      List<BackendMessage> answer = client.readUntilReady();
      assertThat(answer.get(0)).isInstanceOfSatisfying(ErrorResponse.class, e -> {
        assertThat(e.isFatal()).isFalse();
        assertThat(e.sqlState()).isEqualTo("22021");
        assertThat(e.message()).isEqualTo("invalid byte sequence for encoding \"UTF8\": 0xc3");
      });
      assertThat(answer).last().isEqualTo(new ReadyForQuery(TransactionIndicator.IDLE));
      assertThat(client.query("SELECT 1")).contains(new CommandComplete("SELECT 1"));
    }
    assertServerStillServes();
  }

  @Test
  void invalidUtf8_inParse_is22021AndSkipsToSync() throws Exception {
    try (RawClient client = started()) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.writeBytes(cString("s1".getBytes(StandardCharsets.UTF_8)));
      body.writeBytes(cString(NOT_UTF8));
      body.writeBytes(new byte[] {0, 0});
      client.sendRaw(typed('P', body.toByteArray()));
      client.send(new Parse("", "SELECT 1", List.of()));
      client.send(new Sync());
      List<BackendMessage> answer = client.readUntilReady();
      assertThat(answer).hasSize(2);
      assertThat(answer.get(0)).isInstanceOfSatisfying(ErrorResponse.class,
          e -> assertThat(e.sqlState()).isEqualTo("22021"));
      assertThat(client.query("SELECT 1")).contains(new CommandComplete("SELECT 1"));
    }
  }

  @Test
  void invalidUtf8_inStartupParameters_is08P01() throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0, 3, 0, 0});
    body.writeBytes(cString("user".getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(cString(NOT_UTF8));
    body.write(0);
    try (RawClient client = new RawClient(server.port())) {
      client.sendRaw(ByteBuffer.allocate(4 + body.size()).putInt(4 + body.size()).put(body.toByteArray()).array());
      assertFatalProtocolViolation(client);
    }
    assertServerStillServes();
  }

  @Test
  void silentClient_isClosedByTheAuthenticationTimeout() throws Exception {
    restartWithShortAuthTimeout();
    try (RawClient client = new RawClient(server.port())) {
      long start = System.nanoTime();
      assertThat(client.serverClosed()).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CLOSE_WITHIN);
    }
    assertServerStillServes();
  }

  @Test
  void slowLorisStartup_isClosedByTheAuthenticationTimeout() throws Exception {
    restartWithShortAuthTimeout();
    byte[] startup = FrontendEncoder.toBytes(StartupMessage.create(Map.of("user", "omen", "database", "omendb")));
    long start = System.nanoTime();
    try (RawClient client = new RawClient(server.port())) {
      boolean closed = false;
      for (int i = 0; i < startup.length - 1 && !closed; i++) {
        try {
          client.sendRaw(startup[i]);
          Thread.sleep(200);
        } catch (IOException e) {
          closed = true; // the server closed while the client was still trickling
        }
        closed = closed || Duration.ofNanos(System.nanoTime() - start).compareTo(CLOSE_WITHIN) > 0;
      }
      assertThat(client.serverClosed()).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CLOSE_WITHIN);
    }
    assertServerStillServes();
  }

  private RawClient started() throws IOException {
    RawClient client = new RawClient(server.port());
    assertThat(client.startup("omen")).last().isEqualTo(new ReadyForQuery(TransactionIndicator.IDLE));
    return client;
  }

  private static void assertFatalProtocolViolation(RawClient client) throws IOException {
    assertThat(client.read()).isInstanceOfSatisfying(ErrorResponse.class, e -> {
      assertThat(e.isFatal()).isTrue();
      assertThat(e.sqlState()).isEqualTo("08P01");
    });
    assertThat(client.serverClosed()).isTrue();
  }

  /** A fresh pgjdbc connection still runs queries. */
  private void assertServerStillServes() throws SQLException {
    try (Connection conn = DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + server.port() + "/omendb?user=omen");
        Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT 41 + 1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(42);
    }
  }

  private void awaitConnections(int count) throws InterruptedException {
    long deadline = System.nanoTime() + CLOSE_WITHIN.toNanos();
    while (server.connectionCount() > count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(server.connectionCount()).isEqualTo(count);
  }

  private static byte[] cString(byte[] text) {
    byte[] terminated = new byte[text.length + 1];
    System.arraycopy(text, 0, terminated, 0, text.length);
    return terminated;
  }

  private static byte[] typed(char tag, byte[] body) {
    return ByteBuffer.allocate(1 + 4 + body.length).put((byte) tag).putInt(4 + body.length).put(body).array();
  }
}
