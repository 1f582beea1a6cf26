package io.omendb.engine.mvcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.engine.ConstraintViolationException;
import io.omendb.engine.Engine;
import io.omendb.engine.EngineOptions;
import io.omendb.engine.catalog.CatalogException;
import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.IndexDef;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.catalog.TableKeys;
import io.omendb.engine.storage.KvCursor;
import io.omendb.engine.storage.Space;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secondary indexes: backfill, maintenance, re-checked stale entries, uniqueness, drop and persistence. */
class SecondaryIndexTest {
  @TempDir Path dir;
  private Engine engine;
  private TableDef table;

  @BeforeEach
  void open() {
    engine = openEngine();
    table = engine.catalog().createTable(new TableDef(0, "people",
        List.of(ColumnDef.create("id", ColumnType.BIGINT).withNullable(false),
            ColumnDef.create("email", ColumnType.VARCHAR), ColumnDef.create("age", ColumnType.INTEGER)),
        new int[] {0}), false);
  }

  private Engine openEngine() {
    return Engine.open(EngineOptions.create(dir).withGcInterval(Duration.ZERO).withSyncCommits(false)
        .withHistoryRetention(Duration.ZERO));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private void insert(Object[]... rows) {
    try (Transaction tx = engine.begin()) {
      for (Object[] row : rows) {
        tx.insert(table, row);
      }
      tx.commit();
    }
  }

  private static Object[] row(long id, String email, Integer age) {
    return new Object[] {id, email, age};
  }

  private void update(long id, String email, Integer age) {
    try (Transaction tx = engine.begin()) {
      tx.update(table, new Object[] {id}, row(id, email, age));
      tx.commit();
    }
  }

  private static List<Long> ids(Transaction tx, TableDef table, IndexDef index, KeyBound lower, KeyBound upper) {
    List<Long> ids = new ArrayList<>();
    try (RowCursor cursor = tx.scanIndex(table, index, lower, upper)) {
      for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
        ids.add((Long) row[0]);
      }
    }
    return ids;
  }

  private List<Long> ids(IndexDef index, KeyBound lower, KeyBound upper) {
    try (Transaction tx = engine.begin()) {
      return ids(tx, table, index, lower, upper);
    }
  }

  private long indexEntries(IndexDef index) {
    long n = 0;
    try (KvCursor cursor = engine.transactions().versions().store().scan(null, Space.INDEX,
        TableKeys.indexPrefix(index.id()), TableKeys.indexPrefix(index.id() + 1))) {
      while (cursor.next()) {
        n++;
      }
    }
    return n;
  }

  @Test
  void createIndex_backfillsExistingRows() {
    insert(row(1, "a@x", 30), row(2, "b@x", 20), row(3, "c@x", 30), row(4, "d@x", null));
    IndexDef byAge = engine.createIndex("people_age", "people", List.of("age"), false, false);
    assertThat(engine.catalog().indexes("people")).containsExactly(byAge);
    assertThat(engine.catalog().index("people_age")).contains(byAge);
    assertThat(ids(byAge, null, null)).containsExactly(2L, 1L, 3L, 4L);
    assertThat(ids(byAge, KeyBound.inclusive(30), KeyBound.inclusive(30))).containsExactly(1L, 3L);
    assertThat(ids(byAge, KeyBound.exclusive(20), null)).containsExactly(1L, 3L, 4L);
    assertThat(ids(byAge, KeyBound.exclusive(20), KeyBound.exclusive(new Object[] {null}))).containsExactly(1L, 3L);
  }

  @Test
  void createIndex_errors() {
    assertThatThrownBy(() -> engine.createIndex("i", "people", List.of("nope"), false, false))
        .isInstanceOfSatisfying(CatalogException.class,
            e -> assertThat(e.kind()).isEqualTo(CatalogException.Kind.UNDEFINED_COLUMN));
    assertThatThrownBy(() -> engine.createIndex("i", "nope", List.of("age"), false, false))
        .isInstanceOfSatisfying(CatalogException.class,
            e -> assertThat(e.kind()).isEqualTo(CatalogException.Kind.UNDEFINED_TABLE));
    IndexDef index = engine.createIndex("i", "people", List.of("age"), false, false);
    assertThatThrownBy(() -> engine.createIndex("i", "people", List.of("email"), false, false))
        .isInstanceOfSatisfying(CatalogException.class,
            e -> assertThat(e.kind()).isEqualTo(CatalogException.Kind.DUPLICATE_TABLE));
    assertThatThrownBy(() -> engine.createIndex("people", "people", List.of("email"), false, false))
        .isInstanceOfSatisfying(CatalogException.class,
            e -> assertThat(e.kind()).isEqualTo(CatalogException.Kind.DUPLICATE_TABLE));
    assertThat(engine.createIndex("i", "people", List.of("email"), false, true)).isEqualTo(index);
    assertThatThrownBy(() -> engine.dropIndex("nope", false))
        .isInstanceOfSatisfying(CatalogException.class,
            e -> assertThat(e.kind()).isEqualTo(CatalogException.Kind.UNDEFINED_OBJECT));
    assertThat(engine.dropIndex("nope", true)).isFalse();
  }

  @Test
  void commits_maintainTheIndex() {
    IndexDef byAge = engine.createIndex("people_age", "people", List.of("age"), false, false);
    insert(row(1, "a", 30), row(2, "b", 20), row(3, "c", 40));
    update(1, "a", 50);
    try (Transaction tx = engine.begin()) {
      tx.delete(table, new Object[] {2L});
      tx.commit();
    }
    assertThat(ids(byAge, null, null)).containsExactly(3L, 1L);
    assertThat(ids(byAge, KeyBound.inclusive(30), KeyBound.inclusive(30))).isEmpty();
    assertThat(ids(byAge, KeyBound.inclusive(20), KeyBound.inclusive(20))).isEmpty();
  }

  @Test
  void staleEntries_areNeverReturnedAndOldSnapshotsStillFindTheirVersion() {
    IndexDef byAge = engine.createIndex("people_age", "people", List.of("age"), false, false);
    insert(row(1, "a", 30));
    try (Transaction old = engine.begin()) {
      update(1, "a", 31);
      try (Transaction fresh = engine.begin()) {
        assertThat(ids(fresh, table, byAge, KeyBound.inclusive(30), KeyBound.inclusive(30))).isEmpty();
        assertThat(ids(fresh, table, byAge, KeyBound.inclusive(31), KeyBound.inclusive(31))).containsExactly(1L);
      }
      assertThat(ids(old, table, byAge, KeyBound.inclusive(30), KeyBound.inclusive(30))).containsExactly(1L);
      assertThat(ids(old, table, byAge, KeyBound.inclusive(31), KeyBound.inclusive(31))).isEmpty();
      // the old snapshot still needs the entry for 30: garbage collection keeps it
      engine.garbageCollector().runPass(10_000);
      assertThat(indexEntries(byAge)).isEqualTo(2);
      assertThat(ids(old, table, byAge, KeyBound.inclusive(30), KeyBound.inclusive(30))).containsExactly(1L);
    }
    engine.garbageCollector().runPass(10_000);
    engine.garbageCollector().runPass(10_000);
    assertThat(indexEntries(byAge)).isEqualTo(1);
    assertThat(engine.garbageCollector().stats().indexEntriesCollected()).isEqualTo(1);
    assertThat(ids(byAge, null, null)).containsExactly(1L);
  }

  @Test
  void scanIndex_seesOwnWrites() {
    IndexDef byAge = engine.createIndex("people_age", "people", List.of("age"), false, false);
    insert(row(1, "a", 30), row(2, "b", 20), row(3, "c", 40));
    try (Transaction tx = engine.begin()) {
      tx.insert(table, row(4, "d", 25));
      tx.update(table, new Object[] {3L}, row(3, "c", 10));
      tx.delete(table, new Object[] {2L});
      assertThat(ids(tx, table, byAge, null, null)).containsExactly(3L, 4L, 1L);
      assertThat(ids(tx, table, byAge, KeyBound.inclusive(20), KeyBound.inclusive(35))).containsExactly(4L, 1L);
    }
  }

  @Test
  void unique_sameTransaction() {
    engine.createIndex("people_email", "people", List.of("email"), true, false);
    insert(row(1, "a", 1));
    try (Transaction tx = engine.begin()) {
      assertThatThrownBy(() -> tx.insert(table, row(2, "a", 2)))
          .isInstanceOfSatisfying(ConstraintViolationException.class, e -> {
            assertThat(e.kind()).isEqualTo(ConstraintViolationException.Kind.UNIQUE);
            assertThat(e.getMessage()).contains("\"people_email\"");
            assertThat(e.detail()).isEqualTo("Key (email)=(a) already exists.");
          });
      tx.insert(table, row(3, "b", 3));
      assertThatThrownBy(() -> tx.insert(table, row(4, "b", 4))).isInstanceOf(ConstraintViolationException.class);
      // freeing a value lets another row take it
      tx.update(table, new Object[] {1L}, row(1, "c", 1));
      tx.insert(table, row(5, "a", 5));
      tx.delete(table, new Object[] {3L});
      tx.insert(table, row(6, "b", 6));
      tx.commit();
    }
    try (Transaction tx = engine.begin()) {
      assertThat(tx.get(table, new Object[] {5L})).containsExactly(5L, "a", 5);
      assertThat(tx.get(table, new Object[] {6L})).containsExactly(6L, "b", 6);
    }
  }

  @Test
  void unique_concurrentTransactions_secondCommitFails() {
    engine.createIndex("people_email", "people", List.of("email"), true, false);
    try (Transaction first = engine.begin(); Transaction second = engine.begin()) {
      first.insert(table, row(1, "same", 1));
      second.insert(table, row(2, "same", 2));
      first.commit();
      assertThatThrownBy(second::commit).isInstanceOfSatisfying(ConstraintViolationException.class,
          e -> assertThat(e.detail()).isEqualTo("Key (email)=(same) already exists."));
    }
    // checked against the latest committed state, as PostgreSQL does: a committed change that frees the value
    // lets a transaction whose snapshot still shows the old holder take it
    try (Transaction first = engine.begin(); Transaction second = engine.begin()) {
      first.update(table, new Object[] {1L}, row(1, "other", 1));
      first.commit();
      second.insert(table, row(2, "same", 2));
      second.commit();
    }
  }

  @Test
  void unique_nullsNeverConflict() {
    engine.createIndex("people_email", "people", List.of("email"), true, false);
    insert(row(1, null, 1), row(2, null, 2));
    try (Transaction tx = engine.begin()) {
      tx.insert(table, row(3, null, 3));
      tx.commit();
    }
    assertThat(ids(engine.catalog().index("people_email").orElseThrow(), null, null)).containsExactly(1L, 2L, 3L);
  }

  @Test
  void unique_backfillRefusesDuplicatesButNotNulls() {
    insert(row(1, "a", 1), row(2, "b", 1), row(3, null, 3), row(4, null, 4));
    assertThat(engine.createIndex("people_email", "people", List.of("email"), true, false)).isNotNull();
    assertThatThrownBy(() -> engine.createIndex("people_age", "people", List.of("age"), true, false))
        .isInstanceOfSatisfying(ConstraintViolationException.class, e -> {
          assertThat(e.kind()).isEqualTo(ConstraintViolationException.Kind.UNIQUE);
          assertThat(e.detail()).isEqualTo("Key (age)=(1) is duplicated.");
        });
    assertThat(engine.catalog().index("people_age")).isEmpty();
    // a duplicate only in history (an old version) does not count
    update(2, "b", 5);
    IndexDef byAge = engine.createIndex("people_age", "people", List.of("age"), true, false);
    assertThat(ids(byAge, KeyBound.inclusive(1), KeyBound.inclusive(1))).containsExactly(1L);
  }

  @Test
  void dropIndex_andDropTable_removeEntries() {
    insert(row(1, "a", 1), row(2, "b", 2));
    IndexDef byAge = engine.createIndex("people_age", "people", List.of("age"), false, false);
    IndexDef byEmail = engine.createIndex("people_email", "people", List.of("email"), true, false);
    assertThat(indexEntries(byAge)).isEqualTo(2);
    assertThat(engine.dropIndex("people_age", false)).isTrue();
    assertThat(indexEntries(byAge)).isZero();
    assertThat(engine.catalog().indexes("people")).containsExactly(byEmail);
    engine.catalog().dropTable("people", false);
    assertThat(indexEntries(byEmail)).isZero();
    assertThat(engine.catalog().index("people_email")).isEmpty();
    assertThat(engine.catalog().indexes("people")).isEmpty();
  }

  @Test
  void indexes_persistAcrossReopen() {
    insert(row(1, "a", 1));
    IndexDef byEmail = engine.createIndex("people_email", "people", List.of("email", "age"), true, false);
    engine.close();
    engine = openEngine();
    table = engine.catalog().table("people").orElseThrow();
    assertThat(engine.catalog().index("people_email")).contains(byEmail);
    insert(row(2, "b", 2));
    assertThat(ids(byEmail, KeyBound.inclusive("a"), null)).containsExactly(1L, 2L);
    assertThat(ids(byEmail, KeyBound.inclusive("a", 1), KeyBound.inclusive("a", 1))).containsExactly(1L);
    try (Transaction tx = engine.begin()) {
      assertThatThrownBy(() -> tx.insert(table, row(3, "a", 1))).isInstanceOf(ConstraintViolationException.class);
      tx.insert(table, row(3, "a", 2));
      tx.commit();
    }
    IndexDef next = engine.createIndex("people_age", "people", List.of("age"), false, false);
    assertThat(next.id()).isGreaterThan(byEmail.id());
  }
}
