package io.omendb.engine.catalog;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.storage.KvBatch;
import io.omendb.engine.storage.KvCursor;
import io.omendb.engine.storage.KvStore;
import io.omendb.engine.storage.Space;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The persisted schemas, the name spaces of relations (see {@link RelationNames}). {@code public} is built in and
 * always exists; other schemas live in the catalog key space, keyed by name, their ids from a counter in the meta
 * key space. Changes are serialised by the catalog's lock, like all DDL.
 */
public final class Schemas {
  private static final byte[] NEXT_SCHEMA_ID = "catalog.next_schema_id".getBytes(StandardCharsets.UTF_8);
  private static final String PREFIX = "schema/";
  /** Schemas PostgreSQL provides that no table of ours lives in; their names cannot be created. */
  private static final List<String> SYSTEM = List.of("pg_catalog", "information_schema", "pg_toast");

  private final KvStore store;
  private final Catalog catalog;
  private final Map<String, SchemaDef> schemas = new ConcurrentHashMap<>();
  private int nextId;

  Schemas(KvStore store, Catalog catalog) {
    this.store = requireNonNull(store, "store");
    this.catalog = requireNonNull(catalog, "catalog");
    byte[] next = store.get(Space.META, NEXT_SCHEMA_ID);
    nextId = next == null ? 1 : ByteBuffer.wrap(next).getInt();
    byte[] from = PREFIX.getBytes(StandardCharsets.UTF_8);
    byte[] to = from.clone();
    to[to.length - 1]++;
    try (KvCursor cursor = store.scan(null, Space.CATALOG, from, to)) {
      while (cursor.next()) {
        SchemaDef def = SchemaSerializer.read(cursor.value());
        schemas.put(def.name(), def);
      }
    }
  }

  /** Whether a schema of this name exists ({@code public} always does). */
  public boolean exists(String name) {
    return name.equals(RelationNames.PUBLIC) || schemas.containsKey(name);
  }

  /** The schema with this name, if it exists. */
  public Optional<SchemaDef> schema(String name) {
    if (name.equals(RelationNames.PUBLIC)) {
      return Optional.of(SchemaDef.PUBLIC);
    }
    return Optional.ofNullable(schemas.get(name));
  }

  /** All schemas, {@code public} included, ordered by name. */
  public List<SchemaDef> schemas() {
    TreeMap<String, SchemaDef> sorted = new TreeMap<>(schemas);
    sorted.put(RelationNames.PUBLIC, SchemaDef.PUBLIC);
    return new ArrayList<>(sorted.values());
  }

  /**
   * Checks that a relation could be created in {@code schema}.
   *
   * @throws CatalogException UNDEFINED_SCHEMA if there is no such schema
   */
  public void checkExists(String schema) {
    if (!exists(schema)) {
      throw undefined(schema);
    }
  }

  /**
   * Creates schema {@code name} owned by {@code owner}; with {@code ifNotExists} an existing schema of that name is
   * returned unchanged.
   *
   * @throws CatalogException DUPLICATE_SCHEMA if it exists, RESERVED_NAME for a name starting {@code pg_}
   */
  public SchemaDef create(String name, String owner, boolean ifNotExists) {
    requireNonNull(name, "name");
    requireNonNull(owner, "owner");
    synchronized (catalog) {
      Optional<SchemaDef> existing = schema(name);
      if (existing.isPresent() || SYSTEM.contains(name)) {
        if (ifNotExists) {
          return existing.orElse(null);
        }
        if (!name.startsWith("pg_")) {
          throw new CatalogException(CatalogException.Kind.DUPLICATE_SCHEMA,
              "schema \"" + name + "\" already exists");
        }
      }
      if (name.startsWith("pg_")) {
        throw new CatalogException(CatalogException.Kind.RESERVED_NAME, "unacceptable schema name \"" + name + "\"");
      }
      SchemaDef def = new SchemaDef(nextId, name, owner);
      store.write(new KvBatch()
          .put(Space.META, NEXT_SCHEMA_ID, ByteBuffer.allocate(Integer.BYTES).putInt(nextId + 1).array())
          .put(Space.CATALOG, key(name), SchemaSerializer.write(def)), true);
      nextId++;
      schemas.put(name, def);
      catalog.changed();
      return def;
    }
  }

  /**
   * Drops schema {@code name}; with {@code cascade} the tables (their indexes and owned sequences with them) and
   * sequences in it first. Returns false if it did not exist and {@code ifExists} is set.
   *
   * @throws CatalogException UNDEFINED_SCHEMA if it does not exist and {@code ifExists} is not set,
   *     DEPENDENT_OBJECTS if it holds relations and {@code cascade} is not set, UNSUPPORTED for {@code public}
   */
  public boolean drop(String name, boolean ifExists, boolean cascade) {
    synchronized (catalog) {
      if (name.equals(RelationNames.PUBLIC)) {
        throw new CatalogException(CatalogException.Kind.UNSUPPORTED, "dropping schema public is not supported");
      }
      if (!schemas.containsKey(name)) {
        if (ifExists) {
          return false;
        }
        throw undefined(name);
      }
      List<String> tables = catalog.tables().stream().map(TableDef::name)
          .filter(table -> RelationNames.inSchema(table, name)).toList();
      List<String> sequences = catalog.sequences().sequences().stream().map(SequenceDef::name)
          .filter(sequence -> RelationNames.inSchema(sequence, name)).toList();
      List<ViewDef> views = catalog.views().droppedWith(name, tables);
      if (!cascade && (!tables.isEmpty() || !sequences.isEmpty() || !views.isEmpty())) {
        throw new CatalogException(CatalogException.Kind.DEPENDENT_OBJECTS,
            "cannot drop schema " + name + " because other objects depend on it");
      }
      for (ViewDef view : views) {
        catalog.views().drop(view.name());
      }
      for (String table : tables) {
        catalog.dropTable(table, true);
      }
      for (String sequence : sequences) {
        catalog.sequences().drop(sequence, true);
      }
      store.write(new KvBatch().delete(Space.CATALOG, key(name)), true);
      schemas.remove(name);
      catalog.changed();
      return true;
    }
  }

  /**
   * Gives schema {@code name} to role {@code owner}.
   *
   * @throws CatalogException UNDEFINED_SCHEMA if there is no such schema, UNSUPPORTED for {@code public}
   */
  public SchemaDef alterOwner(String name, String owner) {
    requireNonNull(owner, "owner");
    synchronized (catalog) {
      if (name.equals(RelationNames.PUBLIC)) {
        throw new CatalogException(CatalogException.Kind.UNSUPPORTED,
            "changing the owner of schema public is not supported");
      }
      SchemaDef old = schemas.get(name);
      if (old == null) {
        throw undefined(name);
      }
      SchemaDef def = old.withOwner(owner);
      store.write(new KvBatch().put(Space.CATALOG, key(name), SchemaSerializer.write(def)), true);
      schemas.put(name, def);
      catalog.changed();
      return def;
    }
  }

  private static CatalogException undefined(String name) {
    return new CatalogException(CatalogException.Kind.UNDEFINED_SCHEMA, "schema \"" + name + "\" does not exist");
  }

  private static byte[] key(String name) {
    return (PREFIX + name).getBytes(StandardCharsets.UTF_8);
  }
}
