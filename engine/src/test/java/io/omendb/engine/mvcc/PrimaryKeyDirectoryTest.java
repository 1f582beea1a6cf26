package io.omendb.engine.mvcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.engine.ConstraintViolationException;
import io.omendb.engine.Engine;
import io.omendb.engine.EngineOptions;
import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.TableDef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ALEX primary-key directory: which tables get one, reads and commits it saves, and its rebuild at open. */
class PrimaryKeyDirectoryTest {
  @TempDir Path dir;
  private Engine engine;
  private TableDef table;

  @BeforeEach
  void open() {
    engine = openEngine();
    table = engine.catalog().createTable(new TableDef(0, "kv",
        List.of(ColumnDef.create("k", ColumnType.BIGINT).withNullable(false),
            ColumnDef.create("v", ColumnType.VARCHAR)), new int[] {0}), false);
  }

  private Engine openEngine() {
    return Engine.open(EngineOptions.create(dir).withGcInterval(Duration.ZERO).withSyncCommits(false)
        .withHistoryRetention(Duration.ZERO));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private void reopen() {
    engine.close();
    engine = openEngine();
    table = engine.catalog().table("kv").orElseThrow();
  }

  private long dataGets() {
    return engine.transactions().versions().dataGets();
  }

  private void put(long k, String v) {
    try (Transaction tx = engine.begin()) {
      if (tx.get(table, new Object[] {k}) == null) {
        tx.insert(table, new Object[] {k, v});
      } else {
        tx.update(table, new Object[] {k}, new Object[] {k, v});
      }
      tx.commit();
    }
  }

  private void delete(long k) {
    try (Transaction tx = engine.begin()) {
      tx.delete(table, new Object[] {k});
      tx.commit();
    }
  }

  @Test
  void hasAlexDirectory_onlyForOneIntegerLikeKeyColumn() {
    TableDef composite = engine.catalog().createTable(new TableDef(0, "c",
        List.of(ColumnDef.create("a", ColumnType.INTEGER), ColumnDef.create("b", ColumnType.INTEGER)),
        new int[] {0, 1}), false);
    TableDef text = engine.catalog().createTable(new TableDef(0, "t",
        List.of(ColumnDef.create("a", ColumnType.VARCHAR)), new int[] {0}), false);
    TableDef rowId = engine.catalog().createTable(new TableDef(0, "r",
        List.of(ColumnDef.create("a", ColumnType.INTEGER)), new int[0]), false);
    TableDef date = engine.catalog().createTable(new TableDef(0, "d",
        List.of(ColumnDef.create("a", ColumnType.DATE)), new int[] {0}), false);
    assertThat(engine.hasAlexDirectory(table)).isTrue();
    assertThat(engine.hasAlexDirectory(date)).isTrue();
    assertThat(engine.hasAlexDirectory(composite)).isFalse();
    assertThat(engine.hasAlexDirectory(text)).isFalse();
    assertThat(engine.hasAlexDirectory(rowId)).isFalse();
    try (Transaction tx = engine.begin()) {
      assertThat(tx.usesAlex(table)).isTrue();
      assertThat(tx.usesAlex(text)).isFalse();
    }
  }

  @Test
  void get_absentOrDeletedKey_doesNotReadTheStore() {
    for (long k = 0; k < 100; k += 2) {
      put(k, "v" + k);
    }
    delete(10);
    try (Transaction tx = engine.begin()) {
      long before = dataGets();
      for (long k = 1; k < 100; k += 2) {
        assertThat(tx.get(table, new Object[] {k})).isNull();
      }
      assertThat(tx.get(table, new Object[] {10L})).isNull();
      assertThat(tx.get(table, new Object[] {1000L})).isNull();
      assertThat(dataGets()).isEqualTo(before);
      assertThat(tx.get(table, new Object[] {12L})).containsExactly(12L, "v12");
      assertThat(dataGets()).isEqualTo(before + 1);
    }
  }

  @Test
  void get_presentKeyReadTwice_secondComesFromTheRowCache_untilTheRowChanges() {
    put(7, "first");
    try (Transaction tx = engine.begin()) {
      long before = dataGets();
      assertThat(tx.get(table, new Object[] {7L})).containsExactly(7L, "first");
      assertThat(tx.get(table, new Object[] {7L})).containsExactly(7L, "first");
      assertThat(dataGets()).isEqualTo(before + 1);
    }
    put(7, "second");
    try (Transaction tx = engine.begin()) {
      long before = dataGets();
      // the directory now names a newer version than the cached one, so the cache entry no longer matches
      assertThat(tx.get(table, new Object[] {7L})).containsExactly(7L, "second");
      assertThat(tx.get(table, new Object[] {7L})).containsExactly(7L, "second");
      assertThat(dataGets()).isEqualTo(before + 1);
    }
  }

  @Test
  void get_rowChangedAfterSnapshot_readsHistory() {
    put(1, "old");
    try (Transaction reader = engine.begin()) {
      put(1, "new");
      delete(1);
      put(2, "later");
      assertThat(reader.get(table, new Object[] {1L})).containsExactly(1L, "old");
      assertThat(reader.get(table, new Object[] {2L})).isNull();
    }
    try (Transaction tx = engine.begin()) {
      assertThat(tx.get(table, new Object[] {1L})).isNull();
      assertThat(tx.get(table, new Object[] {2L})).containsExactly(2L, "later");
    }
  }

  @Test
  void commit_insertOfAbsentKey_readsNothing() {
    try (Transaction tx = engine.begin()) {
      long before = dataGets();
      for (long k = 0; k < 50; k++) {
        tx.insert(table, new Object[] {k, "x"});
      }
      tx.commit();
      assertThat(dataGets()).isEqualTo(before);
    }
  }

  @Test
  void commit_usesDirectoryForConflicts() {
    put(1, "a");
    try (Transaction first = engine.begin(); Transaction second = engine.begin()) {
      first.update(table, new Object[] {1L}, new Object[] {1L, "first"});
      second.update(table, new Object[] {1L}, new Object[] {1L, "second"});
      first.commit();
      assertThatThrownBy(second::commit).isInstanceOf(SerializationFailureException.class);
    }
    try (Transaction first = engine.begin(); Transaction second = engine.begin()) {
      first.insert(table, new Object[] {5L, "first"});
      second.insert(table, new Object[] {5L, "second"});
      first.commit();
      assertThatThrownBy(second::commit).isInstanceOf(ConstraintViolationException.class);
    }
  }

  @Test
  void reopen_rebuildsDirectoryCountsAndBounds() {
    for (long k = -50; k <= 50; k++) {
      put(k, "v" + k);
    }
    delete(-50);
    delete(50);
    delete(0);
    assertThat(engine.estimatedRowCount(table)).isEqualTo(98);
    reopen();
    assertThat(engine.hasAlexDirectory(table)).isTrue();
    assertThat(engine.estimatedRowCount(table)).isEqualTo(98);
    assertThat(engine.minKey(table)).hasValue(-49);
    assertThat(engine.maxKey(table)).hasValue(49);
    assertThat(engine.alexDirectoryBytes()).isPositive();
    assertThat(engine.alexDirectoryLoadTime()).isNotNull();
    try (Transaction tx = engine.begin()) {
      long before = dataGets();
      assertThat(tx.get(table, new Object[] {0L})).isNull();
      assertThat(tx.get(table, new Object[] {-50L})).isNull();
      assertThat(tx.get(table, new Object[] {51L})).isNull();
      assertThat(dataGets()).isEqualTo(before);
      assertThat(tx.get(table, new Object[] {7L})).containsExactly(7L, "v7");
    }
  }

  @Test
  void garbageCollection_forgetsCollectedTombstones() {
    put(1, "a");
    put(2, "b");
    delete(1);
    PrimaryKeyDirectory directory = engine.transactions().directories().forTable(table.id());
    assertThat(directory.size()).isEqualTo(2);
    engine.garbageCollector().runPass(1000);
    assertThat(directory.size()).isEqualTo(1);
    put(1, "again");
    try (Transaction tx = engine.begin()) {
      assertThat(tx.get(table, new Object[] {1L})).containsExactly(1L, "again");
    }
  }

  @Test
  void dropTable_dropsDirectory() {
    put(1, "a");
    engine.catalog().dropTable("kv", false);
    assertThat(engine.transactions().directories().forTable(table.id())).isNull();
    TableDef again = engine.catalog().createTable(new TableDef(0, "kv",
        List.of(ColumnDef.create("k", ColumnType.BIGINT), ColumnDef.create("v", ColumnType.VARCHAR)),
        new int[] {0}), false);
    assertThat(engine.hasAlexDirectory(again)).isTrue();
    try (Transaction tx = engine.begin()) {
      assertThat(tx.get(again, new Object[] {1L})).isNull();
    }
  }

  /** A random workload against a TreeMap model, read at several snapshots through get and scanRange. */
  @Test
  void randomWorkload_matchesModelAtEverySnapshot() {
    Random random = new Random(42);
    TreeMap<Long, String> model = new TreeMap<>();
    List<Transaction> readers = new ArrayList<>();
    List<NavigableMap<Long, String>> expected = new ArrayList<>();
    for (int round = 0; round < 40; round++) {
      try (Transaction tx = engine.begin()) {
        for (int op = 0; op < 10; op++) {
          long k = random.nextInt(200) - 100;
          if (random.nextInt(3) == 0) {
            if (tx.delete(table, new Object[] {k})) {
              model.remove(k);
            }
          } else {
            String v = "r" + round + "o" + op;
            if (tx.get(table, new Object[] {k}) == null) {
              tx.insert(table, new Object[] {k, v});
            } else {
              tx.update(table, new Object[] {k}, new Object[] {k, v});
            }
            model.put(k, v);
          }
        }
        tx.commit();
      }
      if (round % 8 == 3) {
        readers.add(engine.begin());
        expected.add(new TreeMap<>(model));
      }
      if (round % 5 == 0) {
        engine.garbageCollector().runPass(10_000);
      }
    }
    readers.add(engine.begin());
    expected.add(new TreeMap<>(model));
    for (int i = 0; i < readers.size(); i++) {
      check(readers.get(i), expected.get(i), random);
      readers.get(i).close();
    }
    assertThat(engine.estimatedRowCount(table)).isEqualTo(model.size());
    reopen();
    try (Transaction tx = engine.begin()) {
      check(tx, model, random);
    }
    assertThat(engine.estimatedRowCount(table)).isEqualTo(model.size());
  }

  private void check(Transaction tx, NavigableMap<Long, String> expected, Random random) {
    for (long k = -101; k <= 101; k++) {
      Object[] row = tx.get(table, new Object[] {k});
      assertThat(row == null ? null : row[1]).as("key %d", k).isEqualTo(expected.get(k));
    }
    for (int i = 0; i < 20; i++) {
      long a = random.nextInt(220) - 110;
      long b = random.nextInt(220) - 110;
      boolean lowerInclusive = random.nextBoolean();
      boolean upperInclusive = random.nextBoolean();
      KeyBound lower = random.nextInt(5) == 0 ? null : new KeyBound(new Object[] {a}, lowerInclusive);
      KeyBound upper = random.nextInt(5) == 0 ? null : new KeyBound(new Object[] {b}, upperInclusive);
      List<Map.Entry<Long, String>> want = expected.entrySet().stream()
          .filter(e -> lower == null || (lowerInclusive ? e.getKey() >= a : e.getKey() > a))
          .filter(e -> upper == null || (upperInclusive ? e.getKey() <= b : e.getKey() < b))
          .map(e -> Map.entry(e.getKey(), e.getValue()))
          .toList();
      List<Map.Entry<Long, String>> got = new ArrayList<>();
      try (RowCursor cursor = tx.scanRange(table, lower, upper)) {
        for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
          got.add(Map.entry((Long) row[0], (String) row[1]));
        }
      }
      assertThat(got).as("range %s..%s", lower, upper).containsExactlyElementsOf(want);
    }
  }
}
