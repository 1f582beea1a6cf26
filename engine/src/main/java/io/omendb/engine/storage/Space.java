package io.omendb.engine.storage;

import java.nio.charset.StandardCharsets;

/** The key spaces of the store, one RocksDB column family each. */
public enum Space {
  /** RocksDB's mandatory default family; holds store-level metadata (format version, counters). */
  META("default"),
  /** Table and column definitions. */
  CATALOG("catalog"),
  /** The newest committed version of each row, keyed by table id and primary key; the value leads with its commit timestamp. */
  DATA("data"),
  /** Older row versions, keyed by table id, primary key and inverted commit timestamp (newest first). */
  HISTORY("history"),
  /**
   * Secondary index entries, keyed by index id, encoded index columns and the row's primary key; unversioned, so
   * every hit is re-checked against the row version a snapshot sees.
   */
  INDEX("index");

  private final String columnFamily;

  Space(String columnFamily) {
    this.columnFamily = columnFamily;
  }

  byte[] columnFamilyName() {
    return columnFamily.getBytes(StandardCharsets.UTF_8);
  }
}
