package io.omendb.pg.types;

import java.sql.Types;

/**
 * A PostgreSQL data type as it appears in a RowDescription: its OID from {@code pg_type}, its name and its length
 * ({@code typlen}, -1 for variable-length types).
 */
public enum PgType {
  BOOL(16, "bool", 1),
  BYTEA(17, "bytea", -1),
  INT8(20, "int8", 8),
  INT2(21, "int2", 2),
  INT4(23, "int4", 4),
  TEXT(25, "text", -1),
  FLOAT4(700, "float4", 4),
  FLOAT8(701, "float8", 8),
  /** A string literal whose type has not been resolved; PostgreSQL's {@code unknown}. */
  UNKNOWN(705, "unknown", -2),
  BPCHAR(1042, "bpchar", -1),
  VARCHAR(1043, "varchar", -1),
  DATE(1082, "date", 4),
  TIME(1083, "time", 8),
  TIMESTAMP(1114, "timestamp", 8),
  TIMESTAMPTZ(1184, "timestamptz", 8),
  TIMETZ(1266, "timetz", 12),
  NUMERIC(1700, "numeric", -1),
  UUID(2950, "uuid", 16),
  BOOL_ARRAY(1000, "_bool", -1),
  INT2_ARRAY(1005, "_int2", -1),
  INT4_ARRAY(1007, "_int4", -1),
  TEXT_ARRAY(1009, "_text", -1),
  VARCHAR_ARRAY(1015, "_varchar", -1),
  INT8_ARRAY(1016, "_int8", -1),
  FLOAT4_ARRAY(1021, "_float4", -1),
  FLOAT8_ARRAY(1022, "_float8", -1),
  DATE_ARRAY(1182, "_date", -1),
  NUMERIC_ARRAY(1231, "_numeric", -1),
  UUID_ARRAY(2951, "_uuid", -1),
  JSON(114, "json", -1),
  /** Text on the wire; in binary format a version byte (1) before the text. */
  JSONB(3802, "jsonb", -1),
  /** Months, days and microseconds; values are {@link java.time.Duration}s or {@link java.time.Period}s. */
  INTERVAL(1186, "interval", 16);

  /** The type modifier that means "none". */
  public static final int NO_TYPE_MODIFIER = -1;

  /** PostgreSQL adds this header size to lengths and precisions stored in a type modifier. */
  private static final int VARHDRSZ = 4;

  /** The longest declarable {@code varchar(n)}; longer (or unbounded) strings report no modifier. */
  private static final int MAX_CHAR_LENGTH = 10 * 1024 * 1024;

  /** The largest declarable {@code numeric} precision. */
  private static final int MAX_NUMERIC_PRECISION = 1000;

  private final int oid;
  private final String typeName;
  private final short length;

  PgType(int oid, String typeName, int length) {
    this.oid = oid;
    this.typeName = typeName;
    this.length = (short) length;
  }

  /** The type's OID. */
  public int oid() {
    return oid;
  }

  /** The name in {@code pg_type.typname}. */
  public String typeName() {
    return typeName;
  }

  /** The storage length in bytes, or a negative number for variable-length types. */
  public short length() {
    return length;
  }

  /** The type with this OID, or null if this server does not know it. */
  public static PgType fromOid(int oid) {
    for (PgType type : values()) {
      if (type.oid == oid) {
        return type;
      }
    }
    return null;
  }

  /**
   * The PostgreSQL type of a result column: as {@link #fromJdbcType}, except for the types JDBC has no code for
   * ({@link Types#OTHER}), which are told apart by their SQL type name ({@code UUID}, {@code JSON}, {@code JSONB},
   * Calcite's {@code INTERVAL_...} names).
   */
  public static PgType fromSqlType(int jdbcType, String typeName) {
    if (jdbcType == Types.OTHER && "UUID".equalsIgnoreCase(typeName)) {
      return UUID;
    }
    if (jdbcType == Types.OTHER && ("JSON".equalsIgnoreCase(typeName) || "JSONB".equalsIgnoreCase(typeName))) {
      return "JSON".equalsIgnoreCase(typeName) ? JSON : JSONB;
    }
    if (jdbcType == Types.OTHER && typeName != null && typeName.startsWith("INTERVAL")) {
      return INTERVAL;
    }
    if (jdbcType == Types.ARRAY && typeName != null && typeName.endsWith(" ARRAY")) {
      // the element's name may carry a precision: DECIMAL(38, 0) ARRAY, CHAR(3) ARRAY
      String element = typeName.substring(0, typeName.length() - " ARRAY".length()).replaceFirst("\\(.*\\)$", "");
      PgType array = arrayOf(elementOfName(element));
      if (array != null) {
        return array;
      }
    }
    return fromJdbcType(jdbcType);
  }

  /** The element type of an array type, or null if this is not an array type. */
  public PgType element() {
    return switch (this) {
      case BOOL_ARRAY -> BOOL;
      case INT2_ARRAY -> INT2;
      case INT4_ARRAY -> INT4;
      case TEXT_ARRAY -> TEXT;
      case VARCHAR_ARRAY -> VARCHAR;
      case INT8_ARRAY -> INT8;
      case FLOAT4_ARRAY -> FLOAT4;
      case FLOAT8_ARRAY -> FLOAT8;
      case DATE_ARRAY -> DATE;
      case NUMERIC_ARRAY -> NUMERIC;
      case UUID_ARRAY -> UUID;
      default -> null;
    };
  }

  /** The array type whose elements are {@code element}, or null if there is none here. */
  public static PgType arrayOf(PgType element) {
    for (PgType type : values()) {
      if (type.element() != null && type.element() == element) {
        return type;
      }
    }
    return null;
  }

  /**
   * The element type of a Calcite array type name ({@code INTEGER} of {@code INTEGER ARRAY}): strings are
   * {@code text}, as PostgreSQL types {@code ARRAY['a']}.
   */
  private static PgType elementOfName(String name) {
    return switch (name) {
      case "BOOLEAN" -> BOOL;
      case "SMALLINT", "TINYINT" -> INT2;
      case "INTEGER" -> INT4;
      case "BIGINT" -> INT8;
      case "REAL" -> FLOAT4;
      case "DOUBLE", "FLOAT" -> FLOAT8;
      case "DECIMAL" -> NUMERIC;
      case "CHAR", "VARCHAR" -> TEXT;
      case "DATE" -> DATE;
      case "UUID" -> UUID;
      default -> null;
    };
  }

  /**
   * The PostgreSQL type that represents a {@link Types java.sql.Types} code; types without a closer match are sent
   * as {@link #TEXT}, which every client can read in text format.
   */
  public static PgType fromJdbcType(int jdbcType) {
    switch (jdbcType) {
      case Types.BOOLEAN:
      case Types.BIT:
        return BOOL;
      case Types.TINYINT:
      case Types.SMALLINT:
        return INT2;
      case Types.INTEGER:
        return INT4;
      case Types.BIGINT:
        return INT8;
      case Types.REAL:
        return FLOAT4;
      case Types.FLOAT:
      case Types.DOUBLE:
        return FLOAT8;
      case Types.NUMERIC:
      case Types.DECIMAL:
        return NUMERIC;
      case Types.CHAR:
      case Types.NCHAR:
        return BPCHAR;
      case Types.VARCHAR:
      case Types.NVARCHAR:
        return VARCHAR;
      case Types.BINARY:
      case Types.VARBINARY:
      case Types.LONGVARBINARY:
      case Types.BLOB:
        return BYTEA;
      case Types.DATE:
        return DATE;
      case Types.TIME:
        return TIME;
      case Types.TIME_WITH_TIMEZONE:
        return TIMETZ;
      case Types.TIMESTAMP:
        return TIMESTAMP;
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return TIMESTAMPTZ;
      default:
        return TEXT;
    }
  }

  /**
   * The {@link Types java.sql.Types} code a value of this type is handed to the session as; {@link Types#OTHER}
   * for {@link #UNKNOWN} and the array types, which leaves the type to the server.
   */
  public int jdbcType() {
    switch (this) {
      case BOOL:
        return Types.BOOLEAN;
      case BYTEA:
        return Types.VARBINARY;
      case INT8:
        return Types.BIGINT;
      case INT2:
        return Types.SMALLINT;
      case INT4:
        return Types.INTEGER;
      case FLOAT4:
        return Types.REAL;
      case FLOAT8:
        return Types.DOUBLE;
      case BPCHAR:
        return Types.CHAR;
      case DATE:
        return Types.DATE;
      case TIME:
        return Types.TIME;
      case TIMESTAMP:
        return Types.TIMESTAMP;
      case TIMESTAMPTZ:
        return Types.TIMESTAMP_WITH_TIMEZONE;
      case TIMETZ:
        return Types.TIME_WITH_TIMEZONE;
      case NUMERIC:
        return Types.NUMERIC;
      case UNKNOWN:
      case BOOL_ARRAY:
      case INT2_ARRAY:
      case INT4_ARRAY:
      case TEXT_ARRAY:
      case VARCHAR_ARRAY:
      case INT8_ARRAY:
      case FLOAT4_ARRAY:
      case FLOAT8_ARRAY:
      case DATE_ARRAY:
      case NUMERIC_ARRAY:
      case UUID_ARRAY:
        return Types.OTHER;
      case TEXT:
      case VARCHAR:
      case UUID:
      default:
        return Types.VARCHAR;
    }
  }

  /**
   * The type modifier ({@code atttypmod}) PostgreSQL reports for a declared precision and scale, e.g. 14 for
   * {@code varchar(10)}; {@link #NO_TYPE_MODIFIER} when the type has none or nothing was declared.
   *
   * @param precision the declared length or precision, or a negative number when not declared
   * @param scale the declared scale, or a negative number when not declared
   */
  public int typeModifier(int precision, int scale) {
    if (precision <= 0) {
      return NO_TYPE_MODIFIER;
    }
    switch (this) {
      case VARCHAR:
      case BPCHAR:
        return precision > MAX_CHAR_LENGTH ? NO_TYPE_MODIFIER : precision + VARHDRSZ;
      case NUMERIC:
        return precision > MAX_NUMERIC_PRECISION
            ? NO_TYPE_MODIFIER
            : ((precision << 16) | Math.max(scale, 0)) + VARHDRSZ;
      default:
        return NO_TYPE_MODIFIER;
    }
  }
}
