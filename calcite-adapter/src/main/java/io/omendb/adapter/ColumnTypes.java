package io.omendb.adapter;

import io.omendb.adapter.parser.PgIntervalColumnType;
import io.omendb.adapter.types.PgJsonType;
import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.ColumnType;
import java.util.Locale;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.type.SqlTypeName;

/** Maps between SQL types (as written in DDL and as Calcite sees them) and the engine's column types. */
final class ColumnTypes {
  private ColumnTypes() {}

  /** A column type and its declared precision and scale (-1 when not declared). */
  record Declared(ColumnType type, int precision, int scale) {}

  /**
   * Resolves a type as written in CREATE TABLE, including PostgreSQL's names (TEXT, INT4, BOOL, BYTEA, ...).
   *
   * @throws IllegalArgumentException for a type the engine cannot store
   */
  static Declared fromSpec(SqlDataTypeSpec spec) {
    SqlTypeNameSpec nameSpec = spec.getTypeNameSpec();
    String name = nameSpec.getTypeName().getSimple().toUpperCase(Locale.ROOT);
    int precision = -1;
    int scale = -1;
    if (nameSpec instanceof SqlBasicTypeNameSpec basic) {
      precision = basic.getPrecision();
      scale = basic.getScale();
    }
    ColumnType type = switch (name) {
      case "BOOLEAN", "BOOL" -> ColumnType.BOOLEAN;
      case "SMALLINT", "INT2", "TINYINT" -> ColumnType.SMALLINT;
      case "INTEGER", "INT", "INT4" -> ColumnType.INTEGER;
      case "BIGINT", "INT8" -> ColumnType.BIGINT;
      case "REAL", "FLOAT4" -> ColumnType.REAL;
      case "DOUBLE", "FLOAT", "FLOAT8", "DOUBLE PRECISION" -> ColumnType.DOUBLE;
      case "DECIMAL", "NUMERIC", "DEC" -> ColumnType.DECIMAL;
      case "VARCHAR", "TEXT", "STRING", "CHARACTER VARYING" -> ColumnType.VARCHAR;
      case "CHAR", "CHARACTER", "BPCHAR" -> ColumnType.CHAR;
      case "VARBINARY", "BINARY", "BYTEA" -> ColumnType.VARBINARY;
      case "DATE" -> ColumnType.DATE;
      case "TIME" -> ColumnType.TIME;
      case "TIMESTAMP" -> ColumnType.TIMESTAMP;
      // PostgreSQL's timestamptz, however spelled (TIMESTAMP WITH TIME ZONE parses as TIMESTAMP_TZ)
      case "TIMESTAMP_TZ", "TIMESTAMP_WITH_LOCAL_TIME_ZONE", "TIMESTAMPTZ" -> ColumnType.TIMESTAMPTZ;
      case "UUID" -> ColumnType.UUID;
      case "JSON" -> ColumnType.JSON;
      case "JSONB" -> ColumnType.JSONB;
      // PostgreSQL's interval, as the grammar's PgIntervalColumnType names it (see PgIntervalColumnType)
      case PgIntervalColumnType.DAY_TIME -> ColumnType.INTERVAL_DAY_TIME;
      case PgIntervalColumnType.YEAR_MONTH -> ColumnType.INTERVAL_YEAR_MONTH;
      default -> throw new IllegalArgumentException("type \"" + name.toLowerCase(Locale.ROOT) + "\" does not exist");
    };
    if (type == ColumnType.CHAR && precision < 0) {
      precision = 1;
    }
    return new Declared(type, precision, scale);
  }

  /** The Calcite type of a stored column. */
  static RelDataType toRelType(RelDataTypeFactory factory, ColumnDef column) {
    RelDataType type = switch (column.type()) {
      case BOOLEAN -> factory.createSqlType(SqlTypeName.BOOLEAN);
      case SMALLINT -> factory.createSqlType(SqlTypeName.SMALLINT);
      case INTEGER -> factory.createSqlType(SqlTypeName.INTEGER);
      case BIGINT -> factory.createSqlType(SqlTypeName.BIGINT);
      case REAL -> factory.createSqlType(SqlTypeName.REAL);
      case DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
      case DECIMAL -> column.precision() > 0
          ? factory.createSqlType(SqlTypeName.DECIMAL, column.precision(), Math.max(column.scale(), 0))
          : factory.createSqlType(SqlTypeName.DECIMAL);
      case VARCHAR -> column.precision() > 0
          ? factory.createSqlType(SqlTypeName.VARCHAR, column.precision())
          : factory.createSqlType(SqlTypeName.VARCHAR);
      case CHAR -> factory.createSqlType(SqlTypeName.CHAR, Math.max(column.precision(), 1));
      case VARBINARY -> factory.createSqlType(SqlTypeName.VARBINARY);
      case DATE -> factory.createSqlType(SqlTypeName.DATE);
      case TIME -> factory.createSqlType(SqlTypeName.TIME);
      case TIMESTAMP -> factory.createSqlType(SqlTypeName.TIMESTAMP);
      case UUID -> factory.createSqlType(SqlTypeName.UUID);
      case JSON -> PgJsonType.of(factory, PgJsonType.Kind.JSON, column.nullable());
      case JSONB -> PgJsonType.of(factory, PgJsonType.Kind.JSONB, column.nullable());
      case TIMESTAMPTZ -> factory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE);
      case INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH -> PgIntervalColumnType.relType(factory, column.type());
    };
    return factory.createTypeWithNullability(type, column.nullable());
  }

  /** Converts an engine value to Calcite's runtime representation. */
  static Object toCalcite(ColumnType type, Object value) {
    if (value instanceof byte[] bytes) {
      return new ByteString(bytes);
    }
    return value;
  }

  /** Converts a Calcite runtime value to the engine's representation. */
  static Object toEngine(ColumnType type, Object value) {
    if (value instanceof ByteString bytes) {
      return bytes.getBytes();
    }
    if (value instanceof String text && (type == ColumnType.JSON || type == ColumnType.JSONB)) {
      // whatever reaches a json column is checked, and a jsonb column holds the normal form
      return type == ColumnType.JSON ? JsonText.validate(text) : JsonText.normalize(text);
    }
    return value;
  }
}
