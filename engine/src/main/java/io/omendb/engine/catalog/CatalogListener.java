package io.omendb.engine.catalog;

/**
 * Told of tables created and dropped, while the catalog's lock is held and before (create) or after (drop) other
 * threads can see the change; lets the engine keep per-table structures (the primary-key directory) in step.
 */
public interface CatalogListener {
  /** A table was created; no transaction can have seen it yet. */
  void tableCreated(TableDef table);

  /** A table was dropped; its rows and index entries are already deleted from the store. */
  void tableDropped(TableDef table);
}
