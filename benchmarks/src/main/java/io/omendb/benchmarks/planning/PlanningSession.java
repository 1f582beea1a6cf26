package io.omendb.benchmarks.planning;

import io.omendb.adapter.Database;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.mvcc.Transaction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One clone of the prepared data opened as a {@link Database} with the ALEX directories on or off, one embedded JDBC
 * connection (autocommit: one transaction per query) and one prepared statement per query shape, plus seeded random
 * probe keys: by default {@value #PROBES} keys drawn once and cycled (a hot working set the row cache can hold), or
 * with {@code uniform} a fresh key drawn uniformly from the whole key range for every query. Every query method
 * returns a checksum the caller sinks.
 */
final class PlanningSession implements AutoCloseable {
  static final String POINT = "SELECT id, k, payload FROM t WHERE id = ?";
  static final String RANGE = "SELECT id, k, payload FROM t WHERE id BETWEEN ? AND ?";
  static final String BY_K = "SELECT id, k, payload FROM t WHERE k = ?";
  /** The index lookup asking only for columns in the index entry: index-only where the table has a directory. */
  static final String BY_K_COVERED = "SELECT id, k FROM t WHERE k = ?";
  /** {@code id + 0 = ?} is simplified to {@code id = ?} and seeks; {@code ABS(id)} (ids are non-negative) is not. */
  static final String FULL_SCAN = "SELECT id, k, payload FROM t WHERE ABS(id) = ?";
  /** Random probes (a power of two). */
  private static final int PROBES = 1 << 16;

  final boolean alex;
  final long rows;
  final Duration openTime;
  private final Path dir;
  private final Database database;
  private final Connection connection;
  private final TableDef table;
  private final PreparedStatement point;
  private final PreparedStatement range;
  private final PreparedStatement byK;
  private final PreparedStatement byKCovered;
  private final PreparedStatement fullScan;
  private final long[] present = new long[PROBES];
  private final long[] absent = new long[PROBES];
  /** Draws every probe afresh over the whole key range, or null to cycle the fixed probes. */
  private final SplittableRandom uniform;
  private int next;

  private PlanningSession(boolean alex, long rows, Path dir, Database database, Duration openTime, long seed,
      boolean uniform) throws SQLException {
    this.alex = alex;
    this.rows = rows;
    this.dir = dir;
    this.database = database;
    this.openTime = openTime;
    this.connection = DriverManager.getConnection(database.jdbcUrl());
    this.table = database.engine().catalog().table(PlanningTable.NAME).orElseThrow();
    this.point = connection.prepareStatement(POINT);
    this.range = connection.prepareStatement(RANGE);
    this.byK = connection.prepareStatement(BY_K);
    this.byKCovered = connection.prepareStatement(BY_K_COVERED);
    this.fullScan = connection.prepareStatement(FULL_SCAN);
    SplittableRandom random = new SplittableRandom(seed);
    this.uniform = uniform ? random.split() : null;
    for (int i = 0; i < PROBES; i++) {
      present[i] = PlanningTable.id(random.nextLong(rows));
      absent[i] = PlanningTable.id(random.nextLong(rows)) + 1;
    }
  }

  /** Clones {@code prepared}, opens the clone with the ALEX directories {@code alex}, and checks the plans. */
  static PlanningSession open(Path prepared, long rows, boolean alex, long seed) throws Exception {
    return open(prepared, rows, alex, seed, false);
  }

  /** As {@link #open(Path, long, boolean, long)}, drawing probe keys uniformly over the whole range if asked. */
  static PlanningSession open(Path prepared, long rows, boolean alex, long seed, boolean uniform) throws Exception {
    Path dir = PlanningData.cloneOf(prepared, alex ? "alex" : "seek");
    long started = System.nanoTime();
    Database database = Database.open(PlanningData.options(dir, alex));
    Duration openTime = Duration.ofNanos(System.nanoTime() - started);
    PlanningSession session;
    try {
      session = new PlanningSession(alex, rows, dir, database, openTime, seed, uniform);
    } catch (SQLException | RuntimeException e) {
      database.close();
      PlanningData.deleteTree(dir);
      throw e;
    }
    session.checkPlansAndRows();
    return session;
  }

  /** Open time, directory rebuild time and size as one line. */
  String startupLine() {
    return String.format(Locale.ROOT, "rows=%d alex=%s: Database.open %.2f s, directory rebuild %.2f s,"
            + " directory %.1f MB (%.1f B/key)", rows, alex, openTime.toNanos() / 1e9,
        database.engine().alexDirectoryLoadTime().toNanos() / 1e9, database.engine().alexDirectoryBytes() / 1e6,
        database.engine().alexDirectoryBytes() / (double) rows);
  }

  /** The EXPLAIN PLAN FOR text of {@code sql}. */
  String explain(String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("EXPLAIN PLAN FOR " + sql)) {
      // The plan is cached per statement text; the values only have to be bound.
      long parameters = sql.chars().filter(c -> c == '?').count();
      for (int i = 1; i <= parameters; i++) {
        statement.setLong(i, 0);
      }
      try (ResultSet rs = statement.executeQuery()) {
        StringBuilder plan = new StringBuilder();
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
        return plan.toString().strip();
      }
    }
  }

  private void checkPlansAndRows() throws SQLException {
    expectPlan(POINT, "index=[PRIMARY]", "alex=[" + alex + "]");
    expectPlan(RANGE, "ranges=[");
    expectPlan(BY_K, "index=[" + PlanningTable.INDEX + "]");
    expectPlan(BY_K_COVERED, "index=[" + PlanningTable.INDEX + "]", alex ? "covering=[true]" : "projects=[[0, 1]]");
    String scan = explain(FULL_SCAN);
    if (scan.contains("StoreIndexSeek")) {
      throw new IllegalStateException("expected a full scan for " + FULL_SCAN + ", got\n" + scan);
    }
    long id = present[0];
    if (pointSelect(id) != id || pointSelect(id + 1) != 0 || byK(id) != id || byKCovered(id) != id) {
      throw new IllegalStateException("wrong rows for id " + id);
    }
    if (rangeSelect(id) != PlanningTable.RANGE_ROWS && id + PlanningTable.RANGE_SPAN < PlanningTable.id(rows)) {
      throw new IllegalStateException("range from " + id + " did not return " + PlanningTable.RANGE_ROWS + " rows");
    }
    if (engineGet(id) != id || engineGet(id + 1) != 0) {
      throw new IllegalStateException("wrong engine rows for id " + id);
    }
  }

  private void expectPlan(String sql, String... parts) throws SQLException {
    String plan = explain(sql);
    for (String part : parts) {
      if (!plan.contains(part)) {
        throw new IllegalStateException("plan of " + sql + " lacks " + part + ":\n" + plan);
      }
    }
  }

  /** The next present key. */
  long nextPresent() {
    return uniform != null ? PlanningTable.id(uniform.nextLong(rows)) : present[next++ & (PROBES - 1)];
  }

  /** The next absent key (odd, inside the key range). */
  long nextAbsent() {
    return uniform != null ? PlanningTable.id(uniform.nextLong(rows)) + 1 : absent[next++ & (PROBES - 1)];
  }

  /** The next range start: a present key at least a range below the largest. */
  long nextRangeStart() {
    return Math.min(nextPresent(), PlanningTable.id(rows - PlanningTable.RANGE_ROWS));
  }

  /** {@code WHERE id = ?}: the id found, 0 if none. */
  long pointSelect(long id) throws SQLException {
    point.setLong(1, id);
    return sumIds(point);
  }

  /** {@code WHERE id BETWEEN ? AND ?} over {@value PlanningTable#RANGE_ROWS} rows: the number of rows. */
  long rangeSelect(long from) throws SQLException {
    range.setLong(1, from);
    range.setLong(2, from + PlanningTable.RANGE_SPAN);
    long count = 0;
    try (ResultSet rs = range.executeQuery()) {
      while (rs.next()) {
        count += rs.getLong(2) == PlanningTable.k(rs.getLong(1)) && rs.getString(3) != null ? 1 : 0;
      }
    }
    return count;
  }

  /** {@code WHERE k = ?} for the row of {@code id}: the id found. */
  long byK(long id) throws SQLException {
    byK.setLong(1, PlanningTable.k(id));
    return sumIds(byK);
  }

  /** {@code SELECT id, k ... WHERE k = ?} for the row of {@code id}: the id found (checked against its k). */
  long byKCovered(long id) throws SQLException {
    byKCovered.setLong(1, PlanningTable.k(id));
    long sum = 0;
    try (ResultSet rs = byKCovered.executeQuery()) {
      while (rs.next()) {
        sum += rs.getLong(1) + (rs.getLong(2) == PlanningTable.k(rs.getLong(1)) ? 0 : 1);
      }
    }
    return sum;
  }

  /** {@code WHERE ABS(id) = ?}: the same answer as {@link #pointSelect} by a full scan. */
  long fullScan(long id) throws SQLException {
    fullScan.setLong(1, id);
    return sumIds(fullScan);
  }

  /** One read-only transaction with one {@code Transaction.get}, below SQL: the id found, 0 if none. */
  long engineGet(long id) {
    try (Transaction tx = database.engine().begin()) {
      Object[] row = tx.get(table, new Object[] {id});
      tx.commit();
      return row == null ? 0 : (Long) row[0];
    }
  }

  /**
   * Reads every present row once with {@code Transaction.get}, in one read-only transaction, and returns how many
   * were found. This fills the row cache on the ALEX path (as far as it holds them) and RocksDB's block cache and
   * the page cache on both paths, so uniform probes then measure the steady state rather than a cold start.
   */
  long warmAllRows() {
    long found = 0;
    try (Transaction tx = database.engine().begin()) {
      Object[] key = new Object[1];
      for (long i = 0; i < rows; i++) {
        key[0] = PlanningTable.id(i);
        if (tx.get(table, key) != null) {
          found++;
        }
      }
      tx.commit();
    }
    return found;
  }

  private static long sumIds(PreparedStatement statement) throws SQLException {
    long sum = 0;
    try (ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        sum += rs.getLong(1) + (rs.getString(3).length() == PlanningTable.PAYLOAD_LENGTH ? 0 : 1);
      }
    }
    return sum;
  }

  @Override
  public void close() throws SQLException {
    try {
      // Statements and the connection before the database they belong to.
      point.close();
      range.close();
      byK.close();
      byKCovered.close();
      fullScan.close();
      connection.close();
    } finally {
      database.close();
      PlanningData.deleteTree(dir);
    }
  }
}
