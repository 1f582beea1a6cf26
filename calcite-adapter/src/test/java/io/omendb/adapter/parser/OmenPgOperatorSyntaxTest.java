package io.omendb.adapter.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;

/** Tests PostgreSQL's operator syntax in {@link OmenSqlParserImpl}: {@code ::}, {@code ~}, OPERATOR(), COLLATE. */
class OmenPgOperatorSyntaxTest {

  private static String where(String condition) throws SqlParseException {
    SqlNode node = SqlParser.create("SELECT a FROM t WHERE " + condition, OmenParserConfig.config()).parseStmt();
    return ((SqlSelect) node).getWhere().toString();
  }

  private static String select(String expression) throws SqlParseException {
    SqlNode node = SqlParser.create("SELECT " + expression, OmenParserConfig.config()).parseStmt();
    return ((SqlSelect) node).getSelectList().get(0).toString();
  }

  @Test
  void infixCast_basicTypesBecomeCast() throws SqlParseException {
    assertThat(select("a::integer")).isEqualTo("CAST(`a` AS INTEGER)");
    assertThat(select("a::text")).isEqualTo("CAST(`a` AS VARCHAR)");
    assertThat(select("a::pg_catalog.text")).isEqualTo("CAST(`a` AS VARCHAR)");
    assertThat(select("a::int8")).isEqualTo("CAST(`a` AS BIGINT)");
    assertThat(select("a::oid")).isEqualTo("CAST(`a` AS INTEGER)");
    assertThat(select("a::name")).isEqualTo("CAST(`a` AS VARCHAR)");
    assertThat(select("a::varchar(3)")).isEqualTo("CAST(`a` AS VARCHAR(3))");
  }

  @Test
  void infixCast_bindsTighterThanArithmeticAndChains() throws SqlParseException {
    assertThat(select("-a::int + 1")).isEqualTo("- CAST(`a` AS INTEGER) + 1");
    assertThat(select("a * b::int")).isEqualTo("`a` * CAST(`b` AS INTEGER)");
    assertThat(select("a::text::int")).isEqualTo("CAST(CAST(`a` AS VARCHAR) AS INTEGER)");
  }

  @Test
  void infixCast_arrayType() throws SqlParseException {
    assertThat(select("a::pg_catalog.int2[]")).isEqualTo("CAST(`a` AS SMALLINT ARRAY)");
  }

  @Test
  void infixCast_objectTypesBecomeLookups() throws SqlParseException {
    assertThat(select("c.oid::pg_catalog.regclass")).isEqualTo("`pg_catalog`.`regclassout`(`c`.`oid`)");
    assertThat(select("'t'::regclass")).isEqualTo("`pg_catalog`.`regclassin`('t')");
    assertThat(select("t::regtype::text")).isEqualTo("CAST(`pg_catalog`.`regtypeout`(`t`) AS VARCHAR)");
  }

  @Test
  void posixOperators() throws SqlParseException {
    assertThat(where("a ~ '^x'")).isEqualTo("`pg_catalog`.`textregexeq`(`a`, '^x')");
    assertThat(where("a !~ '^x'")).isEqualTo("`pg_catalog`.`textregexne`(`a`, '^x')");
    assertThat(where("a ~* '^x'")).isEqualTo("`pg_catalog`.`texticregexeq`(`a`, '^x')");
    assertThat(where("a !~* '^x'")).isEqualTo("`pg_catalog`.`texticregexne`(`a`, '^x')");
    assertThat(where("a || 'b' ~ 'x' AND c")).isEqualTo("`pg_catalog`.`textregexeq`(`a` || 'b', 'x') AND `c`");
    assertThat(where("a != 1")).isEqualTo("`a` <> 1");
  }

  @Test
  void operatorCall_andCollate() throws SqlParseException {
    assertThat(where("a OPERATOR(pg_catalog.~) '^(t)$' COLLATE pg_catalog.default AND b"))
        .isEqualTo("`pg_catalog`.`textregexeq`(`a`, '^(t)$') AND `b`");
    assertThat(where("a OPERATOR(=) 1")).isEqualTo("`a` = 1");
  }

  @Test
  void operatorAndCollate_stayUsableAsNames() throws SqlParseException {
    assertThat(select("operator FROM t")).isEqualTo("operator");
    assertThat(select("a operator")).isEqualTo("`a` AS `operator`");
  }

  @Test
  void qualifiedUnnest_isUnnest() throws SqlParseException {
    SqlSelect select = (SqlSelect) SqlParser.create("SELECT 'toast.' || x FROM pg_catalog.unnest(a) x",
        OmenParserConfig.config()).parseStmt();
    assertThat(select.getFrom().toString()).isEqualTo("UNNEST(`a`) AS `x` (`x`)");
  }

  @Test
  void contextVariables_becomeSessionFunctions() throws SqlParseException {
    SqlSelect select = (SqlSelect) SqlParser.create("SELECT current_catalog, current_user, session_user, \"user\"",
        OmenParserConfig.config().withParserFactory(PgSqlParserImpl.EXECUTION_FACTORY)).parseStmt();
    assertThat(select.getSelectList().stream().map(Object::toString)).containsExactly(
        "`pg_catalog`.`current_database`()", "`pg_catalog`.`current_user`()", "`pg_catalog`.`session_user`()",
        "user");
  }

  @Test
  void fromFunctionAlias_namesTheColumn() throws SqlParseException {
    SqlSelect select = (SqlSelect) SqlParser.create("SELECT s FROM generate_series(1, 3) s JOIN t ON t.a = s",
        OmenParserConfig.config()).parseStmt();
    assertThat(select.getFrom().toString()).contains("TABLE(`generate_series`(1, 3)) AS `s` (`s`)");
  }
}
