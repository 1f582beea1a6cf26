package io.omendb.benchmarks.planning;

import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.TableDef;
import java.util.List;

/**
 * The benchmark table {@code t (id BIGINT PRIMARY KEY, k BIGINT, payload VARCHAR(50))} with a secondary index on
 * {@code k}, and its rows: row {@code i} has the even id {@code 2i} (so odd ids inside the key range are absent and
 * every lookup must really search) and {@code k} a bijective scramble of the id (one row per value, in an order
 * unrelated to the primary key).
 */
final class PlanningTable {
  static final String NAME = "t";
  static final String INDEX = "t_k";
  /** Characters of every payload. */
  static final int PAYLOAD_LENGTH = 50;
  /** Rows a range select returns: {@code id BETWEEN lo AND lo + RANGE_SPAN} covers this many even ids. */
  static final int RANGE_ROWS = 100;
  static final long RANGE_SPAN = 2L * (RANGE_ROWS - 1);
  /** An odd multiplier: multiplication by it is a bijection of {@code long}. */
  private static final long K_SCRAMBLE = 0x9E3779B97F4A7C15L;
  private static final String PAYLOAD_FILLER = "p".repeat(PAYLOAD_LENGTH);

  private PlanningTable() {}

  /** The definition to create (id assigned by the catalog). */
  static TableDef spec() {
    return new TableDef(0, NAME, List.of(
        ColumnDef.create("id", ColumnType.BIGINT).withNullable(false),
        ColumnDef.create("k", ColumnType.BIGINT),
        ColumnDef.create("payload", ColumnType.VARCHAR).withPrecision(PAYLOAD_LENGTH, -1)), new int[] {0});
  }

  /** The primary key of row number {@code i}. */
  static long id(long i) {
    return 2 * i;
  }

  /** The indexed value of the row with primary key {@code id}. */
  static long k(long id) {
    return id * K_SCRAMBLE;
  }

  /** The row with primary key {@code id}. */
  static Object[] row(long id) {
    String digits = Long.toString(id);
    return new Object[] {id, k(id), PAYLOAD_FILLER.substring(digits.length()) + digits};
  }
}
