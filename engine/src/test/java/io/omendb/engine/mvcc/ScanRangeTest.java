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

/** Bound semantics of range reads over a composite primary key (a INTEGER, b VARCHAR). */
class ScanRangeTest {
  @TempDir Path dir;
  private Engine engine;
  private TableDef table;

  @BeforeEach
  void open() {
    engine = Engine.open(EngineOptions.create(dir).withGcInterval(Duration.ZERO).withSyncCommits(false));
    table = engine.catalog().createTable(new TableDef(0, "t",
        List.of(ColumnDef.create("a", ColumnType.INTEGER), ColumnDef.create("b", ColumnType.VARCHAR),
            ColumnDef.create("v", ColumnType.INTEGER)), new int[] {0, 1}), false);
    try (Transaction tx = engine.begin()) {
      int v = 0;
      for (int a = 1; a <= 3; a++) {
        for (String b : List.of("x", "y", "z")) {
          tx.insert(table, new Object[] {a, b, v++});
        }
      }
      tx.commit();
    }
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private List<String> range(Transaction tx, KeyBound lower, KeyBound upper) {
    List<String> keys = new ArrayList<>();
    try (RowCursor cursor = tx.scanRange(table, lower, upper)) {
      for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
        keys.add(row[0] + "" + row[1]);
      }
    }
    return keys;
  }

  private List<String> range(KeyBound lower, KeyBound upper) {
    try (Transaction tx = engine.begin()) {
      return range(tx, lower, upper);
    }
  }

  @Test
  void scanRange_unboundedBothSides_isTheWholeTable() {
    assertThat(range(null, null)).containsExactly("1x", "1y", "1z", "2x", "2y", "2z", "3x", "3y", "3z");
  }

  @Test
  void scanRange_prefixBounds() {
    assertThat(range(KeyBound.inclusive(2), null)).containsExactly("2x", "2y", "2z", "3x", "3y", "3z");
    assertThat(range(KeyBound.exclusive(2), null)).containsExactly("3x", "3y", "3z");
    assertThat(range(null, KeyBound.inclusive(2))).containsExactly("1x", "1y", "1z", "2x", "2y", "2z");
    assertThat(range(null, KeyBound.exclusive(2))).containsExactly("1x", "1y", "1z");
    assertThat(range(KeyBound.inclusive(2), KeyBound.inclusive(2))).containsExactly("2x", "2y", "2z");
    assertThat(range(KeyBound.exclusive(2), KeyBound.exclusive(3))).isEmpty();
    assertThat(range(KeyBound.inclusive(3), KeyBound.inclusive(1))).isEmpty();
  }

  @Test
  void scanRange_fullKeyBounds() {
    assertThat(range(KeyBound.inclusive(2, "y"), KeyBound.exclusive(3, "y"))).containsExactly("2y", "2z", "3x");
    assertThat(range(KeyBound.exclusive(2, "y"), KeyBound.inclusive(3, "y"))).containsExactly("2z", "3x", "3y");
    assertThat(range(KeyBound.inclusive(2, "yy"), KeyBound.inclusive(2, "zz"))).containsExactly("2z");
    // a string that is a prefix of another does not capture it: "x" is not a prefix bound of "xa"
    assertThat(range(KeyBound.exclusive(1, "x"), KeyBound.inclusive(1, "y"))).containsExactly("1y");
  }

  @Test
  void scanRange_mergesOwnWrites() {
    try (Transaction tx = engine.begin()) {
      tx.insert(table, new Object[] {2, "xa", 100});
      tx.delete(table, new Object[] {2, "y"});
      tx.insert(table, new Object[] {4, "a", 101});
      assertThat(range(tx, KeyBound.inclusive(2), KeyBound.exclusive(3))).containsExactly("2x", "2xa", "2z");
      assertThat(range(tx, KeyBound.exclusive(3), null)).containsExactly("4a");
    }
  }

  @Test
  void scanRange_tooManyBoundValues_isRefused() {
    try (Transaction tx = engine.begin()) {
      assertThatThrownBy(() -> tx.scanRange(table, KeyBound.inclusive(1, "x", 3), null))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void serializable_recordsOnlyTheScannedRange() {
    try (Transaction reader = engine.begin(IsolationLevel.SERIALIZABLE)) {
      range(reader, KeyBound.inclusive(1), KeyBound.inclusive(1));
      try (Transaction writer = engine.begin()) {
        writer.update(table, new Object[] {3, "x"}, new Object[] {3, "x", -1});
        writer.commit();
      }
      reader.insert(table, new Object[] {9, "q", 0});
      reader.commit();
    }
    try (Transaction reader = engine.begin(IsolationLevel.SERIALIZABLE)) {
      range(reader, KeyBound.inclusive(1), KeyBound.inclusive(1));
      try (Transaction writer = engine.begin()) {
        writer.update(table, new Object[] {1, "y"}, new Object[] {1, "y", -1});
        writer.commit();
      }
      reader.insert(table, new Object[] {9, "r", 0});
      assertThatThrownBy(reader::commit).isInstanceOf(SerializationFailureException.class);
    }
  }

  @Test
  void getAll_returnsExistingRowsInKeyOrderOnce() {
    try (Transaction tx = engine.begin()) {
      List<Object[]> rows = tx.getAll(table, List.of(new Object[] {3, "z"}, new Object[] {1, "x"},
          new Object[] {3, "z"}, new Object[] {2, "nope"}));
      assertThat(rows).extracting(row -> row[0] + "" + row[1]).containsExactly("1x", "3z");
    }
  }
}
