package io.omendb.engine.catalog;

import static java.util.Objects.requireNonNull;

/**
 * A sequence's definition, as PostgreSQL's {@code pg_sequence} holds it, and the column that owns it, if any.
 *
 * @param id the sequence id, unique for the life of the database; 0 for a definition not yet created
 * @param name the sequence name as stored
 * @param type the value type: SMALLINT, INTEGER or BIGINT
 * @param increment the step, never 0
 * @param minValue the smallest value handed out
 * @param maxValue the largest value handed out
 * @param start the first value (and the value RESTART goes back to)
 * @param cache values a session may pre-allocate; stored and shown, allocation is shared here
 * @param cycle whether the sequence wraps around at its limit instead of failing
 * @param ownedByTable the table of the owning column, or null
 * @param ownedByColumn the owning column, or null
 */
public record SequenceDef(int id, String name, ColumnType type, long increment, long minValue, long maxValue,
    long start, long cache, boolean cycle, String ownedByTable, String ownedByColumn) {
  public SequenceDef {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    if (type != ColumnType.SMALLINT && type != ColumnType.INTEGER && type != ColumnType.BIGINT) {
      throw new CatalogException(CatalogException.Kind.INVALID_DEFINITION,
          "sequence type must be smallint, integer, or bigint");
    }
    if ((ownedByTable == null) != (ownedByColumn == null)) {
      throw new IllegalArgumentException("an owner needs both a table and a column");
    }
  }

  /** The largest value of {@code type}. */
  public static long typeMax(ColumnType type) {
    return switch (type) {
      case SMALLINT -> Short.MAX_VALUE;
      case INTEGER -> Integer.MAX_VALUE;
      default -> Long.MAX_VALUE;
    };
  }

  /** The smallest value of {@code type}. */
  public static long typeMin(ColumnType type) {
    return switch (type) {
      case SMALLINT -> Short.MIN_VALUE;
      case INTEGER -> Integer.MIN_VALUE;
      default -> Long.MIN_VALUE;
    };
  }

  public SequenceDef withId(int id) {
    return new SequenceDef(id, name, type, increment, minValue, maxValue, start, cache, cycle, ownedByTable,
        ownedByColumn);
  }

  public SequenceDef withOwner(String table, String column) {
    return new SequenceDef(id, name, type, increment, minValue, maxValue, start, cache, cycle, table, column);
  }

  /** Whether the sequence is owned by a column of {@code table}. */
  public boolean ownedBy(String table) {
    return table.equals(ownedByTable);
  }
}
