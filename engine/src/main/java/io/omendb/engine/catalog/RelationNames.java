package io.omendb.engine.catalog;

import static java.util.Objects.requireNonNull;

/**
 * The engine names of relations (tables, indexes, sequences), which carry their schema: a relation in {@code public}
 * is named by its bare name, as every catalog written before schemas existed has it, and a relation in another
 * schema by the schema name, a NUL character and its own name. PostgreSQL identifiers cannot contain NUL, so the
 * encoding is unambiguous, and every structure keyed by a relation's name (indexes by table, owned sequences,
 * privileges, comments) keeps relations of different schemas apart without a schema dimension of its own.
 */
public final class RelationNames {
  /** The schema that always exists and holds the relations of catalogs older than schemas. */
  public static final String PUBLIC = "public";
  private static final char SEPARATOR = '\0';

  private RelationNames() {}

  /** The engine name of relation {@code name} in {@code schema}. */
  public static String qualify(String schema, String name) {
    requireNonNull(schema, "schema");
    requireNonNull(name, "name");
    return schema.equals(PUBLIC) ? name : schema + SEPARATOR + name;
  }

  /** The schema of the relation with this engine name. */
  public static String schemaOf(String engineName) {
    int at = engineName.indexOf(SEPARATOR);
    return at < 0 ? PUBLIC : engineName.substring(0, at);
  }

  /** The name of the relation with this engine name within its schema, as PostgreSQL's {@code relname}. */
  public static String nameOf(String engineName) {
    int at = engineName.indexOf(SEPARATOR);
    return at < 0 ? engineName : engineName.substring(at + 1);
  }

  /** Whether the relation with this engine name lives in {@code schema}. */
  public static boolean inSchema(String engineName, String schema) {
    return schemaOf(engineName).equals(schema);
  }

  /** The engine name of relation {@code engineName} moved into schema {@code schema}, keeping its own name. */
  public static String withSchema(String engineName, String schema) {
    return qualify(schema, nameOf(engineName));
  }
}
