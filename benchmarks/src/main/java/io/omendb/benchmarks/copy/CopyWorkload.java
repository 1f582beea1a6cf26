package io.omendb.benchmarks.copy;

import io.omendb.adapter.Database;
import io.omendb.pg.server.PgServer;
import io.omendb.pg.server.PgServerConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * An end-to-end COPY workload over the PostgreSQL protocol: {@code COPY FROM STDIN} of generated rows through
 * pgjdbc's {@link CopyManager} and through psql's {@code \copy} (if psql is installed), then {@code COPY TO STDOUT}
 * of the whole table, each timed once and reported in rows per second of wall time and, for an in-process server,
 * per second of CPU time of the server's threads (a figure the load of a shared machine does not distort), with the
 * heap of this JVM during each COPY. Without a
 * JDBC URL it serves a fresh OmenDB data directory in-process (loopback trust, an ephemeral port); with one it runs
 * against that server, e.g. PostgreSQL 15 on the same machine for comparison. The rows are generated as they are
 * sent, never held whole in memory. Run (from the repository root, after {@code mvn -B -q -o -pl benchmarks -am
 * package -DskipTests}):
 *
 * <pre>
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar io.omendb.benchmarks.copy.CopyWorkload 1000000
 * java -cp benchmarks/target/benchmarks.jar io.omendb.benchmarks.copy.CopyWorkload 1000000 \
 *     'jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&amp;password=...'
 * </pre>
 */
public final class CopyWorkload {
  private static final long DEFAULT_ROWS = 1_000_000;
  private static final String TABLE = "copy_bench";
  private static final String CREATE = "CREATE TABLE " + TABLE
      + " (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL, amount DOUBLE PRECISION, day DATE)";
  private static final long PSQL_TIMEOUT_MINUTES = 30;
  /** The kernel's USER_HZ is 100 on Linux: /proc reports CPU time in 10 ms ticks. */
  private static final long CLOCK_TICK_NANOS = 10_000_000;

  private CopyWorkload() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : DEFAULT_ROWS;
    if (args.length > 1) {
      run(args[1], rows);
      return;
    }
    Path dir = Files.createTempDirectory("omendb-copy-workload");
    try (Database database = Database.open(dir);
        PgServer server = new PgServer(database, PgServerConfig.loopback(0))) {
      server.start();
      run("jdbc:postgresql://127.0.0.1:" + server.port() + "/omendb?user=omendb", rows);
    }
  }

  private static void run(String url, long rows) throws Exception {
    try (Connection conn = DriverManager.getConnection(url)) {
      backendStat = backendStatFile(conn);
      CopyManager copy = conn.unwrap(PGConnection.class).getCopyAPI();
      recreate(conn);
      long start = System.nanoTime();
      long cpu = serverCpuNanos();
      resetPeakHeap();
      long loaded = copy.copyIn("COPY " + TABLE + " FROM STDIN", new GeneratedRows(0, rows));
      report("COPY FROM STDIN (pgjdbc CopyManager)", loaded, System.nanoTime() - start, serverCpuNanos() - cpu);
      System.out.printf(Locale.ROOT, "peak heap during COPY FROM STDIN (client, server, write set): %,d MiB%n",
          peakHeap() >> 20);
      check(conn, rows);

      System.gc();
      long heapBefore = resetPeakHeap();
      start = System.nanoTime();
      cpu = serverCpuNanos();
      CountingWriter sink = new CountingWriter();
      long exported = copy.copyOut("COPY " + TABLE + " TO STDOUT", sink);
      report("COPY TO STDOUT (pgjdbc CopyManager, " + sink.lines + " lines)", exported, System.nanoTime() - start,
          serverCpuNanos() - cpu);
      System.out.printf(Locale.ROOT, "heap during COPY TO STDOUT: %,d MiB after GC before it, peak %,d MiB%n",
          heapBefore >> 20, peakHeap() >> 20);

      Path file = Files.createTempFile("copy-workload", ".tsv");
      try {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            Reader in = new GeneratedRows(rows, rows)) {
          in.transferTo(out);
        }
        start = System.nanoTime();
        if (psqlCopy(url, file)) {
          // psql's session is another connection, whose thread or backend has ended: no CPU figure.
          report("\\copy FROM (psql)", rows, System.nanoTime() - start, 0);
          check(conn, 2 * rows);
        }
      } finally {
        Files.deleteIfExists(file);
      }
      try (Statement st = conn.createStatement()) {
        st.execute("DROP TABLE " + TABLE);
      }
    }
  }

  /** Heap in use now; the heap pools' peaks restart from here. */
  private static long resetPeakHeap() {
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
        used += pool.getUsage().getUsed();
      }
    }
    return used;
  }

  /** The sum of the heap pools' peaks since the last {@link #resetPeakHeap()} (or the start). */
  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
  }

  private static void recreate(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + TABLE);
      st.execute(CREATE);
    }
  }

  private static void check(Connection conn, long expected) throws SQLException {
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + TABLE)) {
      rs.next();
      if (rs.getLong(1) != expected) {
        throw new IllegalStateException("expected " + expected + " rows, found " + rs.getLong(1));
      }
    }
  }

  private static void report(String what, long rows, long nanos, long serverCpuNanos) {
    double seconds = nanos / 1e9;
    String cpu = serverCpuNanos == 0 ? ""
        : String.format(Locale.ROOT, "; server CPU %6.2f s = %,10.0f rows/CPU-s", serverCpuNanos / 1e9,
            rows / (serverCpuNanos / 1e9));
    System.out.printf(Locale.ROOT, "%-48s %,12d rows in %8.2f s = %,10.0f rows/s%s%n", what, rows, seconds,
        rows / seconds, cpu);
  }

  /** /proc/PID/stat of the PostgreSQL backend serving the benchmark, when it runs on this machine, else null. */
  private static Path backendStat;

  private static Path backendStatFile(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT version(), pg_backend_pid()")) {
      rs.next();
      Path stat = Path.of("/proc", Integer.toString(rs.getInt(2)), "stat");
      // OmenDB's backend pids are connection numbers, not processes.
      return rs.getString(1).contains("OmenDB") || !Files.isReadable(stat) ? null : stat;
    }
  }

  /**
   * CPU time used so far by the server: the in-process server's threads (named omendb-...), or the PostgreSQL
   * backend process's user and system time (in clock ticks of 10 ms); 0 when neither can be seen.
   */
  private static long serverCpuNanos() {
    if (backendStat != null) {
      try {
        String stat = Files.readString(backendStat);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // Fields 14 and 15 of proc(5), utime and stime, are the 12th and 13th after the command name.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * CLOCK_TICK_NANOS;
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("omendb-")) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }

  /** Runs psql's {@code \copy} of {@code file} against the server the URL names; false if psql is not installed. */
  private static boolean psqlCopy(String url, Path file) throws IOException, InterruptedException {
    URI uri = URI.create(url.substring("jdbc:".length()));
    Properties query = new Properties();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        query.setProperty(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
        "-h", uri.getHost(), "-p", Integer.toString(uri.getPort()), "-d", uri.getPath().substring(1),
        "-U", query.getProperty("user", "omendb"), "-c", "\\copy " + TABLE + " FROM '" + file + "'"));
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    if (query.getProperty("password") != null) {
      builder.environment().put("PGPASSWORD", query.getProperty("password"));
    }
    Process psql;
    try {
      psql = builder.start();
    } catch (IOException e) {
      System.out.println("psql not found: skipping \\copy");
      return false;
    }
    if (!psql.waitFor(PSQL_TIMEOUT_MINUTES, TimeUnit.MINUTES) || psql.exitValue() != 0) {
      psql.destroyForcibly();
      throw new IllegalStateException("psql \\copy failed");
    }
    return true;
  }

  /** COPY text rows {@code first .. first + count - 1}, generated as they are read. */
  private static final class GeneratedRows extends Reader {
    private final long end;
    private long next;
    private final StringBuilder line = new StringBuilder();
    private int linePos;

    GeneratedRows(long first, long count) {
      this.next = first;
      this.end = first + count;
    }

    /** Fills the buffer with as many lines as fit, as a client reading a file does. */
    @Override
    public int read(char[] buffer, int offset, int length) {
      int filled = 0;
      while (filled < length) {
        if (linePos == line.length()) {
          if (next == end) {
            break;
          }
          line.setLength(0);
          linePos = 0;
          long id = next++;
          line.append(id).append('\t').append("name-").append(id).append('\t')
              .append(id % 10_000 / 100.0).append('\t')
              .append(java.time.LocalDate.ofEpochDay(18_000 + id % 3_000)).append('\n');
        }
        int n = Math.min(length - filled, line.length() - linePos);
        line.getChars(linePos, linePos + n, buffer, offset + filled);
        linePos += n;
        filled += n;
      }
      return filled == 0 ? -1 : filled;
    }

    @Override
    public void close() {}
  }

  /** Discards what it is given, counting lines. */
  private static final class CountingWriter extends Writer {
    long lines;

    @Override
    public void write(char[] buffer, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        if (buffer[i] == '\n') {
          lines++;
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
