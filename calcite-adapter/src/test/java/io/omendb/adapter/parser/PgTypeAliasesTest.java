package io.omendb.adapter.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests {@link PgTypeAliases} and the PostgreSQL type names the parser accepts. */
class PgTypeAliasesTest {

  @Test
  void resolve_knownAliasAnyCase() {
    assertThat(PgTypeAliases.resolve("text")).contains(SqlTypeName.VARCHAR);
    assertThat(PgTypeAliases.resolve("Int8")).contains(SqlTypeName.BIGINT);
  }

  @Test
  void resolve_unknownName() {
    assertThat(PgTypeAliases.resolve("INTEGER")).isEmpty();
    assertThat(PgTypeAliases.resolve("serial")).isEmpty();
  }

  @Test
  void typeNameSpec_hasNoPrecision() {
    final SqlBasicTypeNameSpec spec = PgTypeAliases.typeNameSpec("text", SqlParserPos.ZERO);

    assertThat(spec.getTypeName().getSimple()).isEqualTo("VARCHAR");
    assertThat(spec.getPrecision()).isEqualTo(RelDataType.PRECISION_NOT_SPECIFIED);
  }

  @Test
  void typeNameSpec_rejectsUnknownName() {
    assertThatThrownBy(() -> PgTypeAliases.typeNameSpec("blob", SqlParserPos.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blob");
  }

  /**
   * Each type name a PostgreSQL user writes, and the Calcite type the parser gives it; an empty
   * precision or scale means "not specified".
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "INT                   | INTEGER   |    |",
      "integer               | INTEGER   |    |",
      "int4                  | INTEGER   |    |",
      "INT8                  | BIGINT    |    |",
      "bigint                | BIGINT    |    |",
      "smallint              | SMALLINT  |    |",
      "int2                  | SMALLINT  |    |",
      "text                  | VARCHAR   |    |",
      "varchar(20)           | VARCHAR   | 20 |",
      "character varying(20) | VARCHAR   | 20 |",
      "varchar               | VARCHAR   |    |",
      "boolean               | BOOLEAN   |    |",
      "bool                  | BOOLEAN   |    |",
      "double precision      | DOUBLE    |    |",
      "float8                | DOUBLE    |    |",
      "real                  | REAL      |    |",
      "float4                | REAL      |    |",
      "numeric(10, 2)        | DECIMAL   | 10 | 2",
      "numeric(10)           | DECIMAL   | 10 |",
      "decimal               | DECIMAL   |    |",
      "date                  | DATE      |    |",
      "time                  | TIME      |    |",
      "timestamp             | TIMESTAMP |    |",
      "bytea                 | VARBINARY |    |",
  })
  void columnType(String written, SqlTypeName expected, Integer precision, Integer scale)
      throws SqlParseException {
    final SqlCreateTable create = (SqlCreateTable) SqlParser.create(
        "CREATE TABLE t (c " + written + ")", OmenParserConfig.config()).parseStmt();
    final SqlDataTypeSpec type = ((SqlColumnDeclaration) create.columnList.get(0)).dataType;

    assertBasicType(type, expected,
        precision == null ? RelDataType.PRECISION_NOT_SPECIFIED : precision,
        scale == null ? RelDataType.SCALE_NOT_SPECIFIED : scale);
  }

  @ParameterizedTest
  @CsvSource({"text, VARCHAR", "int8, BIGINT", "bool, BOOLEAN", "bytea, VARBINARY"})
  void castTarget(String written, SqlTypeName expected) throws SqlParseException {
    final SqlSelect select = (SqlSelect) SqlParser.create(
        "SELECT CAST(x AS " + written + ") FROM t", OmenParserConfig.config()).parseQuery();
    final SqlBasicCall cast = (SqlBasicCall) select.getSelectList().get(0);

    assertBasicType((SqlDataTypeSpec) cast.operand(1), expected,
        RelDataType.PRECISION_NOT_SPECIFIED, RelDataType.SCALE_NOT_SPECIFIED);
  }

  @Test
  void quotedAliasIsAUserDefinedTypeName() throws SqlParseException {
    final SqlCreateTable create = (SqlCreateTable) SqlParser.create(
        "CREATE TABLE t (c \"text\")", OmenParserConfig.config()).parseStmt();
    final SqlDataTypeSpec type = ((SqlColumnDeclaration) create.columnList.get(0)).dataType;

    assertThat(type.getTypeNameSpec()).isNotInstanceOf(SqlBasicTypeNameSpec.class);
    assertThat(type.getTypeName().getSimple()).isEqualTo("text");
  }

  private static void assertBasicType(SqlDataTypeSpec type, SqlTypeName expected, int precision,
      int scale) {
    assertThat(type.getTypeNameSpec()).isInstanceOf(SqlBasicTypeNameSpec.class);
    final SqlBasicTypeNameSpec spec = (SqlBasicTypeNameSpec) type.getTypeNameSpec();
    assertThat(SqlTypeName.get(spec.getTypeName().getSimple())).isEqualTo(expected);
    assertThat(spec.getPrecision()).isEqualTo(precision);
    assertThat(spec.getScale()).isEqualTo(scale);
  }
}
