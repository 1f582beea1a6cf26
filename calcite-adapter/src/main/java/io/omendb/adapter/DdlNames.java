package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.catalog.Catalog;
import io.omendb.engine.catalog.RelationNames;
import java.util.List;
import java.util.function.Predicate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The engine names (see {@link RelationNames}) of relations named in statements the engine runs itself: a name
 * qualified by its schema, or an unqualified one resolved by the session's search path, as PostgreSQL resolves them.
 */
final class DdlNames {
  private final Catalog catalog;
  private final List<String> searchPath;

  /** Names resolved by {@code searchPath}, the schemas of the session's path that exist, in order. */
  DdlNames(Catalog catalog, List<String> searchPath) {
    this.catalog = requireNonNull(catalog, "catalog");
    this.searchPath = List.copyOf(searchPath);
  }

  /**
   * The engine name of a relation to be created as {@code identifier}: in the schema named, or unqualified in the
   * first schema of the search path.
   *
   * @throws SqlStateException 3F000 if the schema named does not exist or the path holds none
   */
  String forCreate(SqlIdentifier identifier) {
    if (identifier.isSimple()) {
      return RelationNames.qualify(SearchPath.creationSchema(searchPath), identifier.getSimple());
    }
    String schema = schemaOf(identifier);
    if (!catalog.schemas().exists(schema)) {
      throw undefinedSchema(schema);
    }
    return RelationNames.qualify(schema, last(identifier));
  }

  /**
   * The engine name of the existing relation {@code identifier} names: in the schema named, or the first relation
   * of that name along the search path that {@code exists} accepts; when there is none, the name it would have in
   * the first schema of the path (so that the caller reports it missing).
   *
   * @throws SqlStateException 3F000 if the schema named does not exist
   */
  String lookup(SqlIdentifier identifier, Predicate<String> exists) {
    if (!identifier.isSimple()) {
      String schema = schemaOf(identifier);
      if (!catalog.schemas().exists(schema)) {
        throw undefinedSchema(schema);
      }
      return RelationNames.qualify(schema, last(identifier));
    }
    String name = identifier.getSimple();
    for (String schema : searchPath) {
      String engineName = RelationNames.qualify(schema, name);
      if (exists.test(engineName)) {
        return engineName;
      }
    }
    return RelationNames.qualify(searchPath.isEmpty() ? RelationNames.PUBLIC : searchPath.get(0), name);
  }

  /** As {@link #lookup}, but null (nothing to act on) when the schema named does not exist: for IF EXISTS. */
  String lookupIfExists(SqlIdentifier identifier, Predicate<String> exists) {
    if (!identifier.isSimple() && !catalog.schemas().exists(schemaOf(identifier))) {
      return null;
    }
    return lookup(identifier, exists);
  }

  /** The engine name of the table {@code identifier} names (see {@link #lookup}). */
  String table(SqlIdentifier identifier) {
    return lookup(identifier, name -> catalog.table(name).isPresent());
  }

  /** The engine name of the index {@code identifier} names (see {@link #lookup}). */
  String index(SqlIdentifier identifier) {
    return lookup(identifier, name -> catalog.index(name).isPresent());
  }

  /** The engine name of the sequence {@code identifier} names (see {@link #lookup}). */
  String sequence(SqlIdentifier identifier) {
    return lookup(identifier, name -> catalog.sequences().exists(name));
  }

  /**
   * The engine name of a relation named by text, as {@code nextval('s.seq')} and {@code 'public.t'::regclass} do:
   * dotted parts, each folded to lower case unless double-quoted.
   */
  String lookup(String text, Predicate<String> exists) {
    return lookup(new SqlIdentifier(SearchPath.splitQualified(text.trim()), SqlParserPos.ZERO), exists);
  }

  /**
   * The unqualified name, for callers that know only {@code public}.
   *
   * @throws SqlStateException 3F000 for a schema other than public
   */
  static String simple(SqlIdentifier identifier) {
    if (identifier.names.size() == 2 && identifier.names.get(0).equals(StoreSchema.NAME)) {
      return identifier.names.get(1);
    }
    if (!identifier.isSimple()) {
      throw new SqlStateException("3F000", "schema \"" + identifier.names.get(0) + "\" does not exist");
    }
    return identifier.getSimple();
  }

  /**
   * How SQL text names the relation with this engine name: its bare name in {@code public}, else qualified by its
   * schema; parts double-quoted where they would not read back as written.
   */
  static String text(String engineName) {
    String name = quoteIfNeeded(RelationNames.nameOf(engineName));
    String schema = RelationNames.schemaOf(engineName);
    return schema.equals(RelationNames.PUBLIC) ? name : quoteIfNeeded(schema) + "." + name;
  }

  private static String quoteIfNeeded(String name) {
    return name.matches("[a-z_][a-z0-9_$]*") ? name : '"' + name.replace("\"", "\"\"") + '"';
  }

  private static String schemaOf(SqlIdentifier identifier) {
    if (identifier.names.size() > 2) {
      throw new SqlStateException("0A000",
          "cross-database references are not implemented: " + String.join(".", identifier.names));
    }
    return identifier.names.get(0);
  }

  private static String last(SqlIdentifier identifier) {
    return identifier.names.get(identifier.names.size() - 1);
  }

  private static SqlStateException undefinedSchema(String schema) {
    return new SqlStateException("3F000", "schema \"" + schema + "\" does not exist");
  }
}
