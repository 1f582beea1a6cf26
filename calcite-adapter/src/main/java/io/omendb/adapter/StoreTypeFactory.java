package io.omendb.adapter;

import io.omendb.adapter.types.PgJsonType;
import java.lang.reflect.Type;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's Java type factory, except that a UUID value is a {@link java.util.UUID} in generated code (Calcite's
 * own factory says {@code Object}, so code reading a UUID column calls UUID functions on an {@code Object} and does
 * not compile), that it knows the JSON types ({@link PgJsonType}: strings at run time), and that TIMESTAMP WITH TIME
 * ZONE is TIMESTAMP WITH LOCAL TIME ZONE (see ADR 0007).
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
    if (type instanceof PgJsonType) {
      return String.class;
    }
    return super.getJavaClass(type);
  }

  /**
   * JSON values of one JSON type, mixed with NULLs, keep that type (Calcite finds no common type for its {@code
   * OTHER}s); mixed with text too, they take the text's type, so that the rows of a VALUES list written into a JSON
   * column still get cast to it one by one (its NULLs are typed before its strings are cast). Two different JSON
   * types have none.
   */
  @Override
  public @Nullable RelDataType leastRestrictive(List<RelDataType> types) {
    PgJsonType json = (PgJsonType) types.stream().filter(PgJsonType.class::isInstance).findFirst().orElse(null);
    if (json == null) {
      return super.leastRestrictive(types);
    }
    boolean nullable = types.stream().anyMatch(RelDataType::isNullable);
    List<RelDataType> text = types.stream().filter(SqlTypeUtil::isCharacter).toList();
    for (RelDataType type : types) {
      if (PgJsonType.kindOf(type) != json.kind() && type.getSqlTypeName() != SqlTypeName.NULL
          && !SqlTypeUtil.isCharacter(type)) {
        return null;
      }
    }
    if (!text.isEmpty()) {
      RelDataType common = super.leastRestrictive(text);
      return common == null ? null : createTypeWithNullability(common, nullable);
    }
    return createTypeWithNullability(json, nullable);
  }

  @Override
  public RelDataType createTypeWithNullability(RelDataType type, boolean nullable) {
    if (type instanceof PgJsonType json) {
      return canonize(json.withNullable(nullable));
    }
    return super.createTypeWithNullability(type, nullable);
  }

  @Override
  public RelDataType enforceTypeWithNullability(RelDataType type, boolean nullable) {
    if (type instanceof PgJsonType json) {
      return canonize(json.withNullable(nullable));
    }
    return super.enforceTypeWithNullability(type, nullable);
  }
}
