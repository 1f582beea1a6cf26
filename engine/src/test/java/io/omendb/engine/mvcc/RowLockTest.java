package io.omendb.engine.mvcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.engine.Engine;
import io.omendb.engine.EngineOptions;
import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.TableDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row locks of {@code SELECT ... FOR UPDATE/SHARE}: lock intents that write no version. */
class RowLockTest {
  @TempDir Path dir;
  private Engine engine;
  private TableDef table;

  @BeforeEach
  void open() {
    engine = Engine.open(EngineOptions.create(dir));
    table = engine.catalog().createTable(new TableDef(0, "jobs",
        List.of(ColumnDef.create("id", ColumnType.BIGINT).withNullable(false),
            ColumnDef.create("state", ColumnType.VARCHAR)),
        new int[] {0}), false);
    try (Transaction tx = engine.begin()) {
      for (long id = 1; id <= 3; id++) {
        tx.insert(table, new Object[] {id, "new"});
      }
      tx.commit();
    }
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private List<Object[]> lockAll(Transaction tx, boolean exclusive) {
    tx.lockRowsReadFrom(exclusive ? Set.of(table.id()) : Set.of(), exclusive ? Set.of() : Set.of(table.id()));
    List<Object[]> rows = new ArrayList<>();
    try (RowCursor cursor = tx.scan(table)) {
      for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
        rows.add(row);
      }
    }
    tx.lockRowsReadFrom(Set.of(), Set.of());
    return rows;
  }

  private byte[] key(long id) {
    return Transaction.rowKey(table, new Object[] {id});
  }

  @Test
  void lock_writesNoVersion() {
    byte[] before = engine.transactions().versions().latest(key(1));
    long visible = engine.transactions().visibleTimestamp();
    try (Transaction locker = engine.begin()) {
      assertThat(lockAll(locker, true)).hasSize(3);
      assertThat(locker.hasWrites()).isFalse();
      locker.commit();
    }
    assertThat(engine.transactions().versions().latest(key(1))).isEqualTo(before);
    assertThat(engine.estimatedRowCount(table)).isEqualTo(3);
    // the lock-only commit took a timestamp, so later snapshots are ordered after it
    assertThat(engine.transactions().visibleTimestamp()).isGreaterThan(visible);
  }

  @Test
  void updateAfterLockerCommitted_concurrentUpdateFails() {
    Transaction writer = engine.begin();
    try (Transaction locker = engine.begin()) {
      lockAll(locker, true);
      locker.commit();
    }
    writer.update(table, new Object[] {2L}, new Object[] {2L, "taken"});
    assertThatThrownBy(writer::commit).isInstanceOf(SerializationFailureException.class)
        .hasMessage("could not serialize access due to concurrent update");
  }

  @Test
  void lockAfterWriterCommitted_failsAtTheLock() {
    Transaction locker = engine.begin();
    try (Transaction writer = engine.begin()) {
      writer.delete(table, new Object[] {3L});
      writer.commit();
    }
    locker.lockRowsReadFrom(Set.of(table.id()), Set.of());
    assertThat(locker.get(table, new Object[] {1L})).isNotNull();
    assertThatThrownBy(() -> locker.get(table, new Object[] {3L}))
        .isInstanceOf(SerializationFailureException.class);
    locker.rollback();
  }

  @Test
  void writerCommitsFirst_lockerFailsAtCommit() {
    try (Transaction locker = engine.begin(); Transaction writer = engine.begin()) {
      lockAll(locker, true);
      writer.update(table, new Object[] {1L}, new Object[] {1L, "done"});
      writer.commit();
      assertThatThrownBy(locker::commit).isInstanceOf(SerializationFailureException.class);
    }
  }

  @Test
  void twoExclusiveLockers_secondCommitFails() {
    try (Transaction first = engine.begin(); Transaction second = engine.begin()) {
      lockAll(first, true);
      lockAll(second, true);
      first.commit();
      assertThatThrownBy(second::commit).isInstanceOf(SerializationFailureException.class);
    }
  }

  @Test
  void sharedLocks_doNotConflictWithEachOther_norOutliveTheCommit() {
    try (Transaction first = engine.begin(); Transaction second = engine.begin();
        Transaction writer = engine.begin()) {
      lockAll(first, false);
      lockAll(second, false);
      first.commit();
      second.commit();
      writer.update(table, new Object[] {1L}, new Object[] {1L, "done"});
      writer.commit();
    }
    assertThat(engine.transactions().rememberedLocks()).isZero();
  }

  @Test
  void lockThenUpdate_ownWriteCommits() {
    try (Transaction tx = engine.begin()) {
      tx.lockRowsReadFrom(Set.of(table.id()), Set.of());
      assertThat(tx.get(table, new Object[] {1L})).containsExactly(1L, "new");
      tx.lockRowsReadFrom(Set.of(), Set.of());
      tx.update(table, new Object[] {1L}, new Object[] {1L, "mine"});
      tx.commit();
    }
    try (Transaction tx = engine.begin()) {
      assertThat(tx.get(table, new Object[] {1L})).containsExactly(1L, "mine");
    }
  }

  @Test
  void plainReads_lockNothing() {
    Transaction writer = engine.begin();
    try (Transaction reader = engine.begin()) {
      lockAll(reader, true);
      reader.rollback();
    }
    try (Transaction reader = engine.begin()) {
      reader.scan(table).close();
      reader.commit();
    }
    writer.update(table, new Object[] {1L}, new Object[] {1L, "x"});
    writer.commit();
    assertThat(engine.transactions().rememberedLocks()).isZero();
  }

  @Test
  void remembered_prunedOnceNoSnapshotPredatesThem() {
    try (Transaction old = engine.begin()) {
      try (Transaction locker = engine.begin()) {
        lockAll(locker, true);
        locker.commit();
      }
      assertThat(engine.transactions().rememberedLocks()).isEqualTo(3);
      old.rollback();
    }
    try (Transaction later = engine.begin()) {
      later.update(table, new Object[] {1L}, new Object[] {1L, "x"});
      later.commit();
    }
    assertThat(engine.transactions().rememberedLocks()).isZero();
  }

  @Test
  void readOnlyPastSnapshot_refusesLocks() {
    long ts = engine.transactions().visibleTimestamp();
    try (Transaction past = engine.beginAsOf(ts)) {
      past.lockRowsReadFrom(Set.of(table.id()), Set.of());
      assertThatThrownBy(() -> past.get(table, new Object[] {1L}))
          .isInstanceOf(ReadOnlyTransactionException.class);
    }
  }
}
