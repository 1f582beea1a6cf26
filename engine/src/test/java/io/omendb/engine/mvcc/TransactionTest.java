package io.omendb.engine.mvcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.engine.ConstraintViolationException;
import io.omendb.engine.Engine;
import io.omendb.engine.EngineOptions;
import io.omendb.engine.catalog.CatalogException;
import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.TableDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionTest {
  @TempDir Path dir;

  private static TableDef accounts() {
    return new TableDef(0, "accounts",
        List.of(ColumnDef.create("id", ColumnType.BIGINT).withNullable(false),
            ColumnDef.create("owner", ColumnType.VARCHAR).withNullable(false),
            ColumnDef.create("balance", ColumnType.INTEGER)),
        new int[] {0});
  }

  private static List<Object[]> all(Transaction tx, TableDef table) {
    List<Object[]> rows = new ArrayList<>();
    try (RowCursor cursor = tx.scan(table)) {
      for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void commit_rowsSurviveReopen() {
    try (Engine engine = Engine.open(EngineOptions.create(dir))) {
      TableDef table = engine.catalog().createTable(accounts(), false);
      try (Transaction tx = engine.begin()) {
        tx.insert(table, new Object[] {2L, "bob", 20});
        tx.insert(table, new Object[] {1L, "ann", null});
        tx.commit();
      }
    }
    try (Engine engine = Engine.open(EngineOptions.create(dir))) {
      TableDef table = engine.catalog().table("accounts").orElseThrow();
      try (Transaction tx = engine.begin()) {
        assertThat(all(tx, table)).extracting(r -> r[1]).containsExactly("ann", "bob");
        assertThat(tx.get(table, new Object[] {2L})).containsExactly(2L, "bob", 20);
      }
    }
  }

  @Test
  void rollback_discardsWrites() {
    try (Engine engine = Engine.open(EngineOptions.create(dir))) {
      TableDef table = engine.catalog().createTable(accounts(), false);
      try (Transaction tx = engine.begin()) {
        tx.insert(table, new Object[] {1L, "ann", 1});
        assertThat(all(tx, table)).hasSize(1);
        tx.rollback();
      }
      try (Transaction tx = engine.begin()) {
        assertThat(all(tx, table)).isEmpty();
      }
    }
  }

  @Test
  void insert_duplicateKeyRefused_alsoAcrossTransactions() {
    try (Engine engine = Engine.open(EngineOptions.create(dir))) {
      TableDef table = engine.catalog().createTable(accounts(), false);
      try (Transaction tx = engine.begin()) {
        tx.insert(table, new Object[] {1L, "ann", 1});
        assertThatThrownBy(() -> tx.insert(table, new Object[] {1L, "dup", 1}))
            .isInstanceOfSatisfying(ConstraintViolationException.class,
                e -> assertThat(e.kind()).isEqualTo(ConstraintViolationException.Kind.UNIQUE));
        tx.commit();
      }
      Transaction first = engine.begin();
      Transaction second = engine.begin();
      first.insert(table, new Object[] {5L, "x", 1});
      second.insert(table, new Object[] {5L, "y", 1});
      first.commit();
      assertThatThrownBy(second::commit).isInstanceOf(ConstraintViolationException.class);
      assertThat(second.state()).isEqualTo(TransactionState.ROLLED_BACK);
    }
  }

  @Test
  void insert_nullInNotNullColumnRefused() {
    try (Engine engine = Engine.open(EngineOptions.create(dir))) {
      TableDef table = engine.catalog().createTable(accounts(), false);
      try (Transaction tx = engine.begin()) {
        assertThatThrownBy(() -> tx.insert(table, new Object[] {1L, null, 1}))
            .isInstanceOfSatisfying(ConstraintViolationException.class,
                e -> assertThat(e.kind()).isEqualTo(ConstraintViolationException.Kind.NOT_NULL))
            .hasMessageContaining("\"owner\"");
      }
    }
  }

  @Test
  void scan_seesSnapshotNotLaterCommits() {
    try (Engine engine = Engine.open(EngineOptions.create(dir))) {
      TableDef table = engine.catalog().createTable(accounts(), false);
      try (Transaction reader = engine.begin()) {
        try (Transaction writer = engine.begin()) {
          writer.insert(table, new Object[] {1L, "ann", 1});
          writer.commit();
        }
        assertThat(all(reader, table)).isEmpty();
      }
    }
  }

  @Test
  void delete_thenScanMergesOwnWrites() {
    try (Engine engine = Engine.open(EngineOptions.create(dir))) {
      TableDef table = engine.catalog().createTable(accounts(), false);
      try (Transaction tx = engine.begin()) {
        for (long i = 1; i <= 5; i++) {
          tx.insert(table, new Object[] {i, "o" + i, (int) i});
        }
        tx.commit();
      }
      try (Transaction tx = engine.begin()) {
        assertThat(tx.delete(table, new Object[] {2L})).isTrue();
        assertThat(tx.delete(table, new Object[] {9L})).isFalse();
        tx.insert(table, new Object[] {6L, "o6", 6});
        tx.insert(table, new Object[] {2L, "again", 2});
        assertThat(all(tx, table)).extracting(r -> r[1]).containsExactly("o1", "again", "o3", "o4", "o5", "o6");
      }
    }
  }

  @Test
  void rowIdTable_keepsInsertionOrderAcrossRestart() {
    TableDef spec = new TableDef(0, "log", List.of(ColumnDef.create("msg", ColumnType.VARCHAR)), new int[0]);
    try (Engine engine = Engine.open(EngineOptions.create(dir))) {
      TableDef table = engine.catalog().createTable(spec, false);
      try (Transaction tx = engine.begin()) {
        tx.insert(table, new Object[] {"a"});
        tx.insert(table, new Object[] {"a"});
        tx.commit();
      }
    }
    try (Engine engine = Engine.open(EngineOptions.create(dir))) {
      TableDef table = engine.catalog().table("log").orElseThrow();
      try (Transaction tx = engine.begin()) {
        tx.insert(table, new Object[] {"b"});
        tx.commit();
      }
      try (Transaction tx = engine.begin()) {
        assertThat(all(tx, table)).extracting(r -> r[0]).containsExactly("a", "a", "b");
      }
    }
  }

  @Test
  void dropTable_removesRowsAndDefinition() {
    try (Engine engine = Engine.open(EngineOptions.create(dir))) {
      TableDef table = engine.catalog().createTable(accounts(), false);
      try (Transaction tx = engine.begin()) {
        tx.insert(table, new Object[] {1L, "ann", 1});
        tx.commit();
      }
      assertThat(engine.catalog().dropTable("accounts", false)).isTrue();
      assertThat(engine.catalog().dropTable("accounts", true)).isFalse();
      assertThatThrownBy(() -> engine.catalog().dropTable("accounts", false)).isInstanceOf(CatalogException.class);
      TableDef again = engine.catalog().createTable(accounts(), false);
      assertThat(again.id()).isNotEqualTo(table.id());
      try (Transaction tx = engine.begin()) {
        assertThat(all(tx, again)).isEmpty();
      }
    }
  }
}
