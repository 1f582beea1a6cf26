package io.omendb.adapter.pgcatalog;

import io.omendb.adapter.SearchPath;
import io.omendb.engine.catalog.Catalog;
import io.omendb.engine.catalog.RelationNames;
import io.omendb.engine.catalog.SchemaDef;
import java.util.List;

/**
 * The schemas as the catalog relations show them: namespace oids ({@code public}'s fixed one, ours from the
 * persisted schema ids), the schema of a relation by its engine name, and relation names as {@code regclass}
 * writes and reads them (qualified unless the schema is on the search path).
 */
final class PgNamespaces {
  private PgNamespaces() {}

  /** The oid of schema {@code schema}; PostgreSQL's for the built-in ones; -1 for a schema that does not exist. */
  static int oid(Catalog catalog, String schema) {
    return switch (schema) {
      case RelationNames.PUBLIC -> PgOids.PUBLIC_NAMESPACE;
      case PgCatalogSchema.NAME -> PgOids.PG_CATALOG_NAMESPACE;
      case "pg_toast" -> PgOids.PG_TOAST_NAMESPACE;
      case "information_schema" -> PgOids.INFORMATION_SCHEMA_NAMESPACE;
      default -> catalog.schemas().schema(schema).map(PgOids::namespace).orElse(-1);
    };
  }

  /** The oid of the schema of the relation with this engine name. */
  static int ofRelation(Catalog catalog, String engineName) {
    return oid(catalog, RelationNames.schemaOf(engineName));
  }

  /** The schemas created by users (all but {@code public}), ordered by name. */
  static List<SchemaDef> userSchemas(Catalog catalog) {
    return catalog.schemas().schemas().stream().filter(schema -> schema.id() != SchemaDef.PUBLIC.id()).toList();
  }

  /** The name of the user schema with this oid, or null. */
  static String userSchemaName(Catalog catalog, int oid) {
    for (SchemaDef schema : userSchemas(catalog)) {
      if (PgOids.namespace(schema) == oid) {
        return schema.name();
      }
    }
    return null;
  }

  /** How {@code regclass} prints a relation: its bare name when its schema is on the search path, else qualified. */
  static String regclassText(String engineName, List<String> searchPath) {
    String name = quoteIfNeeded(RelationNames.nameOf(engineName));
    String schema = RelationNames.schemaOf(engineName);
    return searchPath.contains(schema) ? name : quoteIfNeeded(schema) + "." + name;
  }

  /**
   * The engine name of the relation {@code text} names as {@code regclass} input: {@code schema.name}, or a bare
   * name looked up along the search path; null for a schema that does not exist.
   */
  static String engineName(Catalog catalog, String text, List<String> searchPath,
      java.util.function.Predicate<String> exists) {
    List<String> parts = SearchPath.splitQualified(text.trim());
    if (parts.size() == 2) {
      return catalog.schemas().exists(parts.get(0)) ? RelationNames.qualify(parts.get(0), parts.get(1)) : null;
    }
    String name = parts.get(parts.size() - 1);
    for (String schema : searchPath) {
      String engineName = RelationNames.qualify(schema, name);
      if (exists.test(engineName)) {
        return engineName;
      }
    }
    return null;
  }

  private static String quoteIfNeeded(String name) {
    return name.matches("[a-z_][a-z0-9_$]*") ? name : '"' + name.replace("\"", "\"\"") + '"';
  }
}
