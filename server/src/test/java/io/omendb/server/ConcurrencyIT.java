package io.omendb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transaction isolation as clients see it, through real pgjdbc connections to an in-process server. It proves that
 * two REPEATABLE READ read-modify-write transactions on one row cannot both commit (no lost update), whether the
 * level comes from BEGIN or from JDBC's setTransactionIsolation; that uncommitted writes stay invisible to other
 * sessions (no dirty reads) and rolled-back ones never appear; that a REPEATABLE READ block reads one snapshot
 * throughout while READ COMMITTED moves to each new commit; that write skew commits under REPEATABLE READ and is
 * refused with 40001 under SERIALIZABLE; that a read-only REPEATABLE READ block sees a consistent total while
 * transfers commit around it; that concurrent transfers with client-side retries on 40001 neither create nor lose
 * money and leave exactly the committed transfers' effects; that of two racing inserts of one key exactly one gets
 * 23505; and that an error inside a block fails it (25P02 until the end, COMMIT answers ROLLBACK, nothing of the
 * block survives).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConcurrencyIT {
  private static final String SERIALIZATION_FAILURE = "40001";
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String NOT_NULL_VIOLATION = "23502";
  private static final String IN_FAILED_TRANSACTION = "25P02";
  private static final int SOCKET_TIMEOUT_SECONDS = 30;

  @TempDir Path dataDir;
  private OmenServer server;
  private ExecutorService pool;

  @BeforeEach
  void start() throws Exception {
    server = new OmenServer(new ServerConfig(dataDir, InetAddress.getLoopbackAddress(), 0, -1));
    server.start();
    pool = Executors.newCachedThreadPool();
  }

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
    server.close();
  }

  @Test
  void lostUpdate_secondRepeatableReadWriterGets40001() throws SQLException {
    try (Connection setup = pg(); Statement s = setup.createStatement()) {
      s.execute("CREATE TABLE counter (id INT PRIMARY KEY, n INT NOT NULL)");
      s.execute("INSERT INTO counter VALUES (1, 100)");
    }
    try (Connection c1 = pg(); Connection c2 = pg(); Statement s1 = c1.createStatement();
        Statement s2 = c2.createStatement()) {
      s1.execute("BEGIN ISOLATION LEVEL REPEATABLE READ");
      s2.execute("START TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      long read1 = queryLong(s1, "SELECT n FROM counter WHERE id = 1");
      long read2 = queryLong(s2, "SELECT n FROM counter WHERE id = 1");
      assertThat(read1).isEqualTo(100);
      assertThat(read2).isEqualTo(100);

      assertThat(s1.executeUpdate("UPDATE counter SET n = " + (read1 + 10) + " WHERE id = 1")).isEqualTo(1);
      String updateState = sqlState(() -> s2.executeUpdate("UPDATE counter SET n = " + (read2 + 20)
          + " WHERE id = 1"));
      s1.execute("COMMIT");
      if (updateState == null) {
        assertThat(sqlState(() -> s2.execute("COMMIT"))).isEqualTo(SERIALIZATION_FAILURE);
      } else {
        assertThat(updateState).isEqualTo(SERIALIZATION_FAILURE);
        s2.execute("ROLLBACK");
      }
      assertThat(queryLong(s2, "SELECT n FROM counter WHERE id = 1")).isEqualTo(110);
    }
  }

  @Test
  void lostUpdate_jdbcIsolationApi_secondCommitGets40001() throws SQLException {
    try (Connection setup = pg(); Statement s = setup.createStatement()) {
      s.execute("CREATE TABLE counter (id INT PRIMARY KEY, n INT NOT NULL)");
      s.execute("INSERT INTO counter VALUES (1, 100)");
    }
    try (Connection c1 = pg(); Connection c2 = pg(); Statement s1 = c1.createStatement();
        Statement s2 = c2.createStatement()) {
      for (Connection c : List.of(c1, c2)) {
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
        c.setAutoCommit(false);
      }
      long read1 = queryLong(s1, "SELECT n FROM counter WHERE id = 1");
      long read2 = queryLong(s2, "SELECT n FROM counter WHERE id = 1");
      assertThat(s1.executeUpdate("UPDATE counter SET n = " + (read1 + 1) + " WHERE id = 1")).isEqualTo(1);
      String updateState = sqlState(() -> s2.executeUpdate("UPDATE counter SET n = " + (read2 + 2)
          + " WHERE id = 1"));
      c1.commit();
      assertThat(updateState == null ? sqlState(c2::commit) : updateState).isEqualTo(SERIALIZATION_FAILURE);
      c2.rollback();
      c2.setAutoCommit(true);
      assertThat(queryLong(s2, "SELECT n FROM counter WHERE id = 1")).isEqualTo(101);
    }
  }

  @Test
  void dirtyRead_uncommittedWritesInvisibleUntilCommit() throws SQLException {
    try (Connection writer = pg(); Connection reader = pg(); Statement w = writer.createStatement();
        Statement r = reader.createStatement()) {
      w.execute("CREATE TABLE item (id INT PRIMARY KEY, v TEXT)");
      w.execute("INSERT INTO item VALUES (1, 'old')");

      writer.setAutoCommit(false);
      assertThat(w.executeUpdate("INSERT INTO item VALUES (2, 'new')")).isEqualTo(1);
      assertThat(w.executeUpdate("UPDATE item SET v = 'changed' WHERE id = 1")).isEqualTo(1);
      assertThat(rows(w, "SELECT id, v FROM item ORDER BY id")).containsExactly("1|changed", "2|new");
      assertThat(rows(r, "SELECT id, v FROM item ORDER BY id")).containsExactly("1|old");
      writer.commit();
      assertThat(rows(r, "SELECT id, v FROM item ORDER BY id")).containsExactly("1|changed", "2|new");

      assertThat(w.executeUpdate("INSERT INTO item VALUES (3, 'doomed')")).isEqualTo(1);
      assertThat(w.executeUpdate("DELETE FROM item WHERE id = 1")).isEqualTo(1);
      assertThat(rows(r, "SELECT id FROM item ORDER BY id")).containsExactly("1", "2");
      writer.rollback();
      writer.setAutoCommit(true);
      assertThat(rows(r, "SELECT id, v FROM item ORDER BY id")).containsExactly("1|changed", "2|new");
      assertThat(rows(w, "SELECT id, v FROM item ORDER BY id")).containsExactly("1|changed", "2|new");
    }
  }

  @Test
  void repeatableRead_keepsItsSnapshot_readCommittedSeesNewCommits() throws SQLException {
    try (Connection c1 = pg(); Connection c2 = pg(); Statement s1 = c1.createStatement();
        Statement s2 = c2.createStatement()) {
      s1.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT NOT NULL)");
      s1.execute("INSERT INTO t VALUES (1, 1)");

      s1.execute("BEGIN ISOLATION LEVEL REPEATABLE READ");
      assertThat(rows(s1, "SHOW transaction_isolation")).containsExactly("repeatable read");
      assertThat(queryLong(s1, "SELECT v FROM t WHERE id = 1")).isEqualTo(1);
      assertThat(s2.executeUpdate("UPDATE t SET v = 2 WHERE id = 1")).isEqualTo(1);
      assertThat(s2.executeUpdate("INSERT INTO t VALUES (2, 20)")).isEqualTo(1);
      assertThat(queryLong(s1, "SELECT v FROM t WHERE id = 1")).isEqualTo(1);
      assertThat(queryLong(s1, "SELECT count(*) FROM t")).isEqualTo(1);
      s1.execute("COMMIT");
      assertThat(queryLong(s1, "SELECT v FROM t WHERE id = 1")).isEqualTo(2);

      s1.execute("BEGIN");
      assertThat(rows(s1, "SHOW transaction_isolation")).containsExactly("read committed");
      assertThat(queryLong(s1, "SELECT v FROM t WHERE id = 1")).isEqualTo(2);
      assertThat(s2.executeUpdate("UPDATE t SET v = 3 WHERE id = 1")).isEqualTo(1);
      assertThat(queryLong(s1, "SELECT v FROM t WHERE id = 1")).isEqualTo(3);
      assertThat(queryLong(s1, "SELECT count(*) FROM t")).isEqualTo(2);
      s1.execute("COMMIT");
    }
  }

  @Test
  void writeSkew_repeatableReadCommitsBoth() throws SQLException {
    assertThat(writeSkew("REPEATABLE READ")).containsExactly(null, null);
    try (Connection c = pg(); Statement s = c.createStatement()) {
      assertThat(queryLong(s, "SELECT count(*) FROM doctor WHERE on_call")).isZero();
    }
  }

  @Test
  void writeSkew_serializableAbortsOne() throws SQLException {
    List<String> states = writeSkew("SERIALIZABLE");
    assertThat(states).containsOnlyOnce(SERIALIZATION_FAILURE).containsOnlyOnce((String) null);
    try (Connection c = pg(); Statement s = c.createStatement()) {
      assertThat(queryLong(s, "SELECT count(*) FROM doctor WHERE on_call")).isEqualTo(1);
    }
  }

  /**
   * Two doctors on call; each transaction checks that at least two are on call and takes its own doctor off. Returns
   * the SQLSTATE each transaction ended with (null: committed).
   */
  private List<String> writeSkew(String isolation) throws SQLException {
    try (Connection setup = pg(); Statement s = setup.createStatement()) {
      s.execute("CREATE TABLE doctor (id INT PRIMARY KEY, name TEXT NOT NULL, on_call BOOLEAN NOT NULL)");
      s.execute("INSERT INTO doctor VALUES (1, 'alice', TRUE), (2, 'bob', TRUE)");
    }
    try (Connection c1 = pg(); Connection c2 = pg()) {
      List<Statement> txs = List.of(c1.createStatement(), c2.createStatement());
      String[] states = new String[2];
      for (Statement tx : txs) {
        tx.execute("BEGIN ISOLATION LEVEL " + isolation);
        assertThat(queryLong(tx, "SELECT count(*) FROM doctor WHERE on_call")).isEqualTo(2);
      }
      for (int i = 0; i < 2; i++) {
        Statement tx = txs.get(i);
        int doctor = i + 1;
        states[i] = sqlState(() -> tx.executeUpdate("UPDATE doctor SET on_call = FALSE WHERE id = " + doctor));
      }
      for (int i = 0; i < 2; i++) {
        Statement tx = txs.get(i);
        if (states[i] == null) {
          states[i] = sqlState(() -> tx.execute("COMMIT"));
        } else {
          tx.execute("ROLLBACK");
        }
      }
      return Arrays.asList(states);
    }
  }

  @Test
  void readOnlyRepeatableRead_seesOneSnapshotWhileTransfersCommit() throws Exception {
    int accounts = 10;
    long initial = 100;
    createAccounts(accounts, initial);
    int writers = 2;
    int maxTransfersPerWriter = 2_000;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    AtomicBoolean stop = new AtomicBoolean();
    Semaphore commits = new Semaphore(0);
    AtomicInteger conflicts = new AtomicInteger();
    List<Future<Integer>> writerResults = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      long seed = 1000 + w;
      writerResults.add(pool.submit(() -> {
        Random random = new Random(seed);
        int committed = 0;
        try (Connection c = pg(); Statement s = c.createStatement()) {
          c.setAutoCommit(false);
          for (int i = 0; i < maxTransfersPerWriter && !stop.get() && System.nanoTime() < deadline; i++) {
            int from = random.nextInt(accounts);
            int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
            try {
              s.executeUpdate("UPDATE account SET balance = balance - 1 WHERE id = " + from);
              s.executeUpdate("UPDATE account SET balance = balance + 1 WHERE id = " + to);
              c.commit();
              committed++;
              commits.release();
            } catch (SQLException e) {
              if (!SERIALIZATION_FAILURE.equals(e.getSQLState())) {
                throw e;
              }
              conflicts.incrementAndGet();
              c.rollback();
            }
          }
        }
        return committed;
      }));
    }

    int blocks = 4;
    int readsPerBlock = 4;
    try (Connection reader = pg(); Statement r = reader.createStatement()) {
      for (int b = 0; b < blocks; b++) {
        r.execute("BEGIN ISOLATION LEVEL REPEATABLE READ");
        long[] first = null;
        for (int read = 0; read < readsPerBlock; read++) {
          if (read > 0) {
            // a transfer has committed since the previous read of this block
            commits.drainPermits();
            assertThat(commits.tryAcquire(10, TimeUnit.SECONDS)).as("a writer committed").isTrue();
          }
          long[] balances = new long[accounts];
          for (int id = 0; id < accounts; id++) {
            balances[id] = queryLong(r, "SELECT balance FROM account WHERE id = " + id);
          }
          assertThat(Arrays.stream(balances).sum()).isEqualTo(accounts * initial);
          assertThat(queryLong(r, "SELECT sum(balance) FROM account")).isEqualTo(accounts * initial);
          if (first == null) {
            first = balances;
          } else {
            assertThat(balances).as("block %d read %d", b, read).containsExactly(first);
          }
        }
        r.execute("COMMIT");
      }
    } finally {
      stop.set(true);
    }
    int committed = 0;
    for (Future<Integer> result : writerResults) {
      committed += result.get(30, TimeUnit.SECONDS);
    }
    System.out.printf("readOnlyRepeatableRead: %d transfers committed, %d conflicts%n", committed,
        conflicts.get());
    try (Connection c = pg(); Statement s = c.createStatement()) {
      assertThat(queryLong(s, "SELECT sum(balance) FROM account")).isEqualTo(accounts * initial);
    }
  }

  @Test
  void bankTransfers_concurrentWithRetries_conserveMoneyAndApplyExactlyTheCommitted() throws Exception {
    int accounts = 10;
    long initial = 1_000;
    int threads = 8;
    int transfersPerThread = 30;
    int maxAttempts = 50;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
    createAccounts(accounts, initial);

    AtomicLongArray delta = new AtomicLongArray(accounts);
    AtomicInteger committed = new AtomicInteger();
    AtomicInteger abandoned = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    Queue<String> conflictPlaces = new ConcurrentLinkedQueue<>();
    CyclicBarrier startTogether = new CyclicBarrier(threads);
    List<Future<?>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long seed = 42 + t;
      results.add(pool.submit(() -> {
        Random random = new Random(seed);
        try (Connection c = pg(); Statement s = c.createStatement()) {
          startTogether.await(30, TimeUnit.SECONDS);
          for (int i = 0; i < transfersPerThread && System.nanoTime() < deadline; i++) {
            int from = random.nextInt(accounts);
            int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
            int amount = 1 + random.nextInt(3);
            boolean done = false;
            for (int attempt = 0; attempt < maxAttempts && !done && System.nanoTime() < deadline; attempt++) {
              String step = "BEGIN";
              try {
                s.execute("BEGIN");
                step = "UPDATE";
                assertThat(s.executeUpdate("UPDATE account SET balance = balance - " + amount
                    + " WHERE id = " + from)).isEqualTo(1);
                assertThat(s.executeUpdate("UPDATE account SET balance = balance + " + amount
                    + " WHERE id = " + to)).isEqualTo(1);
                step = "COMMIT";
                s.execute("COMMIT");
                done = true;
              } catch (SQLException e) {
                if (!SERIALIZATION_FAILURE.equals(e.getSQLState())) {
                  throw e;
                }
                conflicts.incrementAndGet();
                conflictPlaces.add(step);
                s.execute("ROLLBACK");
              }
            }
            if (done) {
              delta.addAndGet(from, -amount);
              delta.addAndGet(to, amount);
              committed.incrementAndGet();
            } else {
              abandoned.incrementAndGet();
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> result : results) {
      result.get(50, TimeUnit.SECONDS);
    }
    long atUpdate = conflictPlaces.stream().filter("UPDATE"::equals).count();
    System.out.printf("bankTransfers: %d committed, %d abandoned, %d serialization failures (%d at UPDATE, %d at "
        + "COMMIT)%n", committed.get(), abandoned.get(), conflicts.get(), atUpdate, conflicts.get() - atUpdate);

    assertThat(committed.get()).isPositive();
    try (Connection c = pg(); Statement s = c.createStatement()) {
      assertThat(queryLong(s, "SELECT sum(balance) FROM account")).isEqualTo(accounts * initial);
      List<String> expected = new ArrayList<>();
      for (int id = 0; id < accounts; id++) {
        expected.add(id + "|" + (initial + delta.get(id)));
      }
      assertThat(rows(s, "SELECT id, balance FROM account ORDER BY id")).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void duplicateKey_interleavedBlocks_secondCommitGets23505() throws SQLException {
    try (Connection c1 = pg(); Connection c2 = pg(); Statement s1 = c1.createStatement();
        Statement s2 = c2.createStatement()) {
      s1.execute("CREATE TABLE k (id INT PRIMARY KEY, owner TEXT NOT NULL)");
      s1.execute("BEGIN");
      s2.execute("BEGIN");
      assertThat(s1.executeUpdate("INSERT INTO k VALUES (1, 'first')")).isEqualTo(1);
      String insertState = sqlState(() -> s2.executeUpdate("INSERT INTO k VALUES (1, 'second')"));
      s1.execute("COMMIT");
      if (insertState == null) {
        assertThat(sqlState(() -> s2.execute("COMMIT"))).isEqualTo(UNIQUE_VIOLATION);
      } else {
        assertThat(insertState).isEqualTo(UNIQUE_VIOLATION);
        s2.execute("ROLLBACK");
      }
      assertThat(rows(s2, "SELECT id, owner FROM k")).containsExactly("1|first");
    }
  }

  @Test
  void duplicateKey_racingAutocommitInserts_exactlyOneGets23505() throws Exception {
    int rounds = 20;
    try (Connection setup = pg(); Statement s = setup.createStatement()) {
      s.execute("CREATE TABLE k (id INT PRIMARY KEY, owner TEXT NOT NULL)");
    }
    CyclicBarrier together = new CyclicBarrier(2);
    List<Future<List<String>>> racers = new ArrayList<>();
    for (String owner : List.of("a", "b")) {
      racers.add(pool.submit(() -> {
        List<String> outcomes = new ArrayList<>();
        try (Connection c = pg(); Statement s = c.createStatement()) {
          for (int round = 0; round < rounds; round++) {
            together.await(20, TimeUnit.SECONDS);
            int id = round;
            String state = sqlState(() -> s.executeUpdate("INSERT INTO k VALUES (" + id + ", '" + owner + "')"));
            outcomes.add(state == null ? owner : state);
          }
        }
        return outcomes;
      }));
    }
    List<String> a = racers.get(0).get(50, TimeUnit.SECONDS);
    List<String> b = racers.get(1).get(50, TimeUnit.SECONDS);
    try (Connection c = pg(); Statement s = c.createStatement()) {
      for (int round = 0; round < rounds; round++) {
        List<String> pair = List.of(a.get(round), b.get(round));
        assertThat(pair).as("round %d", round).containsOnlyOnce(UNIQUE_VIOLATION);
        String winner = pair.get(0).equals(UNIQUE_VIOLATION) ? pair.get(1) : pair.get(0);
        assertThat(rows(s, "SELECT owner FROM k WHERE id = " + round)).containsExactly(winner);
      }
      assertThat(queryLong(s, "SELECT count(*) FROM k")).isEqualTo(rounds);
    }
  }

  @Test
  void failedBlock_primaryKeyViolation_25P02UntilCommitRollsBack() throws Exception {
    try (Connection c = pg(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT PRIMARY KEY, v TEXT NOT NULL)");
      s.execute("INSERT INTO t VALUES (1, 'one')");

      s.execute("BEGIN");
      assertThat(s.executeUpdate("INSERT INTO t VALUES (2, 'two')")).isEqualTo(1);
      assertThat(s.executeUpdate("UPDATE t SET v = 'uno' WHERE id = 1")).isEqualTo(1);
      assertThat(sqlState(() -> s.executeUpdate("INSERT INTO t VALUES (1, 'again')"))).isEqualTo(UNIQUE_VIOLATION);
      assertThat(sqlState(() -> s.executeQuery("SELECT 1"))).isEqualTo(IN_FAILED_TRANSACTION);
      assertThat(sqlState(() -> s.executeUpdate("INSERT INTO t VALUES (3, 'three')")))
          .isEqualTo(IN_FAILED_TRANSACTION);
      // pgjdbc does not report that COMMIT answered ROLLBACK; the table shows it
      s.execute("COMMIT");
      assertThat(rows(s, "SELECT id, v FROM t ORDER BY id")).containsExactly("1|one");
    }
    try (PgWireProbe probe = new PgWireProbe(server.pgPort())) {
      assertThat(probe.query("BEGIN")).isEqualTo(new PgWireProbe.Reply(List.of("BEGIN"), null, 'T'));
      assertThat(probe.query("INSERT INTO t VALUES (4, 'four')").tags()).containsExactly("INSERT 0 1");
      assertThat(probe.query("INSERT INTO t VALUES (1, 'dup')"))
          .isEqualTo(new PgWireProbe.Reply(List.of(), UNIQUE_VIOLATION, 'E'));
      assertThat(probe.query("SELECT 1")).isEqualTo(new PgWireProbe.Reply(List.of(), IN_FAILED_TRANSACTION, 'E'));
      assertThat(probe.query("COMMIT")).isEqualTo(new PgWireProbe.Reply(List.of("ROLLBACK"), null, 'I'));
      assertThat(probe.query("SELECT count(*) FROM t WHERE id = 4").tags()).containsExactly("SELECT 1");
    }
    try (Connection c = pg(); Statement s = c.createStatement()) {
      assertThat(rows(s, "SELECT id, v FROM t ORDER BY id")).containsExactly("1|one");
    }
  }

  @Test
  void failedBlock_notNullViolation_jdbcCommitLeavesNothing() throws SQLException {
    try (Connection c = pg(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT PRIMARY KEY, v TEXT NOT NULL)");
      c.setAutoCommit(false);
      assertThat(s.executeUpdate("INSERT INTO t VALUES (1, 'one')")).isEqualTo(1);
      assertThat(sqlState(() -> s.executeUpdate("INSERT INTO t VALUES (2, NULL)"))).isEqualTo(NOT_NULL_VIOLATION);
      assertThat(sqlState(() -> s.executeQuery("SELECT count(*) FROM t"))).isEqualTo(IN_FAILED_TRANSACTION);
      // pgjdbc 42.7 sends COMMIT, the server answers ROLLBACK, and commit() returns without an error
      String commitState = sqlState(c::commit);
      c.setAutoCommit(true);
      assertThat(commitState).isNull();
      assertThat(queryLong(s, "SELECT count(*) FROM t")).isZero();
      // the session works normally again
      assertThat(s.executeUpdate("INSERT INTO t VALUES (3, 'three')")).isEqualTo(1);
      assertThat(rows(s, "SELECT id, v FROM t")).containsExactly("3|three");
    }
  }

  private void createAccounts(int accounts, long initial) throws SQLException {
    try (Connection c = pg(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE account (id INT PRIMARY KEY, balance BIGINT NOT NULL)");
      StringBuilder insert = new StringBuilder("INSERT INTO account VALUES ");
      for (int id = 0; id < accounts; id++) {
        insert.append(id > 0 ? ", " : "").append('(').append(id).append(", ").append(initial).append(')');
      }
      assertThat(s.executeUpdate(insert.toString())).isEqualTo(accounts);
    }
  }

  private Connection pg() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "tester");
    properties.setProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS));
    properties.setProperty("connectTimeout", "10");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.pgPort() + "/omendb", properties);
  }

  private static long queryLong(Statement statement, String sql) throws SQLException {
    try (ResultSet rs = statement.executeQuery(sql)) {
      assertThat(rs.next()).as("a row from %s", sql).isTrue();
      long value = rs.getLong(1);
      assertThat(rs.next()).as("one row from %s", sql).isFalse();
      return value;
    }
  }

  private static List<String> rows(Statement statement, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery(sql)) {
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

  /** A JDBC call that may fail. */
  @FunctionalInterface
  private interface SqlCall {
    void run() throws SQLException;
  }

  /** The SQLSTATE the call failed with, or null if it succeeded. */
  private static String sqlState(SqlCall call) {
    try {
      call.run();
      return null;
    } catch (SQLException e) {
      return e.getSQLState();
    }
  }
}
