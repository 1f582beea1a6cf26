package io.omendb.adapter.pgcatalog;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The PostgreSQL column types of the system catalogs, each as the Calcite type that carries it: {@code oid} (and
 * {@code regproc}, {@code xid}) as INTEGER, {@code name}, {@code text}, {@code "char"} and {@code pg_node_tree}
 * as VARCHAR, vectors and arrays as ARRAY; information_schema's domains as their base types.
 */
enum PgColumnType {
  OID(SqlTypeName.INTEGER, null),
  NAME(SqlTypeName.VARCHAR, null),
  TEXT(SqlTypeName.VARCHAR, null),
  CHAR(SqlTypeName.VARCHAR, null),
  BOOL(SqlTypeName.BOOLEAN, null),
  INT2(SqlTypeName.SMALLINT, null),
  INT4(SqlTypeName.INTEGER, null),
  INT8(SqlTypeName.BIGINT, null),
  /** information_schema's {@code cardinal_number}: an integer that is null where a catalog integer would be 0. */
  CARDINAL_NUMBER(SqlTypeName.INTEGER, null),
  FLOAT4(SqlTypeName.REAL, null),
  TIMESTAMPTZ(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, null),
  OID_ARRAY(SqlTypeName.ARRAY, SqlTypeName.INTEGER),
  INT2_ARRAY(SqlTypeName.ARRAY, SqlTypeName.SMALLINT),
  TEXT_ARRAY(SqlTypeName.ARRAY, SqlTypeName.VARCHAR);

  private final SqlTypeName sqlType;
  private final SqlTypeName elementType;

  PgColumnType(SqlTypeName sqlType, SqlTypeName elementType) {
    this.sqlType = sqlType;
    this.elementType = elementType;
  }

  /** The nullable Calcite type of a column of this type. */
  RelDataType toRelDataType(RelDataTypeFactory typeFactory) {
    RelDataType type = elementType == null ? typeFactory.createSqlType(sqlType)
        : typeFactory.createArrayType(typeFactory.createTypeWithNullability(
            typeFactory.createSqlType(elementType), true), -1);
    return typeFactory.createTypeWithNullability(type, true);
  }

  /** The value a column of this type holds in a row nobody filled it in: false, 0 or null. */
  Object defaultValue() {
    return switch (this) {
      case OID, INT4 -> 0;
      case INT2 -> (short) 0;
      case INT8 -> 0L;
      case FLOAT4 -> 0f;
      case BOOL -> false;
      default -> null;
    };
  }
}
