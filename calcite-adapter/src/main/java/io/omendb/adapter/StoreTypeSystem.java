package io.omendb.adapter;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type system with PostgreSQL's result types where they differ: {@code sum(int)} is a bigint and
 * {@code avg} of an integer is a numeric with 16 fraction digits, as PostgreSQL prints it for averages below 10,000;
 * the branches of a CASE or UNION of strings of different lengths give a varying string, not a blank-padded CHAR.
 */
public final class StoreTypeSystem extends RelDataTypeSystemImpl {
  private static final int TIME_MILLIS_PRECISION = 3;

  /** The instance named by the {@code typeSystem} connection property. */
  public static final StoreTypeSystem INSTANCE = new StoreTypeSystem();

  private StoreTypeSystem() {}

  /** The precision of numerics: wide enough for an average with {@link #AVG_SCALE} fraction digits. */
  private static final int MAX_NUMERIC_PRECISION = 38;
  /** PostgreSQL's minimum significant digits of a numeric division, the scale of an integer average. */
  private static final int AVG_SCALE = 16;

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_NUMERIC_PRECISION : super.getMaxPrecision(typeName);
  }

  /** TIME keeps the engine's milliseconds (Calcite's default of 0 would drop PostgreSQL's fractional seconds). */
  @Override
  public int getDefaultPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.TIME ? TIME_MILLIS_PRECISION : super.getDefaultPrecision(typeName);
  }

  /** CASE and UNION over strings of different lengths give a VARCHAR, not a blank-padded CHAR: PostgreSQL's text. */
  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    if (SqlTypeName.INT_TYPES.contains(argumentType.getSqlTypeName())) {
      return typeFactory.createTypeWithNullability(
          typeFactory.createSqlType(SqlTypeName.DECIMAL, MAX_NUMERIC_PRECISION, AVG_SCALE), argumentType.isNullable());
    }
    return super.deriveAvgAggType(typeFactory, argumentType);
  }

  @Override
  public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    SqlTypeName name = argumentType.getSqlTypeName();
    if (name == SqlTypeName.SMALLINT || name == SqlTypeName.INTEGER || name == SqlTypeName.TINYINT) {
      return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.BIGINT),
          argumentType.isNullable());
    }
    return super.deriveSumType(typeFactory, argumentType);
  }
}
