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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The persisted set of table definitions. Definitions live in the catalog key space, keyed by name; table ids
 * come from a counter in the meta key space and are never reused. DDL is serialised by this object's lock and
 * synced before it returns.
 */
public final class Catalog {
  private static final byte[] NEXT_TABLE_ID = "catalog.next_table_id".getBytes(StandardCharsets.UTF_8);
  private static final String TABLE_PREFIX = "table/";

  private final KvStore store;
  private final Map<String, TableDef> tables = new ConcurrentHashMap<>();
  private int nextTableId;
  private volatile long version;

  public Catalog(KvStore store) {
    this.store = requireNonNull(store, "store");
    byte[] next = store.get(Space.META, NEXT_TABLE_ID);
    nextTableId = next == null ? 1 : ByteBuffer.wrap(next).getInt();
    byte[] from = TABLE_PREFIX.getBytes(StandardCharsets.UTF_8);
    byte[] to = prefixEnd(from);
    try (KvCursor cursor = store.scan(null, Space.CATALOG, from, to)) {
      while (cursor.next()) {
        TableDef def = TableDefSerializer.read(cursor.value());
        tables.put(def.name(), def);
      }
    }
  }

  /** The table with this name, if it exists. */
  public Optional<TableDef> table(String name) {
    return Optional.ofNullable(tables.get(name));
  }

  /** All tables, ordered by name. */
  public Collection<TableDef> tables() {
    return new TreeMap<>(tables).values();
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
      throw new CatalogException(CatalogException.Kind.DUPLICATE_TABLE,
          "relation \"" + spec.name() + "\" already exists");
    }
    TableDef def = spec.withId(nextTableId);
    KvBatch batch = new KvBatch()
        .put(Space.META, NEXT_TABLE_ID, ByteBuffer.allocate(Integer.BYTES).putInt(nextTableId + 1).array())
        .put(Space.CATALOG, tableKey(def.name()), TableDefSerializer.write(def));
    store.write(batch, true);
    nextTableId++;
    tables.put(def.name(), def);
    version++;
    return def;
  }

  /**
   * Drops a table and all its rows. Returns false if it did not exist and {@code ifExists} is set.
   *
   * @throws CatalogException UNDEFINED_TABLE if it does not exist and {@code ifExists} is not set
   */
  public synchronized boolean dropTable(String name, boolean ifExists) {
    TableDef def = tables.get(name);
    if (def == null) {
      if (ifExists) {
        return false;
      }
      throw new CatalogException(CatalogException.Kind.UNDEFINED_TABLE, "table \"" + name + "\" does not exist");
    }
    KvBatch batch = new KvBatch()
        .delete(Space.CATALOG, tableKey(name))
        .deleteRange(Space.DATA, TableKeys.tablePrefix(def.id()), TableKeys.tablePrefix(def.id() + 1));
    store.write(batch, true);
    tables.remove(name);
    version++;
    return true;
  }

  /** Names of all tables; for diagnostics and tests. */
  public List<String> tableNames() {
    return new ArrayList<>(new TreeMap<>(tables).keySet());
  }

  private static byte[] tableKey(String name) {
    return (TABLE_PREFIX + name).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] prefixEnd(byte[] prefix) {
    byte[] end = prefix.clone();
    end[end.length - 1]++;
    return end;
  }
}
