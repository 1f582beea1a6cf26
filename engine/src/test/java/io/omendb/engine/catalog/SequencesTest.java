package io.omendb.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.engine.Engine;
import io.omendb.engine.EngineOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequencesTest {
  @TempDir Path dir;

  private Engine open() {
    return Engine.open(EngineOptions.create(dir).withGcInterval(Duration.ZERO));
  }

  private static SequenceDef bounded(String name, ColumnType type, long increment, long min, long max, long start,
      boolean cycle) {
    return new SequenceDef(0, name, type, increment, min, max, start, 1, cycle, null, null,
        SequenceDef.Identity.NONE);
  }

  private static SequenceDef plain(String name) {
    return SequenceDef.create(name);
  }

  @Test
  void nextval_startsAtStartAndSteps() {
    try (Engine engine = open()) {
      Sequences sequences = engine.catalog().sequences();
      sequences.create(bounded("s", ColumnType.INTEGER, 5, 1, Integer.MAX_VALUE, 10, false), false);
      assertThat(sequences.state("s")).isEqualTo(new SequenceState(10, false));
      assertThat(List.of(sequences.nextval("s"), sequences.nextval("s"), sequences.nextval("s")))
          .containsExactly(10L, 15L, 20L);
      assertThat(sequences.state("s")).isEqualTo(new SequenceState(20, true));
    }
  }

  @Test
  void nextval_afterReopen_neverRepeatsAValue() {
    Set<Long> seen = new HashSet<>();
    try (Engine engine = open()) {
      engine.catalog().sequences().create(plain("s"), false);
      for (int i = 0; i < 5; i++) {
        seen.add(engine.catalog().sequences().nextval("s"));
      }
    }
    try (Engine engine = open()) {
      long next = engine.catalog().sequences().nextval("s");
      assertThat(seen).doesNotContain(next);
      assertThat(next).isGreaterThan(5).isLessThanOrEqualTo(5 + Sequences.PREFETCH);
    }
  }

  @Test
  void nextval_pastMaximum_failsUnlessCycle() {
    try (Engine engine = open()) {
      Sequences sequences = engine.catalog().sequences();
      sequences.create(bounded("s", ColumnType.BIGINT, 1, 1, 2, 1, false), false);
      sequences.create(bounded("c", ColumnType.BIGINT, 1, 1, 2, 1, true), false);
      sequences.nextval("s");
      sequences.nextval("s");
      assertThatThrownBy(() -> sequences.nextval("s")).isInstanceOf(SequenceException.class)
          .hasMessage("nextval: reached maximum value of sequence \"s\" (2)");
      assertThat(List.of(sequences.nextval("c"), sequences.nextval("c"), sequences.nextval("c")))
          .containsExactly(1L, 2L, 1L);
    }
  }

  @Test
  void setval_outOfBounds_isRefused() {
    try (Engine engine = open()) {
      Sequences sequences = engine.catalog().sequences();
      sequences.create(bounded("s", ColumnType.BIGINT, 1, 1, 10, 1, false), false);
      assertThatThrownBy(() -> sequences.setval("s", 11, true))
          .hasMessage("setval: value 11 is out of bounds for sequence \"s\" (1..10)");
      sequences.setval("s", 7, false);
      assertThat(sequences.nextval("s")).isEqualTo(7);
      sequences.setval("s", 7, true);
      assertThat(sequences.nextval("s")).isEqualTo(8);
    }
  }

  @Test
  void create_nameOfATable_isDuplicate() {
    try (Engine engine = open()) {
      engine.catalog().createTable(new TableDef(0, "t", List.of(ColumnDef.create("a", ColumnType.INTEGER)),
          new int[0]), false);
      assertThatThrownBy(() -> engine.catalog().sequences().create(plain("t"), false))
          .isInstanceOf(CatalogException.class).hasMessage("relation \"t\" already exists");
      engine.catalog().sequences().create(plain("s"), false);
      assertThatThrownBy(() -> engine.catalog().createTable(
          new TableDef(0, "s", List.of(ColumnDef.create("a", ColumnType.INTEGER)), new int[0]), false))
          .isInstanceOf(CatalogException.class);
    }
  }

  @Test
  void dropTable_dropsOwnedSequences() {
    try (Engine engine = open()) {
      engine.catalog().createTable(new TableDef(0, "t", List.of(ColumnDef.create("a", ColumnType.INTEGER)),
          new int[0]), false);
      engine.catalog().sequences().create(plain("t_a_seq").withOwner("t", "a"), false);
      engine.catalog().sequences().create(plain("free"), false);
      engine.catalog().dropTable("t", false);
      assertThat(engine.catalog().sequences().sequences()).extracting(SequenceDef::name).containsExactly("free");
    }
  }

  @Test
  void nextval_concurrentCallers_getDistinctValues() throws Exception {
    try (Engine engine = open()) {
      engine.catalog().sequences().create(plain("s"), false);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          futures.add(pool.submit(() -> {
            List<Long> values = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
              values.add(engine.catalog().sequences().nextval("s"));
            }
            return values;
          }));
        }
        Set<Long> all = new HashSet<>();
        for (Future<List<Long>> future : futures) {
          all.addAll(future.get());
        }
        assertThat(all).hasSize(800);
        assertThat(all).allMatch(v -> v >= 1 && v <= 800);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
