package io.omendb.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.engine.Engine;
import io.omendb.engine.EngineOptions;
import io.omendb.engine.mvcc.Transaction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemasTest {
  @TempDir Path dir;

  private Engine open() {
    return Engine.open(EngineOptions.create(dir).withGcInterval(Duration.ZERO));
  }

  private static TableDef table(String engineName) {
    return new TableDef(0, engineName, List.of(ColumnDef.create("id", ColumnType.INTEGER)), new int[] {0});
  }

  private static List<String> names(Schemas schemas) {
    return schemas.schemas().stream().map(SchemaDef::name).toList();
  }

  @Test
  void schemas_newCatalog_holdsOnlyPublic() {
    try (Engine engine = open()) {
      assertThat(engine.catalog().schemas().schemas()).containsExactly(SchemaDef.PUBLIC);
      assertThat(engine.catalog().schemas().exists("public")).isTrue();
    }
  }

  @Test
  void create_afterReopen_keepsSchemaOwnerAndPlacement() {
    try (Engine engine = open()) {
      engine.catalog().schemas().create("app", "alice", false);
      engine.catalog().createTable(table(RelationNames.qualify("app", "t")), false);
      engine.catalog().createTable(table("t"), false);
    }
    try (Engine engine = open()) {
      Schemas schemas = engine.catalog().schemas();
      assertThat(names(schemas)).containsExactly("app", "public");
      assertThat(schemas.schema("app").orElseThrow().owner()).isEqualTo("alice");
      assertThat(engine.catalog().tables()).extracting(TableDef::name)
          .containsExactlyInAnyOrder("t", "app\0t");
      assertThat(engine.catalog().tables()).extracting(def -> RelationNames.schemaOf(def.name()))
          .containsExactlyInAnyOrder("public", "app");
    }
  }

  @Test
  void createTable_sameNameInTwoSchemas_keepsRowsApart() {
    try (Engine engine = open()) {
      engine.catalog().schemas().create("app", "alice", false);
      TableDef inApp = engine.catalog().createTable(table(RelationNames.qualify("app", "t")), false);
      TableDef inPublic = engine.catalog().createTable(table("t"), false);
      try (Transaction tx = engine.begin()) {
        tx.insert(inApp, new Object[] {1});
        tx.insert(inPublic, new Object[] {2});
        tx.insert(inPublic, new Object[] {3});
        tx.commit();
      }
      try (Transaction tx = engine.begin()) {
        assertThat(count(tx, inApp)).isEqualTo(1);
        assertThat(count(tx, inPublic)).isEqualTo(2);
      }
    }
  }

  @Test
  void createTable_unknownSchema_refused() {
    try (Engine engine = open()) {
      assertThatThrownBy(() -> engine.catalog().createTable(table(RelationNames.qualify("nope", "t")), false))
          .isInstanceOfSatisfying(CatalogException.class,
              e -> assertThat(e.kind()).isEqualTo(CatalogException.Kind.UNDEFINED_SCHEMA))
          .hasMessage("schema \"nope\" does not exist");
    }
  }

  @Test
  void create_existing_refusedUnlessIfNotExists() {
    try (Engine engine = open()) {
      Schemas schemas = engine.catalog().schemas();
      SchemaDef first = schemas.create("app", "alice", false);
      assertThat(schemas.create("app", "bob", true)).isEqualTo(first);
      assertThatThrownBy(() -> schemas.create("app", "bob", false))
          .isInstanceOfSatisfying(CatalogException.class,
              e -> assertThat(e.kind()).isEqualTo(CatalogException.Kind.DUPLICATE_SCHEMA));
      assertThatThrownBy(() -> schemas.create("public", "bob", false))
          .isInstanceOfSatisfying(CatalogException.class,
              e -> assertThat(e.kind()).isEqualTo(CatalogException.Kind.DUPLICATE_SCHEMA));
      assertThatThrownBy(() -> schemas.create("pg_mine", "bob", false))
          .isInstanceOfSatisfying(CatalogException.class,
              e -> assertThat(e.kind()).isEqualTo(CatalogException.Kind.RESERVED_NAME));
    }
  }

  @Test
  void drop_nonEmptyWithoutCascade_refused() {
    try (Engine engine = open()) {
      engine.catalog().schemas().create("app", "alice", false);
      engine.catalog().sequences().create(SequenceDef.create(RelationNames.qualify("app", "s")), false);
      assertThatThrownBy(() -> engine.catalog().schemas().drop("app", false, false))
          .isInstanceOfSatisfying(CatalogException.class,
              e -> assertThat(e.kind()).isEqualTo(CatalogException.Kind.DEPENDENT_OBJECTS));
      assertThat(engine.catalog().schemas().exists("app")).isTrue();
    }
  }

  @Test
  void drop_cascade_dropsRelationsOfThatSchemaOnly() {
    try (Engine engine = open()) {
      engine.catalog().schemas().create("app", "alice", false);
      TableDef inApp = engine.catalog().createTable(table(RelationNames.qualify("app", "t")), false);
      engine.catalog().createTable(table("t"), false);
      engine.catalog().sequences().create(SequenceDef.create(RelationNames.qualify("app", "s")), false);
      try (Transaction tx = engine.begin()) {
        tx.insert(inApp, new Object[] {1});
        tx.commit();
      }
      assertThat(engine.catalog().schemas().drop("app", false, true)).isTrue();
      assertThat(engine.catalog().tableNames()).containsExactly("t");
      assertThat(engine.catalog().sequences().sequences()).isEmpty();
      assertThat(engine.catalog().schemas().drop("app", true, false)).isFalse();
    }
    try (Engine engine = open()) {
      assertThat(names(engine.catalog().schemas())).containsExactly("public");
    }
  }

  @Test
  void drop_unknown_refusedUnlessIfExists() {
    try (Engine engine = open()) {
      assertThatThrownBy(() -> engine.catalog().schemas().drop("nope", false, false))
          .isInstanceOfSatisfying(CatalogException.class,
              e -> assertThat(e.kind()).isEqualTo(CatalogException.Kind.UNDEFINED_SCHEMA));
      assertThat(engine.catalog().schemas().drop("nope", true, false)).isFalse();
    }
  }

  @Test
  void alterOwner_afterReopen_keepsNewOwner() {
    try (Engine engine = open()) {
      engine.catalog().schemas().create("app", "alice", false);
      engine.catalog().schemas().alterOwner("app", "bob");
    }
    try (Engine engine = open()) {
      assertThat(engine.catalog().schemas().schema("app").orElseThrow().owner()).isEqualTo("bob");
    }
  }

  @Test
  void relationNames_publicIsBare_othersQualified() {
    assertThat(RelationNames.qualify("public", "t")).isEqualTo("t");
    String qualified = RelationNames.qualify("app", "t");
    assertThat(RelationNames.schemaOf(qualified)).isEqualTo("app");
    assertThat(RelationNames.nameOf(qualified)).isEqualTo("t");
    assertThat(RelationNames.schemaOf("t")).isEqualTo("public");
    assertThat(RelationNames.nameOf("app.t")).isEqualTo("app.t");
  }

  private static int count(Transaction tx, TableDef table) {
    int n = 0;
    try (var cursor = tx.scan(table)) {
      while (cursor.next() != null) {
        n++;
      }
    }
    return n;
  }
}
