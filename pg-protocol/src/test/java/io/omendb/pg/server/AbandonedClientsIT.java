package io.omendb.pg.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.omendb.adapter.Database;
import io.omendb.pg.codec.FrontendEncoder;
import io.omendb.pg.message.BackendMessage;
import io.omendb.pg.message.CommandComplete;
import io.omendb.pg.message.ErrorResponse;
import io.omendb.pg.message.Query;
import io.omendb.pg.message.ReadyForQuery;
import io.omendb.pg.message.TransactionIndicator;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that leave without saying goodbye, in their thousands, and clients that send far too much at once: the
 * server's threads and heap return to where they were, and it keeps serving.
 */
class AbandonedClientsIT {
  private static final int ABANDONED = 2_000;
  private static final int VANISHED_AFTER_STARTUP = 1_000;
  private static final int PIPELINED = 5_000;
  private static final int IN_LIST_ITEMS = 100_000;
  /** Threads that may come and go meanwhile (JIT compilers, GC, pgjdbc's timers): far below one per client. */
  private static final int THREAD_SLACK = 20;
  /** Heap growth tolerated after GC: leaking even 10 KiB per abandoned connection would exceed it. */
  private static final long HEAP_SLACK_BYTES = 16L << 20;
  private static final long SETTLE_MILLIS = 30_000;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

  @TempDir Path dataDir;
  private Database database;
  private PgServer server;

  @BeforeEach
  void start() throws Exception {
    database = Database.open(dataDir);
    server = new PgServer(database, PgServerConfig.loopback(0));
    server.start();
    try (Connection conn = connect(); Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE t (id INT PRIMARY KEY)");
      st.execute("INSERT INTO t VALUES (1), (2), (3)");
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

  @Test
  void thousandsOfAbandonedConnections_leaveThreadsAndHeapWhereTheyWere() throws Exception {
    warmUp();
    int threadsBefore = settledThreadCount();
    long heapBefore = heapAfterGc();
    for (int i = 0; i < ABANDONED; i++) {
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
        socket.setSoLinger(true, 0); // vanish with a reset, not even a FIN after nothing
      }
    }
    for (int i = 0; i < VANISHED_AFTER_STARTUP; i++) {
      RawClient client = new RawClient(server.port());
      client.startup("omen");
      client.close(); // no Terminate
    }
    awaitNoConnections();
    assertThat(settledThreadCount()).isLessThanOrEqualTo(threadsBefore + THREAD_SLACK);
    assertThat(heapAfterGc()).isLessThan(heapBefore + HEAP_SLACK_BYTES);
    assertServerStillServes();
  }

  @Test
  void thousandsOfPipelinedQueriesInOneWrite_areAllAnsweredInOrder() throws Exception {
    warmUp();
    int threadsBefore = settledThreadCount();
    long heapBefore = heapAfterGc();
    ByteArrayOutputStream batch = new ByteArrayOutputStream();
    for (int i = 0; i < PIPELINED; i++) {
      batch.writeBytes(FrontendEncoder.toBytes(new Query("SELECT id + " + i + " FROM t WHERE id = 1")));
    }
    try (RawClient client = new RawClient(server.port())) {
      client.startup("omen");
      client.sendRaw(batch.toByteArray());
      for (int i = 0; i < PIPELINED; i++) {
        List<BackendMessage> answer = client.readUntilReady();
        assertThat(answer).contains(new CommandComplete("SELECT 1"));
        assertThat(answer).last().isEqualTo(new ReadyForQuery(TransactionIndicator.IDLE));
      }
    }
    awaitNoConnections();
    assertThat(settledThreadCount()).isLessThanOrEqualTo(threadsBefore + THREAD_SLACK);
    assertThat(heapAfterGc()).isLessThan(heapBefore + HEAP_SLACK_BYTES);
    assertServerStillServes();
  }

  @Test
  void hundredThousandItemInList_isAnErrorAndTheSessionLives() throws Exception {
    StringJoiner items = new StringJoiner(", ", "SELECT count(*) FROM t WHERE id IN (", ")");
    for (int i = 0; i < IN_LIST_ITEMS; i++) {
      items.add(Integer.toString(i));
    }
    try (RawClient client = new RawClient(server.port())) {
      client.startup("omen");
      List<BackendMessage> answer = client.query(items.toString());
      // PostgreSQL answers this one; OmenDB refuses it at once as too complex rather than dying or planning on.
      assertThat(answer.get(0)).isInstanceOfSatisfying(ErrorResponse.class, e -> {
        assertThat(e.isFatal()).isFalse();
        assertThat(e.sqlState()).isEqualTo("54000");
        assertThat(e.message()).isEqualTo("IN list has too many items: 100000 (at most 4000)");
      });
      assertThat(client.query("SELECT 1")).contains(new CommandComplete("SELECT 1"));
    }
    assertServerStillServes();
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/omendb?user=omen");
  }

  /** Loads the classes and starts the threads a first connection needs, so they are not counted as growth. */
  private void warmUp() throws Exception {
    for (int i = 0; i < 50; i++) {
      try (RawClient client = new RawClient(server.port())) {
        client.startup("omen");
        client.query("SELECT id FROM t WHERE id = 1");
      }
    }
    assertServerStillServes();
    awaitNoConnections();
  }

  private void assertServerStillServes() throws SQLException {
    try (Connection conn = connect(); Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(3);
    }
  }

  private void awaitNoConnections() throws InterruptedException {
    long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
    while (server.connectionCount() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertThat(server.connectionCount()).isZero();
  }

  /** The live thread count once connection threads have had time to finish. */
  private int settledThreadCount() throws InterruptedException {
    int count = threads.getThreadCount();
    long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
      int now = threads.getThreadCount();
      if (now >= count) {
        return now;
      }
      count = now;
    }
    return count;
  }

  private long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
