package io.omendb.adapter.pgcatalog;

import io.omendb.engine.Engine;
import io.omendb.engine.catalog.IndexDef;
import io.omendb.engine.catalog.SequenceDef;
import io.omendb.engine.catalog.TableDef;
import org.apache.calcite.DataContext;
import org.apache.calcite.schema.SchemaPlus;

/**
 * PostgreSQL's relation size functions ({@code pg_table_size}, {@code pg_relation_size}, {@code pg_indexes_size},
 * {@code pg_total_relation_size}) over the engine's approximate sizes, and {@code pg_size_pretty}'s formatting. A
 * table's size is its rows with their history; a secondary index's, its entries; the primary key is the table's own
 * key order and a sequence lives in the catalog, so both take 0 bytes. Unknown oids give null, as in PostgreSQL.
 */
final class PgSizes {
  /** pg_size_pretty's units: name, the limit below which it is used, whether it rounds half up, bits of the unit. */
  private record Unit(String name, long limit, boolean round, int bits) {}

  private static final Unit[] UNITS = {
      new Unit("bytes", 10 * 1024, false, 0),
      new Unit("kB", 20 * 1024 - 1, true, 10),
      new Unit("MB", 20 * 1024 - 1, true, 20),
      new Unit("GB", 20 * 1024 - 1, true, 30),
      new Unit("TB", 20 * 1024 - 1, true, 40),
      new Unit("PB", 20 * 1024 - 1, true, 50),
  };

  private PgSizes() {
  }

  private static Engine engine(DataContext root) {
    SchemaPlus schema = root.getRootSchema().getSubSchema(PgCatalogSchema.NAME);
    if (schema == null) {
      throw new IllegalStateException("the pg_catalog schema is not registered");
    }
    return schema.unwrap(PgCatalogSchema.class).session().engine();
  }

  /** The bytes of relation {@code oid} itself (a table without its indexes), or null if there is none. */
  static Long relationSize(DataContext root, int oid) {
    Engine engine = engine(root);
    for (TableDef table : engine.catalog().tables()) {
      if (PgOids.table(table) == oid) {
        return engine.approximateBytes(table);
      }
      if (PgOids.primaryKeyIndex(table) == oid && !table.hasRowId()) {
        return 0L;
      }
      for (IndexDef index : engine.catalog().indexes(table.name())) {
        if (PgOids.index(index) == oid) {
          return engine.approximateBytes(index);
        }
      }
    }
    for (SequenceDef sequence : engine.catalog().sequences().sequences()) {
      if (PgOids.sequence(sequence) == oid) {
        return 0L;
      }
    }
    return null;
  }

  /** The bytes of the indexes of table {@code oid}, or null if it is not a table. */
  static Long indexesSize(DataContext root, int oid) {
    Engine engine = engine(root);
    for (TableDef table : engine.catalog().tables()) {
      if (PgOids.table(table) == oid) {
        long bytes = 0;
        for (IndexDef index : engine.catalog().indexes(table.name())) {
          bytes += engine.approximateBytes(index);
        }
        return bytes;
      }
    }
    return null;
  }

  /** The bytes of relation {@code oid} with its indexes. */
  static Long totalSize(DataContext root, int oid) {
    Long own = relationSize(root, oid);
    Long indexes = indexesSize(root, oid);
    return own == null ? null : own + (indexes == null ? 0 : indexes);
  }

  /** PostgreSQL 15's {@code pg_size_pretty(bigint)}: {@code 8192 bytes}, {@code 16 kB}, {@code 20 MB}, ... */
  static String pretty(long bytes) {
    long size = bytes;
    for (int i = 0; i < UNITS.length; i++) {
      Unit unit = UNITS[i];
      if (i == UNITS.length - 1 || Math.abs(size) < unit.limit()) {
        if (unit.round()) {
          size = size + (size < 0 ? -1 : 1);
          size /= 2;
        }
        return size + " " + unit.name();
      }
      Unit next = UNITS[i + 1];
      int bits = next.bits() - unit.bits() - (next.round() ? 1 : 0) + (unit.round() ? 1 : 0);
      size /= 1L << bits;
    }
    throw new AssertionError("the last unit is always used");
  }
}
