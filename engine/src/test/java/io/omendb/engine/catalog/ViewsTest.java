package io.omendb.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.engine.Engine;
import io.omendb.engine.EngineOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewsTest {
  @TempDir Path dir;

  private Engine open() {
    return Engine.open(EngineOptions.create(dir).withGcInterval(Duration.ZERO));
  }

  private static TableDef table(String name) {
    return new TableDef(0, name, List.of(ColumnDef.create("id", ColumnType.INTEGER).withNullable(false),
        ColumnDef.create("v", ColumnType.VARCHAR)), new int[] {0});
  }

  private static ViewDef view(String name, String query, int... dependsOn) {
    return ViewDef.create(name, List.of(ColumnDef.create("id", ColumnType.INTEGER),
        ColumnDef.create("v", ColumnType.VARCHAR).withPrecision(10, -1)), query,
        java.util.Arrays.stream(dependsOn).boxed().toList());
  }

  @Test
  void create_takesIdsFromTheTableCounter() {
    try (Engine engine = open()) {
      Catalog catalog = engine.catalog();
      TableDef t = catalog.createTable(table("t"), false);
      ViewDef v = catalog.views().create(view("v", "SELECT id , v FROM t", t.id()), false);
      TableDef u = catalog.createTable(table("u"), false);
      assertThat(v.id()).isEqualTo(t.id() + 1);
      assertThat(u.id()).isEqualTo(v.id() + 1);
      assertThat(catalog.views().viewById(v.id())).contains(v);
      assertThat(catalog.views().dependents(t.id())).containsExactly(v);
      assertThat(catalog.views().dependents(u.id())).isEmpty();
    }
  }

  @Test
  void create_afterReopen_definitionSurvives() {
    ViewDef created;
    try (Engine engine = open()) {
      TableDef t = engine.catalog().createTable(table("t"), false);
      created = engine.catalog().views().create(view("v", "SELECT id , v FROM t WHERE v <> 'x'", t.id()), false);
    }
    try (Engine engine = open()) {
      assertThat(engine.catalog().views().view("v")).contains(created);
      assertThat(engine.catalog().views().views()).containsExactly(created);
      assertThat(engine.catalog().createTable(table("w"), false).id()).isGreaterThan(created.id());
    }
  }

  @Test
  void create_nameOfAnotherRelation_duplicate() {
    try (Engine engine = open()) {
      Catalog catalog = engine.catalog();
      catalog.createTable(table("t"), false);
      catalog.sequences().create(SequenceDef.create("s"), false);
      catalog.views().create(view("v", "SELECT 1"), false);
      for (String taken : List.of("t", "t_pkey", "s", "v")) {
        assertThatThrownBy(() -> catalog.views().create(view(taken, "SELECT 2"), false))
            .isInstanceOfSatisfying(CatalogException.class,
                e -> assertThat(e.kind()).isEqualTo(CatalogException.Kind.DUPLICATE_TABLE));
      }
      assertThatThrownBy(() -> catalog.createTable(table("v"), false)).isInstanceOf(CatalogException.class);
      assertThatThrownBy(() -> catalog.sequences().create(SequenceDef.create("v"), false))
          .isInstanceOf(CatalogException.class);
      assertThatThrownBy(() -> catalog.checkIndexName("v")).isInstanceOf(CatalogException.class);
    }
  }

  @Test
  void create_orReplace_keepsIdAndChangesQuery() {
    try (Engine engine = open()) {
      Views views = engine.catalog().views();
      ViewDef first = views.create(view("v", "SELECT 1"), false);
      long version = engine.catalog().version();
      ViewDef second = views.create(view("v", "SELECT 2"), true);
      assertThat(second.id()).isEqualTo(first.id());
      assertThat(views.view("v").orElseThrow().query()).isEqualTo("SELECT 2");
      assertThat(engine.catalog().version()).isGreaterThan(version);
    }
  }

  @Test
  void drop_removesAndFreesTheName() {
    try (Engine engine = open()) {
      Views views = engine.catalog().views();
      ViewDef v = views.create(view("v", "SELECT 1"), false);
      assertThat(views.drop("v")).isEqualTo(v);
      assertThat(views.exists("v")).isFalse();
      assertThat(views.viewById(v.id())).isEmpty();
      assertThatThrownBy(() -> views.drop("v")).isInstanceOfSatisfying(CatalogException.class,
          e -> assertThat(e.kind()).isEqualTo(CatalogException.Kind.UNDEFINED_TABLE));
      engine.catalog().createTable(table("v"), false);
    }
  }

  @Test
  void rename_movesTheDefinition() {
    try (Engine engine = open()) {
      Views views = engine.catalog().views();
      ViewDef v = views.create(view("v", "SELECT 1"), false);
      ViewDef w = views.rename("v", "w");
      assertThat(w.id()).isEqualTo(v.id());
      assertThat(views.exists("v")).isFalse();
      assertThat(views.viewById(v.id())).contains(w);
    }
    try (Engine engine = open()) {
      assertThat(engine.catalog().views().view("w")).isPresent();
    }
  }

  @Test
  void viewDef_duplicateColumn_refused() {
    assertThatThrownBy(() -> ViewDef.create("v", List.of(ColumnDef.create("a", ColumnType.INTEGER),
        ColumnDef.create("a", ColumnType.INTEGER)), "SELECT 1, 2", List.of()))
        .isInstanceOfSatisfying(CatalogException.class,
            e -> assertThat(e.kind()).isEqualTo(CatalogException.Kind.DUPLICATE_COLUMN));
  }
}
