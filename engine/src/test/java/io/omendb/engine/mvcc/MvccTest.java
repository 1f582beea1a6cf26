package io.omendb.engine.mvcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.engine.Engine;
import io.omendb.engine.EngineOptions;
import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.TableDef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Visibility, conflict and garbage-collection rules of the versioned store. */
class MvccTest {
  @TempDir Path dir;
  private Engine engine;
  private TableDef table;

  @BeforeEach
  void open() {
    engine = Engine.open(EngineOptions.create(dir).withGcInterval(Duration.ZERO)
        .withHistoryRetention(Duration.ZERO));
    table = engine.catalog().createTable(new TableDef(0, "kv",
        List.of(ColumnDef.create("k", ColumnType.INTEGER).withNullable(false),
            ColumnDef.create("v", ColumnType.BIGINT)), new int[] {0}), false);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private void put(int k, long v) {
    try (Transaction tx = engine.begin()) {
      if (tx.get(table, new Object[] {k}) == null) {
        tx.insert(table, new Object[] {k, v});
      } else {
        tx.update(table, new Object[] {k}, new Object[] {k, v});
      }
      tx.commit();
    }
  }

  private static Long value(Transaction tx, TableDef table, int k) {
    Object[] row = tx.get(table, new Object[] {k});
    return row == null ? null : (Long) row[1];
  }

  private static List<Object> scan(Transaction tx, TableDef table) {
    List<Object> values = new ArrayList<>();
    try (RowCursor cursor = tx.scan(table)) {
      for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
        values.add(row[1]);
      }
    }
    return values;
  }

  @Test
  void get_readsTheSnapshotThroughLaterUpdatesAndDeletes() {
    put(1, 10);
    put(2, 20);
    try (Transaction reader = engine.begin()) {
      put(1, 11);
      put(1, 12);
      try (Transaction deleter = engine.begin()) {
        deleter.delete(table, new Object[] {2});
        deleter.commit();
      }
      put(3, 30);
      assertThat(value(reader, table, 1)).isEqualTo(10);
      assertThat(value(reader, table, 2)).isEqualTo(20);
      assertThat(value(reader, table, 3)).isNull();
      assertThat(scan(reader, table)).containsExactly(10L, 20L);
    }
    try (Transaction fresh = engine.begin()) {
      assertThat(scan(fresh, table)).containsExactly(12L, 30L);
    }
  }

  @Test
  void commit_secondWriterOfAKeyGetsSerializationFailure() {
    put(1, 10);
    Transaction first = engine.begin();
    Transaction second = engine.begin();
    first.update(table, new Object[] {1}, new Object[] {1, value(first, table, 1) + 1});
    second.update(table, new Object[] {1}, new Object[] {1, value(second, table, 1) + 1});
    first.commit();
    assertThatThrownBy(second::commit).isInstanceOf(SerializationFailureException.class)
        .hasMessage("could not serialize access due to concurrent update");
    try (Transaction check = engine.begin()) {
      assertThat(value(check, table, 1)).isEqualTo(11);
    }
  }

  @Test
  void commit_deleteConflictsWithConcurrentUpdate() {
    put(1, 10);
    Transaction deleter = engine.begin();
    Transaction updater = engine.begin();
    updater.update(table, new Object[] {1}, new Object[] {1, 99L});
    updater.commit();
    deleter.delete(table, new Object[] {1});
    assertThatThrownBy(deleter::commit).isInstanceOf(SerializationFailureException.class);
  }

  @Test
  void readCommitted_seesCommitsOfOthersAtEachStatement() {
    put(1, 10);
    try (Transaction rc = engine.begin(IsolationLevel.READ_COMMITTED);
        Transaction rr = engine.begin(IsolationLevel.REPEATABLE_READ)) {
      rc.beginStatement();
      assertThat(value(rc, table, 1)).isEqualTo(10);
      put(1, 11);
      rc.beginStatement();
      rr.beginStatement();
      assertThat(value(rc, table, 1)).isEqualTo(11);
      assertThat(value(rr, table, 1)).isEqualTo(10);
    }
  }

  private void writeSkew(IsolationLevel isolation, boolean expectFailure) {
    put(1, 1);
    put(2, 1);
    // invariant the application keeps: at least one of the two is on call (v = 1)
    Transaction a = engine.begin(isolation);
    Transaction b = engine.begin(isolation);
    assertThat(scan(a, table)).containsExactly(1L, 1L);
    assertThat(scan(b, table)).containsExactly(1L, 1L);
    a.update(table, new Object[] {1}, new Object[] {1, 0L});
    b.update(table, new Object[] {2}, new Object[] {2, 0L});
    a.commit();
    if (expectFailure) {
      assertThatThrownBy(b::commit).isInstanceOf(SerializationFailureException.class);
    } else {
      b.commit();
    }
  }

  @Test
  void writeSkew_allowedUnderRepeatableRead() {
    writeSkew(IsolationLevel.REPEATABLE_READ, false);
    try (Transaction check = engine.begin()) {
      assertThat(scan(check, table)).containsExactly(0L, 0L);
    }
  }

  @Test
  void writeSkew_preventedUnderSerializable() {
    writeSkew(IsolationLevel.SERIALIZABLE, true);
    try (Transaction check = engine.begin()) {
      assertThat(scan(check, table)).containsExactly(0L, 1L);
    }
  }

  @Test
  void serializable_pointReadOfAKeyChangedLaterFails() {
    put(1, 1);
    put(2, 1);
    Transaction a = engine.begin(IsolationLevel.SERIALIZABLE);
    assertThat(value(a, table, 1)).isEqualTo(1);
    put(1, 5);
    a.update(table, new Object[] {2}, new Object[] {2, 7L});
    assertThatThrownBy(a::commit).isInstanceOf(SerializationFailureException.class);
  }

  @Test
  void gc_removesDeadVersionsButKeepsWhatALongReaderNeeds() {
    put(1, 10);
    Transaction longReader = engine.begin();
    for (long v = 11; v <= 20; v++) {
      put(1, v);
    }
    put(2, 5);
    try (Transaction deleter = engine.begin()) {
      deleter.delete(table, new Object[] {2});
      deleter.commit();
    }
    GarbageCollector gc = engine.garbageCollector();
    gc.runPass(1_000);
    // the reader's version (10) survives; the nine versions no snapshot sees (11..19) are gone, and so is key 2's
    // only version, which no snapshot saw either (the reader began before it, everyone else after its delete)
    assertThat(value(longReader, table, 1)).isEqualTo(10);
    assertThat(gc.stats().versionsCollected()).isEqualTo(9 + 1);
    assertThat(gc.stats().tombstonesCollected()).isZero();
    longReader.close();
    gc.runPass(1_000);
    assertThat(gc.stats().versionsCollected()).isEqualTo(9 + 1 + 1);
    assertThat(gc.stats().tombstonesCollected()).isEqualTo(1);
    try (Transaction check = engine.begin()) {
      assertThat(scan(check, table)).containsExactly(20L);
    }
  }

  @Test
  void gc_boundedPassesResumeWhereTheyStopped() {
    for (int k = 0; k < 50; k++) {
      put(k, 1);
      put(k, 2);
    }
    GarbageCollector gc = engine.garbageCollector();
    gc.runPass(10);
    assertThat(gc.stats().versionsCollected()).isEqualTo(10);
    for (int i = 0; i < 5; i++) {
      gc.runPass(10);
    }
    assertThat(gc.stats().versionsCollected()).isEqualTo(50);
  }

  @Test
  void timestamps_keepIncreasingAcrossRestart() {
    put(1, 10);
    long before = engine.transactions().visibleTimestamp();
    engine.close();
    engine = Engine.open(EngineOptions.create(dir).withGcInterval(Duration.ZERO)
        .withHistoryRetention(Duration.ZERO));
    assertThat(engine.transactions().visibleTimestamp()).isEqualTo(before);
    table = engine.catalog().table("kv").orElseThrow();
    put(1, 11);
    assertThat(engine.transactions().visibleTimestamp()).isGreaterThan(before);
  }

  @Test
  void commit_syncsTheWalOncePerSerialCommit() {
    long before = engine.transactions().walSyncCount();
    for (int k = 0; k < 5; k++) {
      put(k, k);
    }
    assertThat(engine.transactions().walSyncCount() - before).isEqualTo(5);
  }

  @Test
  void relaxedCommits_doNotSync() {
    engine.close();
    engine = Engine.open(EngineOptions.create(dir).withGcInterval(Duration.ZERO).withSyncCommits(false));
    table = engine.catalog().table("kv").orElseThrow();
    put(1, 1);
    put(2, 2);
    assertThat(engine.transactions().walSyncCount()).isZero();
    try (Transaction check = engine.begin()) {
      assertThat(scan(check, table)).containsExactly(1L, 2L);
    }
  }

  @Test
  void alexDirectoriesOff_sameAnswersFromRocksDb() {
    put(1, 10);
    assertThat(engine.hasAlexDirectory(table)).isTrue();
    engine.close();
    engine = Engine.open(EngineOptions.create(dir).withGcInterval(Duration.ZERO).withAlexDirectories(false));
    table = engine.catalog().table("kv").orElseThrow();
    assertThat(engine.hasAlexDirectory(table)).isFalse();
    put(2, 20);
    try (Transaction check = engine.begin()) {
      assertThat(value(check, table, 1)).isEqualTo(10);
      assertThat(value(check, table, 3)).isNull();
      assertThat(scan(check, table)).containsExactly(10L, 20L);
    }
  }
}
