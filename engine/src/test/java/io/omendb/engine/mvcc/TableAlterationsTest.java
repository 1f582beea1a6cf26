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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ALTER TABLE in the engine: rows written before a change read correctly after it and after a restart. */
class TableAlterationsTest {
  @TempDir Path dir;
  private Engine engine;

  @BeforeEach
  void open() {
    engine = openEngine();
  }

  private Engine openEngine() {
    return Engine.open(EngineOptions.create(dir).withGcInterval(Duration.ZERO).withSyncCommits(false));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private void reopen() {
    engine.close();
    engine = openEngine();
  }

  private TableDef table(String name) {
    return engine.catalog().table(name).orElseThrow();
  }

  private void insert(String name, Object[]... rows) {
    try (Transaction tx = engine.begin()) {
      for (Object[] row : rows) {
        tx.insert(table(name), row);
      }
      tx.commit();
    }
  }

  private List<List<Object>> rows(String name) {
    List<List<Object>> rows = new ArrayList<>();
    try (Transaction tx = engine.begin(); RowCursor cursor = tx.scan(table(name))) {
      for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
        rows.add(java.util.Arrays.asList(row));
      }
    }
    return rows;
  }

  private void createKeyed() {
    engine.catalog().createTable(new TableDef(0, "t",
        List.of(ColumnDef.create("id", ColumnType.BIGINT).withNullable(false),
            ColumnDef.create("name", ColumnType.VARCHAR), ColumnDef.create("age", ColumnType.INTEGER)),
        new int[] {0}), false);
  }

  private void createRowId() {
    engine.catalog().createTable(new TableDef(0, "r",
        List.of(ColumnDef.create("a", ColumnType.INTEGER), ColumnDef.create("b", ColumnType.VARCHAR)),
        new int[0]), false);
  }

  @Test
  void dropColumn_oldRowsSkipTheDroppedSlot() {
    createKeyed();
    insert("t", new Object[] {1L, "ann", 30}, new Object[] {2L, "bob", null});
    engine.alterations().dropColumn("t", "name");
    insert("t", new Object[] {3L, 40});
    assertThat(rows("t")).containsExactly(List.of(1L, 30), java.util.Arrays.asList(2L, null), List.of(3L, 40));
    reopen();
    assertThat(rows("t")).containsExactly(List.of(1L, 30), java.util.Arrays.asList(2L, null), List.of(3L, 40));
  }

  @Test
  void addColumn_afterDrop_readsNullForOldRowsAndSurvivesRestart() {
    createKeyed();
    insert("t", new Object[] {1L, "ann", 30});
    engine.alterations().dropColumn("t", "age");
    engine.alterations().addColumn("t", ColumnDef.create("age", ColumnType.VARCHAR));
    insert("t", new Object[] {2L, "bob", "old"});
    reopen();
    assertThat(rows("t")).containsExactly(java.util.Arrays.asList(1L, "ann", null), List.of(2L, "bob", "old"));
  }

  @Test
  void addColumn_duplicate_isRefused() {
    createKeyed();
    assertThatThrownBy(() -> engine.alterations().addColumn("t", ColumnDef.create("name", ColumnType.INTEGER)))
        .isInstanceOfSatisfying(CatalogException.class,
            e -> assertThat(e.kind()).isEqualTo(CatalogException.Kind.DUPLICATE_COLUMN));
  }

  @Test
  void dropColumn_dropsItsIndexesAndRenumbersTheOthers() {
    createKeyed();
    insert("t", new Object[] {1L, "ann", 30}, new Object[] {2L, "bob", 40});
    engine.createIndex("t_name", "t", List.of("name"), false, false);
    IndexDef byAge = engine.createIndex("t_age", "t", List.of("age"), false, false);
    engine.alterations().dropColumn("t", "name");
    assertThat(engine.catalog().index("t_name")).isEmpty();
    IndexDef renumbered = engine.catalog().index("t_age").orElseThrow();
    assertThat(renumbered.columns()).containsExactly(1);
    try (Transaction tx = engine.begin();
        RowCursor cursor = tx.scanIndex(table("t"), renumbered, KeyBound.inclusive(new Object[] {40}),
            KeyBound.inclusive(new Object[] {40}))) {
      assertThat(cursor.next()).containsExactly(2L, 40);
      assertThat(cursor.next()).isNull();
    }
    assertThat(byAge.id()).isEqualTo(renumbered.id());
  }

  @Test
  void renameTable_keepsRowsAndIndexes() {
    createKeyed();
    insert("t", new Object[] {1L, "ann", 30});
    engine.createIndex("t_age", "t", List.of("age"), false, false);
    engine.alterations().renameTable("t", "people");
    reopen();
    assertThat(engine.catalog().table("t")).isEmpty();
    assertThat(rows("people")).containsExactly(List.of(1L, "ann", 30));
    assertThat(engine.catalog().indexes("people")).extracting(IndexDef::name).containsExactly("t_age");
  }

  @Test
  void setNotNull_withNullRow_isRefused() {
    createKeyed();
    insert("t", new Object[] {1L, null, 30});
    assertThatThrownBy(() -> engine.alterations().alterColumn("t", "name", c -> c.withNullable(false)))
        .isInstanceOfSatisfying(ConstraintViolationException.class,
            e -> assertThat(e.kind()).isEqualTo(ConstraintViolationException.Kind.NOT_NULL));
    engine.alterations().alterColumn("t", "age", c -> c.withNullable(false).withDefault("7"));
    ColumnDef age = table("t").columns().get(2);
    assertThat(age.nullable()).isFalse();
    assertThat(age.defaultExpression()).isEqualTo("7");
  }

  @Test
  void addPrimaryKey_rekeysARowIdTable() {
    createRowId();
    insert("r", new Object[] {3, "c"}, new Object[] {1, "a"}, new Object[] {2, "b"});
    engine.createIndex("r_b", "r", List.of("b"), true, false);
    engine.alterations().addPrimaryKey("r", List.of("a"), null);
    TableDef keyed = table("r");
    assertThat(keyed.primaryKey()).containsExactly(0);
    assertThat(keyed.primaryKeyName()).isEqualTo("r_pkey");
    assertThat(keyed.columns().get(0).nullable()).isFalse();
    reopen();
    assertThat(rows("r")).containsExactly(List.of(1, "a"), List.of(2, "b"), List.of(3, "c"));
    try (Transaction tx = engine.begin()) {
      assertThat(tx.get(table("r"), new Object[] {2})).containsExactly(2, "b");
    }
    assertThatThrownBy(() -> insert("r", new Object[] {2, "x"}))
        .isInstanceOf(ConstraintViolationException.class);
    assertThatThrownBy(() -> insert("r", new Object[] {4, "a"}))
        .isInstanceOf(ConstraintViolationException.class);
    assertThat(engine.estimatedRowCount(table("r"))).isEqualTo(3);
  }

  @Test
  void addPrimaryKey_duplicateKey_namesIt() {
    createRowId();
    insert("r", new Object[] {1, "a"}, new Object[] {1, "b"});
    assertThatThrownBy(() -> engine.alterations().addPrimaryKey("r", List.of("a"), "r_pk"))
        .isInstanceOfSatisfying(ConstraintViolationException.class, e -> {
          assertThat(e.kind()).isEqualTo(ConstraintViolationException.Kind.UNIQUE);
          assertThat(e.getMessage()).isEqualTo("could not create unique index \"r_pk\"");
          assertThat(e.detail()).isEqualTo("Key (a)=(1) is duplicated.");
        });
    assertThat(table("r").hasRowId()).isTrue();
    assertThat(rows("r")).hasSize(2);
  }

  @Test
  void dropConstraint_primaryKey_rekeysByRowId() {
    createKeyed();
    insert("t", new Object[] {1L, "ann", 30}, new Object[] {2L, "bob", 40});
    engine.alterations().dropConstraint("t", "t_pkey", false);
    assertThat(table("t").hasRowId()).isTrue();
    insert("t", new Object[] {1L, "again", 50});
    reopen();
    assertThat(rows("t")).containsExactly(List.of(1L, "ann", 30), List.of(2L, "bob", 40), List.of(1L, "again", 50));
  }

  @Test
  void addUnique_thenDropConstraint() {
    createKeyed();
    insert("t", new Object[] {1L, "ann", 30});
    IndexDef unique = engine.alterations().addUnique("t", List.of("name"), "t_name_key");
    assertThat(unique.constraint()).isTrue();
    assertThatThrownBy(() -> insert("t", new Object[] {2L, "ann", 31}))
        .isInstanceOf(ConstraintViolationException.class);
    assertThat(engine.alterations().dropConstraint("t", "nope", true)).isFalse();
    assertThat(engine.alterations().dropConstraint("t", "t_name_key", false)).isTrue();
    insert("t", new Object[] {2L, "ann", 31});
    assertThat(rows("t")).hasSize(2);
  }
}
