package io.omendb.adapter;

import io.omendb.adapter.parser.SqlAlterSchema;
import io.omendb.adapter.parser.SqlCreateSchema;
import io.omendb.adapter.parser.SqlDropSchema;
import io.omendb.engine.catalog.Catalog;
import io.omendb.engine.catalog.RelationNames;
import io.omendb.engine.catalog.SchemaDef;
import io.omendb.engine.users.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CREATE | DROP | ALTER SCHEMA} against the engine's {@link io.omendb.engine.catalog.Schemas}, with a simple
 * privilege rule standing in for PostgreSQL's CREATE privilege on the database: superusers and roles with CREATEDB
 * may create schemas; a schema's owner (or a superuser) may drop it or give it away.
 */
final class SchemaStatements {
  private SchemaStatements() {}

  /** {@code CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role]}. */
  static void create(SqlCreateSchema create, SessionAccess access, Catalog catalog) {
    if (!access.isSuperuser() && !access.role().map(Role::createDb).orElse(false)) {
      throw new SqlStateException("42501", "permission denied for database");
    }
    String owner = create.authorization() != null ? create.authorization() : access.user();
    if (!owner.equals(access.user())) {
      if (access.enforced() && access.roles().role(owner).isEmpty()) {
        throw new SqlStateException("42704", "role \"" + owner + "\" does not exist");
      }
      if (!access.isSuperuser()) {
        throw new SqlStateException("42501", "must be able to SET ROLE \"" + owner + "\"");
      }
    }
    catalog.schemas().create(create.name(), owner, create.ifNotExists());
  }

  /** {@code DROP SCHEMA [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}: all named schemas are checked first. */
  static void drop(SqlDropSchema drop, SessionAccess access, Catalog catalog) {
    List<String> dropped = new ArrayList<>();
    for (String name : drop.names()) {
      SchemaDef schema = catalog.schemas().schema(name).orElse(null);
      if (schema == null) {
        if (drop.ifExists()) {
          continue;
        }
        throw new SqlStateException("3F000", "schema \"" + name + "\" does not exist");
      }
      if (name.equals(RelationNames.PUBLIC)) {
        throw new SqlStateException("0A000", "dropping schema public is not supported");
      }
      checkOwner(schema, access);
      if (!drop.cascade() && holdsRelations(catalog, name)) {
        throw new SqlStateException("2BP01", "cannot drop schema " + name
            + " because other objects depend on it\n  Hint: Use DROP ... CASCADE to drop the dependent objects too.");
      }
      dropped.add(name);
    }
    for (String name : dropped) {
      catalog.schemas().drop(name, true, drop.cascade());
    }
  }

  /** {@code ALTER SCHEMA name OWNER TO role}; RENAME TO is refused (0A000). */
  static void alter(SqlAlterSchema alter, SessionAccess access, Catalog catalog) {
    SchemaDef schema = catalog.schemas().schema(alter.name())
        .orElseThrow(() -> new SqlStateException("3F000", "schema \"" + alter.name() + "\" does not exist"));
    if (alter.rename()) {
      throw new SqlStateException("0A000", "ALTER SCHEMA ... RENAME TO is not supported yet");
    }
    checkOwner(schema, access);
    if (access.enforced() && access.roles().role(alter.target()).isEmpty()) {
      throw new SqlStateException("42704", "role \"" + alter.target() + "\" does not exist");
    }
    catalog.schemas().alterOwner(alter.name(), alter.target());
  }

  private static void checkOwner(SchemaDef schema, SessionAccess access) {
    if (!access.isSuperuser() && !schema.owner().equals(access.user())) {
      throw new SqlStateException("42501", "must be owner of schema " + schema.name());
    }
  }

  private static boolean holdsRelations(Catalog catalog, String schema) {
    return catalog.tables().stream().anyMatch(table -> RelationNames.inSchema(table.name(), schema))
        || catalog.sequences().sequences().stream().anyMatch(seq -> RelationNames.inSchema(seq.name(), schema))
        || catalog.views().views().stream().anyMatch(view -> RelationNames.inSchema(view.name(), schema));
  }
}
