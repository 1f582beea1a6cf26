package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.Engine;
import io.omendb.engine.catalog.RelationNames;
import io.omendb.engine.catalog.TableDef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The Calcite schema over one schema of the engine catalog, one per session and catalog schema so that its tables
 * reach the session's transaction (see {@link StoreSchemas}). The table map is rebuilt only when the catalog
 * version changes.
 */
final class StoreSchema extends AbstractSchema {
  /** The schema that always exists; DDL reaches the session through its Calcite schema. */
  static final String NAME = RelationNames.PUBLIC;

  private final Engine engine;
  private final TransactionSource transactions;
  private final SessionSequences sequences;
  private final String schemaName;
  private long cachedVersion = -1;
  private Map<String, Table> cachedTables = Map.of();

  StoreSchema(Engine engine, TransactionSource transactions) {
    this(engine, transactions, NAME, new SessionSequences(engine.catalog().sequences()));
  }

  private StoreSchema(Engine engine, TransactionSource transactions, String schemaName, SessionSequences sequences) {
    this.engine = requireNonNull(engine, "engine");
    this.transactions = requireNonNull(transactions, "transactions");
    this.schemaName = requireNonNull(schemaName, "schemaName");
    this.sequences = requireNonNull(sequences, "sequences");
  }

  /** The schema over catalog schema {@code name} of the same session, sharing its sequence functions. */
  StoreSchema sibling(String name) {
    return new StoreSchema(engine, transactions, name, sequences);
  }

  /** The catalog schema this schema shows. */
  String schemaName() {
    return schemaName;
  }

  /** The schemas of the session's search path that exist, in order; recomputed when the setting or catalog change. */
  List<String> searchPath() {
    String setting = transactions.setting(SearchPath.SETTING);
    long version = engine.catalog().version();
    ResolvedPath resolved = resolvedPath;
    if (resolved == null || resolved.version() != version || !java.util.Objects.equals(resolved.setting(), setting)) {
      resolved = new ResolvedPath(setting, version,
          List.copyOf(SearchPath.effective(setting, transactions.user(), engine.catalog().schemas())));
      resolvedPath = resolved;
    }
    return resolved.schemas();
  }

  /** The search path as last resolved: every statement asks for it, and it rarely changes. */
  private record ResolvedPath(String setting, long version, List<String> schemas) {}

  private volatile ResolvedPath resolvedPath;

  /** Resolves relation names written in DDL by the session's search path. */
  DdlNames names() {
    return new DdlNames(engine.catalog(), searchPath());
  }

  /** The session's sequence functions ({@code nextval}, {@code currval}, ...). */
  SessionSequences sequences() {
    return sequences;
  }

  Engine engine() {
    return engine;
  }

  /** The current value of a setting of the session this schema belongs to ({@code timezone}, ...). */
  String setting(String name) {
    return transactions.setting(name);
  }

  /** The privilege checks of the session this schema belongs to. */
  SessionAccess access() {
    return transactions.access();
  }

  @Override
  protected synchronized Map<String, Table> getTableMap() {
    long version = engine.catalog().version();
    if (version != cachedVersion) {
      Map<String, Table> tables = new HashMap<>();
      for (TableDef def : engine.catalog().tables()) {
        if (RelationNames.inSchema(def.name(), schemaName)) {
          tables.put(RelationNames.nameOf(def.name()), new StoreTable(engine, def, transactions));
        }
      }
      engine.catalog().views().views().stream().filter(view -> RelationNames.inSchema(view.name(), schemaName))
          .forEach(view -> tables.put(RelationNames.nameOf(view.name()), new StoreView(view, transactions)));
      cachedTables = tables;
      cachedVersion = version;
    }
    return cachedTables;
  }

  @Override
  public boolean isMutable() {
    return true;
  }
}
