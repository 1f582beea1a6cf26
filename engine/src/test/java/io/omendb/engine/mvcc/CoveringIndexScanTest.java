package io.omendb.engine.mvcc;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Index-only scans: entries that the primary-key directory proves current answer without reading their row; all
 * others fall back to the re-check, so no snapshot sees a stale or phantom hit.
 */
class CoveringIndexScanTest {
  /** The index column and the primary key: what a covering scan of {@code people_age} may ask for. */
  private static final int[] ID_AGE = {0, 2};

  @TempDir Path dir;
  private Engine engine;
  private TableDef table;
  private IndexDef byAge;

  @BeforeEach
  void open() {
    // no row cache, so every row read shows in dataGets()
    engine = Engine.open(EngineOptions.create(dir).withGcInterval(Duration.ZERO).withSyncCommits(false)
        .withRowCacheBytes(0));
    table = engine.catalog().createTable(new TableDef(0, "people",
        List.of(ColumnDef.create("id", ColumnType.BIGINT).withNullable(false),
            ColumnDef.create("email", ColumnType.VARCHAR), ColumnDef.create("age", ColumnType.INTEGER)),
        new int[] {0}), false);
    byAge = engine.createIndex("people_age", "people", List.of("age"), false, false);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private VersionedStore versions() {
    return engine.transactions().versions();
  }

  private void write(java.util.function.Consumer<Transaction> work) {
    try (Transaction tx = engine.begin()) {
      work.accept(tx);
      tx.commit();
    }
  }

  private static Object[] row(long id, String email, Integer age) {
    return new Object[] {id, email, age};
  }

  /** "id:age" of every row the scan returns, in index order. */
  private static List<String> scan(Transaction tx, TableDef table, IndexDef index, int[] columns, Integer from,
      Integer to) {
    List<String> rows = new ArrayList<>();
    KeyBound lower = from == null ? null : new KeyBound(new Object[] {from}, true);
    KeyBound upper = to == null ? null : new KeyBound(new Object[] {to}, true);
    try (RowCursor cursor = tx.scanIndex(table, index, lower, upper, columns)) {
      for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
        rows.add(row[0] + ":" + row[2]);
      }
    }
    return rows;
  }

  @Test
  void scanIndex_coveringColumns_answersFromEntriesWithoutReadingRows() {
    write(tx -> {
      for (long id = 1; id <= 20; id++) {
        tx.insert(table, row(id, "p" + id + "@example.com", (int) (id % 5)));
      }
    });
    long gets = versions().dataGets();
    long hits = versions().indexOnlyHits();
    try (Transaction tx = engine.begin()) {
      try (RowCursor cursor = tx.scanIndex(table, byAge, new KeyBound(new Object[] {3}, true),
          new KeyBound(new Object[] {3}, true), ID_AGE)) {
        assertThat(cursor.next()).containsExactly(3L, null, 3);
        int rest = 0;
        while (cursor.next() != null) {
          rest++;
        }
        assertThat(rest).isEqualTo(3);
      }
      assertThat(scan(tx, table, byAge, ID_AGE, 3, 4)).containsExactly("3:3", "8:3", "13:3", "18:3", "4:4", "9:4",
          "14:4", "19:4");
    }
    assertThat(versions().dataGets()).isEqualTo(gets);
    assertThat(versions().indexOnlyHits() - hits).isEqualTo(4 + 8);
  }

  @Test
  void scanIndex_columnsOutsideTheIndex_readTheirRows() {
    write(tx -> tx.insert(table, row(1, "a@example.com", 30)));
    long gets = versions().dataGets();
    try (Transaction tx = engine.begin();
        RowCursor cursor = tx.scanIndex(table, byAge, null, null, new int[] {1})) {
      assertThat(cursor.next()).containsExactly(null, "a@example.com", 30);
      assertThat(cursor.next()).isNull();
    }
    assertThat(versions().dataGets()).isEqualTo(gets + 1);
    assertThat(versions().indexOnlyHits()).isZero();
  }

  @Test
  void scanIndex_covering_oldSnapshotsSeeTheirVersions_afterUpdatesDeletesAndInserts() {
    write(tx -> {
      tx.insert(table, row(1, "a", 10));
      tx.insert(table, row(2, "b", 20));
      tx.insert(table, row(3, "c", 30));
    });
    try (Transaction before = engine.begin()) {
      write(tx -> {
        tx.update(table, new Object[] {1}, row(1, "a", 25)); // moves into the range from below
        tx.update(table, new Object[] {2}, row(2, "b2", 20)); // same age: the entry is rewritten, not duplicated
        tx.delete(table, new Object[] {3});
        tx.insert(table, row(4, "d", 21));
      });
      // the old snapshot: the newest versions are after it, so every entry falls back to the version it sees
      assertThat(scan(before, table, byAge, ID_AGE, 15, 35)).containsExactly("2:20", "3:30");
      try (Transaction after = engine.begin()) {
        long hits = versions().indexOnlyHits();
        // entry 1:10 is stale (re-checked and skipped); 3:30's row is deleted; 1:25, 2:20 and 4:21 are current
        assertThat(scan(after, table, byAge, ID_AGE, null, null)).containsExactly("2:20", "4:21", "1:25");
        assertThat(versions().indexOnlyHits() - hits).isEqualTo(3);
      }
    }
  }

  @Test
  void scanIndex_covering_mergesOwnWritesAndSkipsTheirStoredEntries() {
    write(tx -> {
      tx.insert(table, row(1, "a", 10));
      tx.insert(table, row(2, "b", 20));
    });
    try (Transaction tx = engine.begin()) {
      tx.update(table, new Object[] {1}, row(1, "a", 30));
      tx.insert(table, row(5, "e", 15));
      assertThat(scan(tx, table, byAge, ID_AGE, null, null)).containsExactly("5:15", "2:20", "1:30");
    }
  }

  @Test
  void scanIndex_covering_afterBackfillOfATableWithHistory() {
    write(tx -> tx.insert(table, row(1, "a", 1)));
    write(tx -> tx.update(table, new Object[] {1}, row(1, "a", 2)));
    write(tx -> tx.update(table, new Object[] {1}, row(1, "b", 2)));
    IndexDef late = engine.createIndex("people_age2", "people", List.of("age"), false, false);
    try (Transaction tx = engine.begin()) {
      long hits = versions().indexOnlyHits();
      assertThat(scan(tx, table, late, ID_AGE, null, null)).containsExactly("1:2");
      assertThat(versions().indexOnlyHits() - hits).isEqualTo(1);
    }
  }

  @Test
  void scanIndex_covering_tableWithoutDirectory_fallsBackAndStaysCorrect() {
    TableDef named = engine.catalog().createTable(new TableDef(0, "named",
        List.of(ColumnDef.create("name", ColumnType.VARCHAR).withNullable(false),
            ColumnDef.create("payload", ColumnType.VARCHAR), ColumnDef.create("rank", ColumnType.INTEGER)),
        new int[] {0}), false);
    IndexDef byRank = engine.createIndex("named_rank", "named", List.of("rank"), false, false);
    write(tx -> {
      tx.insert(named, new Object[] {"x", "p", 2});
      tx.insert(named, new Object[] {"y", "q", 1});
    });
    write(tx -> tx.update(named, new Object[] {"x"}, new Object[] {"x", "p", 0}));
    try (Transaction tx = engine.begin()) {
      assertThat(scan(tx, named, byRank, ID_AGE, null, null)).containsExactly("x:0", "y:1");
    }
    assertThat(versions().indexOnlyHits()).isZero();
  }

  /**
   * A random workload of inserts, updates (of the indexed column or not) and deletes, with snapshots taken along the
   * way and garbage collection in between: every snapshot's covering scan equals its model, and equals the full scan
   * through the same index.
   */
  @Test
  void scanIndex_covering_randomWorkload_matchesModelsAtEverySnapshot() {
    SplittableRandom random = new SplittableRandom(5);
    TreeMap<Long, Integer> model = new TreeMap<>();
    List<Transaction> snapshots = new ArrayList<>();
    List<Map<Long, Integer>> expected = new ArrayList<>();
    try {
      for (int r = 0; r < 40; r++) {
        int round = r;
        write(tx -> {
          for (int op = 0; op < 10; op++) {
            long id = random.nextInt(60);
            int age = random.nextInt(12);
            if (!model.containsKey(id)) {
              tx.insert(table, row(id, "e" + id, age));
              model.put(id, age);
            } else if (random.nextInt(4) == 0) {
              tx.delete(table, new Object[] {id});
              model.remove(id);
            } else {
              int newAge = random.nextBoolean() ? model.get(id) : age;
              tx.update(table, new Object[] {id}, row(id, "e" + id + "." + round, newAge));
              model.put(id, newAge);
            }
          }
        });
        if (round % 8 == 3) {
          snapshots.add(engine.begin());
          expected.add(new TreeMap<>(model));
        }
        if (round % 5 == 4) {
          engine.garbageCollector().runPass(10_000);
        }
        for (int s = 0; s < snapshots.size(); s++) {
          assertThat(scan(snapshots.get(s), table, byAge, ID_AGE, 3, 8))
              .as("snapshot %d at round %d", s, round)
              .containsExactlyElementsOf(inIndexOrder(expected.get(s), 3, 8))
              .containsExactlyElementsOf(scan(snapshots.get(s), table, byAge, null, 3, 8));
        }
        try (Transaction now = engine.begin()) {
          assertThat(scan(now, table, byAge, ID_AGE, null, null))
              .containsExactlyElementsOf(inIndexOrder(model, Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
      }
    } finally {
      snapshots.forEach(Transaction::close);
    }
    assertThat(versions().indexOnlyHits()).isPositive();
  }

  /** "id:age" of the model's rows with age in [from, to], ordered by age then id (the index order). */
  private static List<String> inIndexOrder(Map<Long, Integer> model, int from, int to) {
    return model.entrySet().stream()
        .filter(e -> e.getValue() >= from && e.getValue() <= to)
        .sorted(Map.Entry.<Long, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(e -> e.getKey() + ":" + e.getValue())
        .toList();
  }
}
