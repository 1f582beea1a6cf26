package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.Engine;
import io.omendb.engine.catalog.TableDef;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The Calcite schema over the engine catalog, one per session so that its tables reach the session's transaction.
 * The table map is rebuilt only when the catalog version changes.
 */
final class StoreSchema extends AbstractSchema {
  /** The one schema name tables live in until CREATE SCHEMA arrives. */
  static final String NAME = "public";

  private final Engine engine;
  private final TransactionSource transactions;
  private final SessionSequences sequences;
  private long cachedVersion = -1;
  private Map<String, Table> cachedTables = Map.of();

  StoreSchema(Engine engine, TransactionSource transactions) {
    this.engine = requireNonNull(engine, "engine");
    this.transactions = requireNonNull(transactions, "transactions");
    this.sequences = new SessionSequences(engine.catalog().sequences());
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
        tables.put(def.name(), new StoreTable(engine, def, transactions));
      }
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
