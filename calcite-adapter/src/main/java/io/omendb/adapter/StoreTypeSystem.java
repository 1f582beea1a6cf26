package io.omendb.adapter;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/** Calcite's type system with PostgreSQL's result types where they differ: {@code sum(int)} is a bigint. */
public final class StoreTypeSystem extends RelDataTypeSystemImpl {
  /** The instance named by the {@code typeSystem} connection property. */
  public static final StoreTypeSystem INSTANCE = new StoreTypeSystem();

  private StoreTypeSystem() {}

  /** CASE and UNION over strings of different lengths give a VARCHAR, not a blank-padded CHAR: PostgreSQL's text. */
  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
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
