package io.omendb.engine.catalog;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.storage.KvBatch;
import io.omendb.engine.storage.KvCursor;
import io.omendb.engine.storage.KvStore;
import io.omendb.engine.storage.Space;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The persisted set of table and index definitions. Definitions live in the catalog key space, keyed by name; table
 * and index ids come from counters in the meta key space and are never reused. DDL is serialised by this object's
 * lock and synced before it returns. Indexes are created through the engine ({@code Engine.createIndex}), which
 * backfills them before calling {@link #addIndex}.
 */
public final class Catalog {
  private static final byte[] NEXT_TABLE_ID = "catalog.next_table_id".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NEXT_INDEX_ID = "catalog.next_index_id".getBytes(StandardCharsets.UTF_8);
  private static final String TABLE_PREFIX = "table/";
  private static final String INDEX_PREFIX = "index/";

  private final KvStore store;
  private final Map<String, TableDef> tables = new ConcurrentHashMap<>();
  private final Map<Integer, TableDef> tablesById = new ConcurrentHashMap<>();
  private final Map<String, IndexDef> indexes = new ConcurrentHashMap<>();
  private final Map<Integer, IndexDef> indexesById = new ConcurrentHashMap<>();
  /** Indexes of each table by table name, ordered by index id; replaced (never mutated) under the lock. */
  private final Map<String, List<IndexDef>> indexesByTable = new ConcurrentHashMap<>();
  private final List<CatalogListener> listeners = new CopyOnWriteArrayList<>();
  private final Sequences sequences;
  private final Views views;
  private final Schemas schemas;
  private int nextTableId;
  private int nextIndexId;
  private volatile long version;

  public Catalog(KvStore store) {
    this.store = requireNonNull(store, "store");
    nextTableId = readCounter(NEXT_TABLE_ID);
    nextIndexId = readCounter(NEXT_INDEX_ID);
    byte[] from = TABLE_PREFIX.getBytes(StandardCharsets.UTF_8);
    try (KvCursor cursor = store.scan(null, Space.CATALOG, from, prefixEnd(from))) {
      while (cursor.next()) {
        TableDef def = TableDefSerializer.read(cursor.value());
        tables.put(def.name(), def);
        tablesById.put(def.id(), def);
      }
    }
    from = INDEX_PREFIX.getBytes(StandardCharsets.UTF_8);
    try (KvCursor cursor = store.scan(null, Space.CATALOG, from, prefixEnd(from))) {
      while (cursor.next()) {
        IndexDef def = TableDefSerializer.readIndex(cursor.value());
        indexes.put(def.name(), def);
        indexesById.put(def.id(), def);
      }
    }
    indexes.values().stream().map(IndexDef::tableName).distinct().forEach(this::refreshTableIndexes);
    sequences = new Sequences(store, this);
    views = new Views(store, this);
    schemas = new Schemas(store, this);
  }

  private int readCounter(byte[] key) {
    byte[] next = store.get(Space.META, key);
    return next == null ? 1 : ByteBuffer.wrap(next).getInt();
  }

  /** Registers a listener told of tables created and dropped from now on. */
  public void addListener(CatalogListener listener) {
    listeners.add(requireNonNull(listener, "listener"));
  }

  /** The table with this name, if it exists. */
  public Optional<TableDef> table(String name) {
    return Optional.ofNullable(tables.get(name));
  }

  /** The table with this id, if it exists. */
  public Optional<TableDef> tableById(int id) {
    return Optional.ofNullable(tablesById.get(id));
  }

  /** All tables, ordered by name. */
  public Collection<TableDef> tables() {
    return new TreeMap<>(tables).values();
  }

  /** The indexes of the named table, ordered by id (creation order); empty for an unknown table. */
  public List<IndexDef> indexes(String tableName) {
    return indexesByTable.getOrDefault(tableName, List.of());
  }

  /** The index with this name, if it exists. */
  public Optional<IndexDef> index(String name) {
    return Optional.ofNullable(indexes.get(name));
  }

  /** The index with this id, if it exists. */
  public Optional<IndexDef> indexById(int id) {
    return Optional.ofNullable(indexesById.get(id));
  }

  /** Increases with every change to the catalog; lets the SQL layer invalidate cached plans. */
  public long version() {
    return version;
  }

  /**
   * Creates a table from {@code spec} (whose id is ignored) and returns its definition with the id assigned.
   * With {@code ifNotExists} an existing table of that name is returned unchanged.
   */
  public synchronized TableDef createTable(TableDef spec, boolean ifNotExists) {
    requireNonNull(spec, "spec");
    TableDef existing = tables.get(spec.name());
    if (existing != null) {
      if (ifNotExists) {
        return existing;
      }
      throw duplicateRelation(spec.name());
    }
    if (indexes.containsKey(spec.name()) || sequences.exists(spec.name()) || views.exists(spec.name())) {
      throw duplicateRelation(spec.name());
    }
    schemas.checkExists(RelationNames.schemaOf(spec.name()));
    TableDef def = spec.withId(nextTableId);
    KvBatch batch = new KvBatch()
        .put(Space.META, NEXT_TABLE_ID, ByteBuffer.allocate(Integer.BYTES).putInt(nextTableId + 1).array())
        .put(Space.CATALOG, tableKey(def.name()), TableDefSerializer.write(def));
    store.write(batch, true);
    nextTableId++;
    listeners.forEach(listener -> listener.tableCreated(def));
    tablesById.put(def.id(), def);
    tables.put(def.name(), def);
    version++;
    return def;
  }

  /**
   * Drops a table, its indexes and all its rows. Returns false if it did not exist and {@code ifExists} is set.
   *
   * @throws CatalogException UNDEFINED_TABLE if it does not exist and {@code ifExists} is not set
   */
  public synchronized boolean dropTable(String name, boolean ifExists) {
    TableDef def = tables.get(name);
    if (def == null) {
      if (ifExists) {
        return false;
      }
      throw new CatalogException(CatalogException.Kind.UNDEFINED_TABLE,
          "table \"" + RelationNames.nameOf(name) + "\" does not exist");
    }
    KvBatch batch = new KvBatch()
        .delete(Space.CATALOG, tableKey(name))
        .deleteRange(Space.DATA, TableKeys.tablePrefix(def.id()), TableKeys.tablePrefix(def.id() + 1))
        .deleteRange(Space.HISTORY, TableKeys.tablePrefix(def.id()), TableKeys.tablePrefix(def.id() + 1));
    List<IndexDef> dropped = indexes(name);
    for (IndexDef index : dropped) {
      deleteIndex(batch, index);
    }
    store.write(batch, true);
    for (IndexDef index : dropped) {
      indexes.remove(index.name());
      indexesById.remove(index.id());
    }
    indexesByTable.remove(name);
    tables.remove(name);
    tablesById.remove(def.id());
    sequences.dropOwnedBy(name);
    version++;
    listeners.forEach(listener -> listener.tableDropped(def));
    return true;
  }

  /**
   * Replaces the definition of table {@code oldName} by {@code def} (same id; renamed if its name differs) and the
   * definitions of its indexes by {@code tableIndexes}; the entries of an index left out are deleted. Rows are not
   * touched: the caller ({@code Engine}'s ALTER TABLE) keeps them readable through {@link TableDef#layout()}.
   *
   * @throws CatalogException UNDEFINED_TABLE if there is no such table, DUPLICATE_TABLE if the new name is taken
   */
  public synchronized TableDef alterTable(String oldName, TableDef def, List<IndexDef> tableIndexes) {
    requireNonNull(def, "def");
    requireNonNull(tableIndexes, "tableIndexes");
    TableDef old = tables.get(oldName);
    if (old == null) {
      throw new CatalogException(CatalogException.Kind.UNDEFINED_TABLE,
          "relation \"" + RelationNames.nameOf(oldName) + "\" does not exist");
    }
    if (old.id() != def.id()) {
      throw new IllegalArgumentException("table " + oldName + " cannot change its id");
    }
    boolean renamed = !oldName.equals(def.name());
    if (renamed && (tables.containsKey(def.name()) || indexes.containsKey(def.name())
        || views.exists(def.name()))) {
      throw duplicateRelation(def.name());
    }
    List<IndexDef> before = indexes(oldName);
    KvBatch batch = new KvBatch()
        .delete(Space.CATALOG, tableKey(oldName))
        .put(Space.CATALOG, tableKey(def.name()), TableDefSerializer.write(def));
    for (IndexDef index : before) {
      if (tableIndexes.stream().noneMatch(kept -> kept.id() == index.id())) {
        deleteIndex(batch, index);
      } else {
        batch.delete(Space.CATALOG, indexKey(index.name()));
      }
    }
    for (IndexDef index : tableIndexes) {
      batch.put(Space.CATALOG, indexKey(index.name()), TableDefSerializer.write(index));
    }
    store.write(batch, true);
    for (IndexDef index : before) {
      indexes.remove(index.name());
      indexesById.remove(index.id());
    }
    for (IndexDef index : tableIndexes) {
      indexes.put(index.name(), index);
      indexesById.put(index.id(), index);
    }
    tables.remove(oldName);
    tables.put(def.name(), def);
    tablesById.put(def.id(), def);
    refreshTableIndexes(oldName);
    refreshTableIndexes(def.name());
    version++;
    return def;
  }

  /** Allocates a fresh index id (persisted, never reused) for an index about to be built. */
  public synchronized int reserveIndexId() {
    int id = nextIndexId;
    store.write(new KvBatch().put(Space.META, NEXT_INDEX_ID,
        ByteBuffer.allocate(Integer.BYTES).putInt(id + 1).array()), true);
    nextIndexId++;
    return id;
  }

  /**
   * Checks that an index named {@code name} could be created now.
   *
   * @throws CatalogException DUPLICATE_TABLE if a table or index of that name exists (PostgreSQL's 42P07)
   */
  public void checkIndexName(String name) {
    if (tables.containsKey(name) || indexes.containsKey(name) || sequences.exists(name) || views.exists(name)
        || tables.values().stream().anyMatch(table -> name.equals(table.primaryKeyName()))) {
      throw duplicateRelation(name);
    }
  }

  /**
   * Records an index whose entries are already written (its id from {@link #reserveIndexId}); from this call on,
   * commits maintain it. Called by the engine under its commit lock.
   */
  public synchronized IndexDef addIndex(IndexDef def) {
    requireNonNull(def, "def");
    checkIndexName(def.name());
    if (!tables.containsKey(def.tableName())) {
      throw new CatalogException(CatalogException.Kind.UNDEFINED_TABLE,
          "relation \"" + def.tableName() + "\" does not exist");
    }
    store.write(new KvBatch().put(Space.CATALOG, indexKey(def.name()), TableDefSerializer.write(def)), true);
    indexes.put(def.name(), def);
    indexesById.put(def.id(), def);
    refreshTableIndexes(def.tableName());
    version++;
    return def;
  }

  /**
   * Drops an index and its entries; returns its definition, or null if it did not exist and {@code ifExists} is set.
   *
   * @throws CatalogException UNDEFINED_OBJECT if it does not exist and {@code ifExists} is not set
   */
  public synchronized IndexDef dropIndex(String name, boolean ifExists) {
    IndexDef def = indexes.get(name);
    if (def == null) {
      if (ifExists) {
        return null;
      }
      throw new CatalogException(CatalogException.Kind.UNDEFINED_OBJECT,
          "index \"" + RelationNames.nameOf(name) + "\" does not exist");
    }
    KvBatch batch = new KvBatch();
    deleteIndex(batch, def);
    store.write(batch, true);
    indexes.remove(name);
    indexesById.remove(def.id());
    refreshTableIndexes(def.tableName());
    version++;
    return def;
  }

  /** The sequences, which share the relation name space with tables and indexes. */
  public Sequences sequences() {
    return sequences;
  }

  /** The schemas, the name spaces of relations (see {@link RelationNames}). */
  public Schemas schemas() {
    return schemas;
  }

  /** Whether a table, index or view of this name exists (sequences check their own names). */
  boolean relationExists(String name) {
    return tables.containsKey(name) || indexes.containsKey(name) || views.exists(name);
  }

  /** The views, which share the relation name space and the id counter with tables. */
  public Views views() {
    return views;
  }

  /** Allocates a fresh table id (persisted, never reused) for a view about to be created. */
  synchronized int reserveTableId() {
    int id = nextTableId;
    store.write(new KvBatch().put(Space.META, NEXT_TABLE_ID,
        ByteBuffer.allocate(Integer.BYTES).putInt(id + 1).array()), true);
    nextTableId++;
    return id;
  }

  /** Records a change made by {@link Sequences} under this object's lock, for plan caches. */
  synchronized void changed() {
    version++;
  }

  /** Names of all tables; for diagnostics and tests. */
  public List<String> tableNames() {
    return new ArrayList<>(new TreeMap<>(tables).keySet());
  }

  private void deleteIndex(KvBatch batch, IndexDef def) {
    batch.delete(Space.CATALOG, indexKey(def.name()))
        .deleteRange(Space.INDEX, TableKeys.indexPrefix(def.id()), TableKeys.indexPrefix(def.id() + 1));
  }

  private void refreshTableIndexes(String tableName) {
    List<IndexDef> list = indexes.values().stream()
        .filter(index -> index.tableName().equals(tableName))
        .sorted(Comparator.comparingInt(IndexDef::id))
        .toList();
    if (list.isEmpty()) {
      indexesByTable.remove(tableName);
    } else {
      indexesByTable.put(tableName, list);
    }
  }

  private static CatalogException duplicateRelation(String name) {
    return new CatalogException(CatalogException.Kind.DUPLICATE_TABLE,
        "relation \"" + RelationNames.nameOf(name) + "\" already exists");
  }

  private static byte[] tableKey(String name) {
    return (TABLE_PREFIX + name).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] indexKey(String name) {
    return (INDEX_PREFIX + name).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] prefixEnd(byte[] prefix) {
    byte[] end = prefix.clone();
    end[end.length - 1]++;
    return end;
  }
}
