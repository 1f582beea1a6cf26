package io.omendb.adapter;

import java.lang.reflect.Type;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's Java type factory, except that a UUID value is a {@link java.util.UUID} in generated code (Calcite's
 * own factory says {@code Object}, so code reading a UUID column calls UUID functions on an {@code Object} and does
 * not compile), and that TIMESTAMP WITH TIME ZONE is TIMESTAMP WITH LOCAL TIME ZONE (see ADR 0006).
 */
final class StoreTypeFactory extends JavaTypeFactoryImpl {
  StoreTypeFactory(RelDataTypeSystem typeSystem) {
    super(typeSystem);
  }

  /** SQL's TIMESTAMP WITH TIME ZONE is PostgreSQL's timestamptz, which the engine keeps as an instant. */
  @Override
  public RelDataType createSqlType(SqlTypeName typeName) {
    return super.createSqlType(typeName == SqlTypeName.TIMESTAMP_TZ ? SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE
        : typeName);
  }

  @Override
  public RelDataType createSqlType(SqlTypeName typeName, int precision) {
    return super.createSqlType(typeName == SqlTypeName.TIMESTAMP_TZ ? SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE
        : typeName, precision);
  }

  @Override
  public Type getJavaClass(RelDataType type) {
    if (type.getSqlTypeName() == SqlTypeName.UUID) {
      return java.util.UUID.class;
    }
    return super.getJavaClass(type);
  }
}
