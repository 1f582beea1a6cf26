package io.omendb.engine.mvcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.engine.Engine;
import io.omendb.engine.EngineOptions;
import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.IndexDef;
import io.omendb.engine.catalog.TableDef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code AS OF} reads of past snapshots, and the history retention window garbage collection honours. */
class TimeTravelTest {
  @TempDir Path dir;
  private Engine engine;
  private TableDef table;
  private IndexDef byValue;

  private void open(Duration retention) {
    engine = Engine.open(EngineOptions.create(dir).withGcInterval(Duration.ZERO).withSyncCommits(false)
        .withHistoryRetention(retention));
    table = engine.catalog().createTable(new TableDef(0, "kv",
        List.of(ColumnDef.create("k", ColumnType.INTEGER).withNullable(false),
            ColumnDef.create("v", ColumnType.BIGINT)), new int[] {0}), false);
    byValue = engine.createIndex("kv_v", "kv", List.of("v"), false, false);
  }

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  /** Runs {@code work} in one committed transaction and returns its commit timestamp. */
  private long commit(java.util.function.Consumer<Transaction> work) {
    try (Transaction tx = engine.begin()) {
      work.accept(tx);
      tx.commit();
    }
    return engine.transactions().visibleTimestamp();
  }

  private Long valueAsOf(long ts, int k) {
    try (Transaction tx = engine.beginAsOf(ts)) {
      Object[] row = tx.get(table, new Object[] {k});
      return row == null ? null : (Long) row[1];
    }
  }

  private List<Object> scanAsOf(long ts) {
    List<Object> rows = new ArrayList<>();
    try (Transaction tx = engine.beginAsOf(ts); RowCursor cursor = tx.scan(table)) {
      for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
        rows.add(List.of(row[0], row[1]));
      }
    }
    return rows;
  }

  private List<Object> indexAsOf(long ts, long v) {
    List<Object> keys = new ArrayList<>();
    KeyBound bound = new KeyBound(new Object[] {v}, true);
    try (Transaction tx = engine.beginAsOf(ts); RowCursor cursor = tx.scanIndex(table, byValue, bound, bound)) {
      for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
        keys.add(row[0]);
      }
    }
    return keys;
  }

  @Test
  void beginAsOf_pointReadsScansAndIndexSeeksSeeEachVersion() {
    open(Duration.ofHours(1));
    assertThat(engine.hasAlexDirectory(table)).isTrue();
    long beforeInsert = commit(tx -> tx.insert(table, new Object[] {2, 7L}));
    long inserted = commit(tx -> tx.insert(table, new Object[] {1, 10L}));
    long updated = commit(tx -> tx.update(table, new Object[] {1}, new Object[] {1, 20L}));
    long deleted = commit(tx -> tx.delete(table, new Object[] {1}));
    long reinserted = commit(tx -> tx.insert(table, new Object[] {1, 30L}));
    // collection inside the window must not take anything an AS OF read within it needs
    engine.garbageCollector().runPass(10_000);

    assertThat(valueAsOf(beforeInsert, 1)).isNull();
    assertThat(valueAsOf(inserted, 1)).isEqualTo(10L);
    assertThat(valueAsOf(updated, 1)).isEqualTo(20L);
    assertThat(valueAsOf(deleted, 1)).isNull();
    assertThat(valueAsOf(reinserted, 1)).isEqualTo(30L);
    assertThat(valueAsOf(updated - 1, 1)).isEqualTo(10L);

    assertThat(scanAsOf(inserted)).containsExactly(List.of(1, 10L), List.of(2, 7L));
    assertThat(scanAsOf(deleted)).containsExactly(List.of(2, 7L));
    assertThat(scanAsOf(reinserted)).containsExactly(List.of(1, 30L), List.of(2, 7L));

    assertThat(indexAsOf(inserted, 10L)).containsExactly(1);
    assertThat(indexAsOf(updated, 10L)).isEmpty();
    assertThat(indexAsOf(updated, 20L)).containsExactly(1);
    assertThat(indexAsOf(reinserted, 20L)).isEmpty();
    assertThat(engine.garbageCollector().stats().versionsCollected()).isZero();
  }

  @Test
  void beginAsOf_refusesWrites() {
    open(Duration.ofHours(1));
    long ts = commit(tx -> tx.insert(table, new Object[] {1, 10L}));
    try (Transaction tx = engine.beginAsOf(ts)) {
      assertThat(tx.readOnly()).isTrue();
      assertThatThrownBy(() -> tx.insert(table, new Object[] {2, 1L}))
          .isInstanceOf(ReadOnlyTransactionException.class);
      assertThatThrownBy(() -> tx.update(table, new Object[] {1}, new Object[] {1, 1L}))
          .isInstanceOf(ReadOnlyTransactionException.class);
      assertThatThrownBy(() -> tx.delete(table, new Object[] {1}))
          .isInstanceOf(ReadOnlyTransactionException.class);
    }
  }

  @Test
  void beginAsOf_futureTimestamp() {
    open(Duration.ofHours(1));
    long future = TimestampOracle.wallClock() + Duration.ofMinutes(1).toNanos() / 1000;
    assertThatThrownBy(() -> engine.beginAsOf(future)).isInstanceOf(TimeTravelException.class)
        .extracting(e -> ((TimeTravelException) e).kind()).isEqualTo(TimeTravelException.Kind.FUTURE_TIMESTAMP);
  }

  @Test
  void beginAsOf_afterTheNewestCommit_laterCommitsStayInvisible() {
    open(Duration.ofHours(1));
    commit(tx -> tx.insert(table, new Object[] {1, 10L}));
    long now = TimestampOracle.wallClock();
    try (Transaction reader = engine.beginAsOf(now)) {
      long later = commit(tx -> tx.update(table, new Object[] {1}, new Object[] {1, 11L}));
      assertThat(later).isGreaterThan(now);
      assertThat(reader.get(table, new Object[] {1})[1]).isEqualTo(10L);
    }
    assertThat(valueAsOf(now, 1)).isEqualTo(10L);
  }

  @Test
  void gc_collectsHistoryOlderThanTheWindow_andAsOfThereIsTooOld() throws InterruptedException {
    open(Duration.ofMillis(200));
    long first = commit(tx -> tx.insert(table, new Object[] {1, 10L}));
    commit(tx -> tx.update(table, new Object[] {1}, new Object[] {1, 20L}));
    engine.garbageCollector().runPass(10_000);
    assertThat(engine.garbageCollector().stats().versionsCollected()).isZero();
    assertThat(valueAsOf(first, 1)).isEqualTo(10L);

    Thread.sleep(400);
    long horizon = engine.transactions().historyHorizon();
    assertThat(horizon).isGreaterThan(first);
    engine.garbageCollector().runPass(10_000);
    assertThat(engine.garbageCollector().stats().versionsCollected()).isEqualTo(1);
    assertThatThrownBy(() -> engine.beginAsOf(first)).isInstanceOf(TimeTravelException.class)
        .extracting(e -> ((TimeTravelException) e).kind()).isEqualTo(TimeTravelException.Kind.SNAPSHOT_TOO_OLD);
    assertThat(valueAsOf(horizon, 1)).isEqualTo(20L);
  }

  @Test
  void gc_activeAsOfReaderKeepsItsVersionsPastTheWindow() throws InterruptedException {
    open(Duration.ofMillis(200));
    long first = commit(tx -> tx.insert(table, new Object[] {1, 10L}));
    try (Transaction reader = engine.beginAsOf(first)) {
      commit(tx -> tx.update(table, new Object[] {1}, new Object[] {1, 20L}));
      Thread.sleep(400);
      engine.garbageCollector().runPass(10_000);
      assertThat(reader.get(table, new Object[] {1})[1]).isEqualTo(10L);
    }
    engine.garbageCollector().runPass(10_000);
    assertThat(engine.garbageCollector().stats().versionsCollected()).isEqualTo(1);
  }
}
