package io.omendb.adapter;

import java.lang.reflect.Type;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's Java type factory, except that a UUID value is a {@link java.util.UUID} in generated code (Calcite's
 * own factory says {@code Object}, so code reading a UUID column calls UUID functions on an {@code Object} and does
 * not compile).
 */
final class StoreTypeFactory extends JavaTypeFactoryImpl {
  StoreTypeFactory(RelDataTypeSystem typeSystem) {
    super(typeSystem);
  }

  @Override
  public Type getJavaClass(RelDataType type) {
    if (type.getSqlTypeName() == SqlTypeName.UUID) {
      return java.util.UUID.class;
    }
    return super.getJavaClass(type);
  }
}
