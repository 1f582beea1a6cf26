package io.omendb.engine.catalog;

/**
 * The storage types of columns and the Java class each value has inside the engine. Temporal values use the same
 * representation as Calcite's runtime so rows pass between the layers without conversion: DATE as days since
 * 1970-01-01 ({@link Integer}), TIME as milliseconds of the day ({@link Integer}), TIMESTAMP as milliseconds since
 * the epoch ({@link Long}); TIMESTAMPTZ, PostgreSQL's {@code timestamptz}, as the UTC instant in milliseconds since
 * the epoch ({@link Long}), Calcite's form of a TIMESTAMP WITH LOCAL TIME ZONE. UUID values are {@link java.util.UUID}s, the class Calcite's runtime uses.
 *
 * <p>The constants are stored by name in serialized catalogs: new types are appended, never renamed.
 */
public enum ColumnType {
  BOOLEAN(Boolean.class, true),
  SMALLINT(Short.class, true),
  INTEGER(Integer.class, true),
  BIGINT(Long.class, true),
  REAL(Float.class, true),
  DOUBLE(Double.class, true),
  DECIMAL(java.math.BigDecimal.class, false),
  VARCHAR(String.class, true),
  CHAR(String.class, true),
  VARBINARY(byte[].class, true),
  DATE(Integer.class, true),
  TIME(Integer.class, true),
  TIMESTAMP(Long.class, true),
  UUID(java.util.UUID.class, true),
  /** PostgreSQL's {@code json}: the input text, kept verbatim. */
  JSON(String.class, false),
  /** PostgreSQL's {@code jsonb}: the text as PostgreSQL prints a jsonb value (keys sorted, duplicates removed). */
  JSONB(String.class, false),
  /** PostgreSQL's {@code timestamptz}: an instant as milliseconds since the epoch (UTC), ordered by time. */
  TIMESTAMPTZ(Long.class, true),
  /** PostgreSQL's {@code interval} as Calcite's INTERVAL DAY TO SECOND: milliseconds ({@link Long}), ordered. */
  INTERVAL_DAY_TIME(Long.class, true),
  /** PostgreSQL's {@code interval year to month} as a Calcite year-month interval: months ({@link Integer}). */
  INTERVAL_YEAR_MONTH(Integer.class, true);

  private final Class<?> javaClass;
  private final boolean keyable;

  ColumnType(Class<?> javaClass, boolean keyable) {
    this.javaClass = javaClass;
    this.keyable = keyable;
  }

  /** The class of this type's values inside the engine. */
  public Class<?> javaClass() {
    return javaClass;
  }

  /** Whether the order-preserving key codec can encode this type (it can be part of a primary key). */
  public boolean isKeyable() {
    return keyable;
  }
}
