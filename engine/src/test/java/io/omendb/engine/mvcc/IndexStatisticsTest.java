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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Distinct-value estimates of index key prefixes, as the planner reads them through {@link Engine}. */
class IndexStatisticsTest {
  @TempDir Path dir;
  private Engine engine;
  private TableDef table;

  @BeforeEach
  void open() {
    engine = Engine.open(EngineOptions.create(dir).withGcInterval(Duration.ZERO).withSyncCommits(false));
    table = engine.catalog().createTable(new TableDef(0, "visits",
        List.of(ColumnDef.create("id", ColumnType.BIGINT).withNullable(false),
            ColumnDef.create("city", ColumnType.VARCHAR), ColumnDef.create("day", ColumnType.INTEGER)),
        new int[] {0}), false);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  /** Inserts rows {@code from..to} with city {@code id % cities} and day {@code id % days}; returns the pairs. */
  private Set<List<Object>> insert(long from, long to, int cities, int days) {
    Set<List<Object>> pairs = new HashSet<>();
    try (Transaction tx = engine.begin()) {
      for (long id = from; id <= to; id++) {
        String city = "c" + id % cities;
        int day = (int) (id % days);
        tx.insert(table, new Object[] {id, city, day});
        pairs.add(List.of(city, day));
      }
      tx.commit();
    }
    return pairs;
  }

  @Test
  void distinctValues_countsEachPrefixOfACompositeIndex() {
    Set<List<Object>> pairs = insert(1, 600, 7, 10);
    IndexDef index = engine.createIndex("visits_city_day", "visits", List.of("city", "day"), false, false);
    assertThat(engine.distinctValues(index, 1)).isEqualTo(7);
    assertThat(engine.distinctValues(index, 2)).isEqualTo(pairs.size());
    assertThatThrownBy(() -> engine.distinctValues(index, 3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void distinctValues_resampledOnlyAfterTheRowCountMovesByAFifth() {
    insert(1, 100, 2, 1);
    IndexDef index = engine.createIndex("visits_city", "visits", List.of("city"), false, false);
    assertThat(engine.distinctValues(index, 1)).isEqualTo(2);
    insert(101, 110, 1000, 1);
    // 10 % more rows: the sample is kept, so the estimate is still the old one
    assertThat(engine.distinctValues(index, 1)).isEqualTo(2);
    insert(111, 200, 1000, 1);
    assertThat(engine.distinctValues(index, 1)).isEqualTo(2 + 100);
  }

  @Test
  void distinctValues_atLeastOneForAnEmptyTable_andForgottenWithTheIndex() {
    IndexDef index = engine.createIndex("visits_day", "visits", List.of("day"), false, false);
    assertThat(engine.distinctValues(index, 1)).isEqualTo(1);
    insert(1, 50, 1, 50);
    assertThat(engine.distinctValues(index, 1)).isEqualTo(50);
    engine.dropIndex("visits_day", false);
    IndexDef again = engine.createIndex("visits_day", "visits", List.of("day"), false, false);
    assertThat(engine.distinctValues(again, 1)).isEqualTo(50);
  }
}
