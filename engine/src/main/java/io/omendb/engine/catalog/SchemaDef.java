package io.omendb.engine.catalog;

import static java.util.Objects.requireNonNull;

/**
 * A schema: a name space for relations, owned by a role.
 *
 * @param id the schema id, unique for the life of the database (0 for {@code public}, which is built in)
 * @param name the schema name as stored
 * @param owner the name of the owning role ({@code pg_database_owner} for {@code public}, as in PostgreSQL 15)
 */
public record SchemaDef(int id, String name, String owner) {
  /** The owner of {@code public} in PostgreSQL 15: whoever owns the database. */
  public static final String DATABASE_OWNER = "pg_database_owner";
  /** The built-in {@code public} schema. */
  public static final SchemaDef PUBLIC = new SchemaDef(0, RelationNames.PUBLIC, DATABASE_OWNER);

  public SchemaDef {
    requireNonNull(name, "name");
    requireNonNull(owner, "owner");
    if (name.isEmpty() || name.indexOf('\0') >= 0) {
      throw new CatalogException(CatalogException.Kind.INVALID_DEFINITION, "invalid schema name \"" + name + "\"");
    }
  }

  public SchemaDef withOwner(String owner) {
    return new SchemaDef(id, name, owner);
  }
}
