package io.omendb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Process crashes under write load. The server runs as a separate JVM ({@code Main start}); client threads insert
 * rows and transfer money between accounts (two UPDATEs and a ledger INSERT in one block) while the process is
 * killed with SIGKILL, then a new process recovers the same data directory. Over several kill/restart cycles it
 * proves that every write whose COMMIT (or autocommit statement) returned is present after recovery; that every
 * row present was really written, with the values written (no torn or invented rows); that a transfer is all or
 * nothing (each account's balance equals the initial balance plus the effects of exactly the ledger rows present,
 * so the total is unchanged); that transfers refused with 40001 never appear; and that the fate of a write that was
 * in flight at the kill, once recovery has decided it, does not change at later recoveries.
 *
 * <p>SIGKILL ends the process but not the machine: the operating system keeps what the process wrote to files,
 * so this proves that acknowledged commits reached the WAL (not only a process buffer) before COMMIT returned and
 * that recovery is atomic; it cannot prove that the WAL was fsynced, which only a power loss would show.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class CrashRecoveryIT {
  private static final Pattern PORT_LINE = Pattern.compile("PostgreSQL protocol on [^ ]+:(\\d+)");
  private static final int CYCLES = 3;
  private static final int LOAD_THREADS = 4;
  private static final int ACCOUNTS = 8;
  private static final long INITIAL_BALANCE = 1_000;
  /** Acknowledged commits to wait for before each kill; differs per cycle so the kill lands at different points. */
  private static final int[] ACKS_BEFORE_KILL = {30, 60, 20};
  private static final int MAX_OPERATIONS_PER_THREAD = 5_000;
  private static final long LOAD_SECONDS = 20;
  private static final long START_SECONDS = 60;
  private static final int OUTPUT_LINES_KEPT = 200;
  private static final String SERIALIZATION_FAILURE = "40001";

  /** One transfer, as the client meant it. */
  private record Transfer(int from, int to, long amount) {}

  @TempDir Path dataDir;
  private final List<ServerProcess> processes = new ArrayList<>();
  private ExecutorService pool;

  /** Writes acknowledged (or found present by an earlier recovery): must be present. */
  private final Set<Long> committedItems = ConcurrentHashMap.newKeySet();
  private final Set<Long> committedTransfers = ConcurrentHashMap.newKeySet();
  /** Writes refused (or found absent by an earlier recovery): must be absent. */
  private final Set<Long> absentItems = ConcurrentHashMap.newKeySet();
  private final Set<Long> absentTransfers = ConcurrentHashMap.newKeySet();
  /** Every write attempted, acknowledged or not, with what it wrote. */
  private final Map<Long, Long> attemptedItems = new ConcurrentHashMap<>();
  private final Map<Long, Transfer> attemptedTransfers = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(1);

  @BeforeEach
  void createPool() {
    pool = Executors.newCachedThreadPool();
  }

  @AfterEach
  void killEverything() throws InterruptedException {
    pool.shutdownNow();
    for (ServerProcess process : processes) {
      process.kill();
    }
    pool.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void sigkillMidLoad_recoveryKeepsAcknowledgedCommitsAndAtomicTransfers() throws Exception {
    ServerProcess server = startServer();
    try (Connection c = connect(server.port()); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE item (id BIGINT PRIMARY KEY, amount BIGINT NOT NULL)");
      s.execute("CREATE TABLE account (id INT PRIMARY KEY, balance BIGINT NOT NULL)");
      s.execute("CREATE TABLE transfer (id BIGINT PRIMARY KEY, src INT NOT NULL, dst INT NOT NULL, "
          + "amount BIGINT NOT NULL)");
      for (int id = 0; id < ACCOUNTS; id++) {
        s.execute("INSERT INTO account VALUES (" + id + ", " + INITIAL_BALANCE + ")");
      }
    }
    for (int cycle = 0; cycle < CYCLES; cycle++) {
      long loadStart = System.nanoTime();
      int acked = loadThenKill(server, ACKS_BEFORE_KILL[cycle], cycle);
      long loadMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loadStart);
      long restartStart = System.nanoTime();
      server = startServer();
      long restartMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restartStart);
      String outcome = verify(server);
      System.out.printf("CrashRecoveryIT cycle %d: %d commits acknowledged in %d ms before SIGKILL, restart %d ms; "
          + "%s%n", cycle, acked, loadMillis, restartMillis, outcome);
    }
  }

  /**
   * Runs the write load until {@code acksBeforeKill} commits have been acknowledged, kills the server and waits for
   * the clients to notice; returns the number of acknowledged commits.
   */
  private int loadThenKill(ServerProcess server, int acksBeforeKill, int cycle) throws Exception {
    AtomicBoolean killed = new AtomicBoolean();
    CountDownLatch enoughAcks = new CountDownLatch(acksBeforeKill);
    AtomicLong acks = new AtomicLong();
    Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOAD_SECONDS);
    List<Future<?>> clients = new ArrayList<>();
    for (int t = 0; t < LOAD_THREADS; t++) {
      long seed = 1_000L * cycle + t;
      clients.add(pool.submit(() -> {
        try {
          runClient(server.port(), new Random(seed), deadline, () -> {
            acks.incrementAndGet();
            enoughAcks.countDown();
          });
        } catch (SQLException | RuntimeException e) {
          if (!killed.get()) {
            errors.add(e);
          }
        } catch (AssertionError e) {
          errors.add(e);
        }
        return null;
      }));
    }
    boolean reached = enoughAcks.await(LOAD_SECONDS, TimeUnit.SECONDS);
    killed.set(true);
    server.kill();
    for (Future<?> client : clients) {
      client.get(30, TimeUnit.SECONDS);
    }
    assertThat(errors).as("client errors before the kill").isEmpty();
    assertThat(reached).as("%d commits acknowledged within %d s", acksBeforeKill, LOAD_SECONDS).isTrue();
    return (int) acks.get();
  }

  /** One client: alternately an autocommit INSERT and a transfer block; returns when its connection dies. */
  private void runClient(int port, Random random, long deadline, Runnable acknowledged) throws SQLException {
    try (Connection c = connect(port); Statement s = c.createStatement()) {
      for (int op = 0; op < MAX_OPERATIONS_PER_THREAD && System.nanoTime() < deadline; op++) {
        long id = nextId.getAndIncrement();
        if (op % 2 == 0) {
          long amount = itemAmount(id);
          attemptedItems.put(id, amount);
          assertThat(s.executeUpdate("INSERT INTO item VALUES (" + id + ", " + amount + ")")).isEqualTo(1);
          committedItems.add(id);
          acknowledged.run();
          continue;
        }
        int from = random.nextInt(ACCOUNTS);
        int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
        Transfer transfer = new Transfer(from, to, 1 + random.nextInt(10));
        attemptedTransfers.put(id, transfer);
        try {
          s.execute("BEGIN");
          assertThat(s.executeUpdate("UPDATE account SET balance = balance - " + transfer.amount()
              + " WHERE id = " + from)).isEqualTo(1);
          assertThat(s.executeUpdate("UPDATE account SET balance = balance + " + transfer.amount()
              + " WHERE id = " + to)).isEqualTo(1);
          assertThat(s.executeUpdate("INSERT INTO transfer VALUES (" + id + ", " + from + ", " + to + ", "
              + transfer.amount() + ")")).isEqualTo(1);
          s.execute("COMMIT");
        } catch (SQLException e) {
          if (!SERIALIZATION_FAILURE.equals(e.getSQLState())) {
            throw e;
          }
          absentTransfers.add(id);
          s.execute("ROLLBACK");
          continue;
        }
        committedTransfers.add(id);
        acknowledged.run();
      }
    }
  }

  private static long itemAmount(long id) {
    return id * 7 % 1_000 + 1;
  }

  /**
   * Checks the recovered database against what the clients did; settles the writes that were in flight; returns a
   * summary.
   */
  private String verify(ServerProcess server) throws SQLException {
    Map<Long, Long> items = new HashMap<>();
    Map<Long, Transfer> transfers = new HashMap<>();
    long[] balances = new long[ACCOUNTS];
    try (Connection c = connect(server.port()); Statement s = c.createStatement()) {
      // one REPEATABLE READ snapshot for all three tables
      s.execute("BEGIN ISOLATION LEVEL REPEATABLE READ");
      try (ResultSet rs = s.executeQuery("SELECT id, amount FROM item")) {
        while (rs.next()) {
          items.put(rs.getLong(1), rs.getLong(2));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT id, src, dst, amount FROM transfer")) {
        while (rs.next()) {
          transfers.put(rs.getLong(1), new Transfer(rs.getInt(2), rs.getInt(3), rs.getLong(4)));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT id, balance FROM account")) {
        int seen = 0;
        while (rs.next()) {
          balances[rs.getInt(1)] = rs.getLong(2);
          seen++;
        }
        assertThat(seen).isEqualTo(ACCOUNTS);
      }
      s.execute("COMMIT");
    }

    assertThat(items.keySet()).as("acknowledged inserts").containsAll(committedItems);
    assertThat(absentItems).as("refused or earlier-lost inserts present").noneMatch(items::containsKey);
    items.forEach((id, amount) -> assertThat(amount).as("item %d", id).isEqualTo(attemptedItems.get(id)));
    assertThat(transfers.keySet()).as("acknowledged transfers").containsAll(committedTransfers);
    assertThat(absentTransfers).as("refused or earlier-lost transfers present").noneMatch(transfers::containsKey);
    transfers.forEach((id, transfer) -> assertThat(transfer).as("transfer %d", id)
        .isEqualTo(attemptedTransfers.get(id)));

    long[] expected = new long[ACCOUNTS];
    Arrays.fill(expected, INITIAL_BALANCE);
    for (Transfer transfer : transfers.values()) {
      expected[transfer.from()] -= transfer.amount();
      expected[transfer.to()] += transfer.amount();
    }
    assertThat(Arrays.stream(balances).sum()).as("total balance").isEqualTo(ACCOUNTS * INITIAL_BALANCE);
    assertThat(balances).as("balances = initial + effects of the ledger rows present").containsExactly(expected);

    int inFlightItems = 0;
    int inFlightItemsKept = 0;
    for (Long id : attemptedItems.keySet()) {
      if (!committedItems.contains(id) && !absentItems.contains(id)) {
        inFlightItems++;
        if (items.containsKey(id)) {
          inFlightItemsKept++;
          committedItems.add(id);
        } else {
          absentItems.add(id);
        }
      }
    }
    int inFlightTransfers = 0;
    int inFlightTransfersKept = 0;
    for (Long id : attemptedTransfers.keySet()) {
      if (!committedTransfers.contains(id) && !absentTransfers.contains(id)) {
        inFlightTransfers++;
        if (transfers.containsKey(id)) {
          inFlightTransfersKept++;
          committedTransfers.add(id);
        } else {
          absentTransfers.add(id);
        }
      }
    }
    return String.format("recovered %d items and %d transfers; of those in flight at the kill, %d/%d inserts and "
        + "%d/%d transfers survived", items.size(), transfers.size(), inFlightItemsKept, inFlightItems,
        inFlightTransfersKept, inFlightTransfers);
  }

  private ServerProcess startServer() throws IOException, InterruptedException {
    ServerProcess process = ServerProcess.start(dataDir);
    processes.add(process);
    process.awaitPort(START_SECONDS);
    return process;
  }

  private static Connection connect(int port) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "tester");
    properties.setProperty("socketTimeout", "30");
    properties.setProperty("connectTimeout", "10");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/omendb", properties);
  }

  /** A server JVM started with {@code Main start}, its output drained by a thread that also finds the port line. */
  private static final class ServerProcess {
    private final Process process;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final Deque<String> output = new ArrayDeque<>();

    private ServerProcess(Process process) {
      this.process = process;
    }

    static ServerProcess start(Path dataDir) throws IOException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
          "-cp", System.getProperty("java.class.path"), Main.class.getName(), "start",
          "--data-dir", dataDir.toString(), "--pg-port", "0", "--avatica-port", "-1");
      builder.redirectErrorStream(true);
      ServerProcess server = new ServerProcess(builder.start());
      Thread drain = new Thread(server::drain, "omendb-server-output");
      drain.setDaemon(true);
      drain.start();
      return server;
    }

    private void drain() {
      try (BufferedReader reader = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          synchronized (output) {
            output.addLast(line);
            if (output.size() > OUTPUT_LINES_KEPT) {
              output.removeFirst();
            }
          }
          Matcher m = PORT_LINE.matcher(line);
          if (m.find()) {
            port.complete(Integer.parseInt(m.group(1)));
          }
        }
      } catch (IOException e) {
        // the process was killed; its output ends here
      } finally {
        port.completeExceptionally(new IllegalStateException("server exited before printing its port"));
      }
    }

    void awaitPort(long seconds) throws InterruptedException {
      try {
        port.get(seconds, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        kill();
        throw new AssertionError("server did not start within " + seconds + " s: " + e + "\n" + output(), e);
      }
    }

    int port() {
      return port.join();
    }

    String output() {
      synchronized (output) {
        return String.join("\n", output);
      }
    }

    /** SIGKILL, then wait until the process is gone (so its RocksDB lock is released). */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError("server process " + process.pid() + " survived SIGKILL for 30 s");
      }
    }
  }
}
