package io.omendb.adapter.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks that {@link OmenSqlParserImpl} still parses standard SQL exactly as Calcite's stock
 * parser does, and that the words PostgreSQL users write as identifiers work as identifiers.
 */
class OmenSqlParserCompatibilityTest {

  private static SqlNode parse(String sql) throws SqlParseException {
    return SqlParser.create(sql, OmenParserConfig.config()).parseStmt();
  }

  private static SqlNode parseWithStockCalcite(String sql) throws SqlParseException {
    return SqlParser.create(sql,
        OmenParserConfig.config().withParserFactory(SqlParserImpl.FACTORY)).parseStmt();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT a, b FROM t WHERE a > 1 AND b IS NOT NULL ORDER BY a DESC LIMIT 10 OFFSET 5",
      "SELECT count(*), count(DISTINCT a), sum(x), avg(x), min(x), max(x) FROM t GROUP BY a",
      "SELECT rank() OVER (ORDER BY x), row_number() OVER (PARTITION BY a ORDER BY b) FROM t",
      "SELECT sum(a) FILTER (WHERE b > 1) FROM t",
      "SELECT position('a' IN b), trim(BOTH ' ' FROM a), substring(a FROM 1 FOR 2) FROM t",
      "SELECT EXTRACT(YEAR FROM d), EXTRACT(DAY FROM d), EXTRACT(SECOND FROM d) FROM t",
      "SELECT d + INTERVAL '1' DAY, INTERVAL '1-2' YEAR TO MONTH, INTERVAL '3' HOUR FROM t",
      "SELECT floor(d TO DAY), ceil(d TO HOUR), timestampadd(MONTH, 1, d) FROM t",
      "SELECT year(d), month(d) FROM t",
      "SELECT (a + 1), (count(*)) FROM t WHERE (a > 3 OR b < 2)",
      "SELECT CASE WHEN a > 1 THEN 'x' ELSE 'y' END, CAST(a AS VARCHAR(3)) FROM t",
      "SELECT * FROM t WHERE d > DATE '2020-01-01' AND ts < TIMESTAMP '2020-01-01 00:00:00'",
      "SELECT * FROM a JOIN b ON a.id = b.id LEFT JOIN c USING (id)",
      "SELECT a FROM t WHERE a IN (SELECT x FROM u) AND EXISTS (SELECT 1 FROM v)",
      "WITH x AS (SELECT 1) SELECT * FROM x",
      "SELECT a FROM t UNION ALL SELECT a FROM u",
      "SELECT json_object(KEY 'a' VALUE b) FROM t",
      "SELECT current_date, current_timestamp, user, current_user FROM t",
      "INSERT INTO t (a, b) VALUES ('a', 1), ('b', 2)",
      "UPDATE t SET a = a + 1 WHERE b = 'x'",
      "DELETE FROM t WHERE c < 2000",
      "EXPLAIN PLAN FOR SELECT 1",
      "EXPLAIN PLAN WITH TYPE FOR SELECT a FROM t ORDER BY a LIMIT 1",
      "EXPLAIN PLAN AS JSON FOR DELETE FROM t WHERE a = 1",
  })
  void standardSql_parsesAsStockCalcite(String sql) throws SqlParseException {
    assertThat(parse(sql).toString()).isEqualTo(parseWithStockCalcite(sql).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // Calcite keywords this parser unreserves.
      "year", "month", "day", "hour", "minute", "second", "position", "count", "min", "max",
      "sum", "avg", "rank", "result", "start", "language", "if",
      // Keywords this parser adds for PostgreSQL type names and statements.
      "text", "int2", "int4", "int8", "bool", "bytea", "float4", "float8", "abort", "discard",
      "analyze", "verbose", "index",
      // Already non-reserved in Calcite, or not keywords at all.
      "name", "type", "status", "data", "key", "comment", "role", "source", "level",
      "description", "version", "zone", "work", "transaction", "session", "isolation", "read",
      "write", "characteristics", "plan", "format", "costs", "buffers", "timing", "summary",
      "cascade", "restrict",
  })
  void unreservedWord_isAnIdentifier(String word) throws SqlParseException {
    final SqlCreateTable create =
        (SqlCreateTable) parse("CREATE TABLE " + word + " (" + word + " INT)");
    assertThat(create.name.getSimple()).isEqualTo(word);
    assertThat(((SqlColumnDeclaration) create.columnList.get(0)).name.getSimple())
        .isEqualTo(word);

    final SqlOrderBy query = (SqlOrderBy) parse("SELECT " + word + ", t." + word + ", ("
        + word + " + 1) AS " + word + " FROM t WHERE " + word + " = 1 AND (" + word
        + " > 0) GROUP BY " + word + " ORDER BY " + word);
    final SqlSelect select = (SqlSelect) query.query;
    assertThat(((SqlIdentifier) select.getSelectList().get(0)).getSimple()).isEqualTo(word);
    assertThat(((SqlIdentifier) select.getSelectList().get(1)).names)
        .containsExactly("t", word);
  }

  @Test
  void unreservedWords_inTheBriefExample() throws SqlParseException {
    final SqlCreateTable create =
        (SqlCreateTable) parse("CREATE TABLE t (name text, \"value\" int, year int)");
    assertThat(create.toString())
        .isEqualTo("CREATE TABLE `t` (`name` VARCHAR, `value` INTEGER, `year` INTEGER)");

    assertThat(parse("SELECT name, \"value\", year FROM t").toString())
        .isEqualTo("SELECT `name`, `value`, `year`\nFROM `t`");
  }

  /**
   * VALUE stays reserved: Calcite's template reads a leading VALUE as a synonym of VALUES, so
   * unreserving it would silently turn {@code SELECT (value + 1)} into a VALUES query.
   */
  @Test
  void value_staysReservedAndWorksQuoted() throws SqlParseException {
    assertThatThrownBy(() -> parse("SELECT value FROM t"))
        .isInstanceOf(SqlParseException.class);
    assertThat(parse("SELECT (\"value\" + 1) FROM t").toString())
        .isEqualTo("SELECT `value` + 1\nFROM `t`");
  }

  @ParameterizedTest
  @ValueSource(strings = {"select", "from", "where", "table", "user", "date", "primary",
      "explain"})
  void reservedWord_isRejectedAsColumnName(String word) {
    assertThatThrownBy(() -> parse("CREATE TABLE t (" + word + " INT)"))
        .isInstanceOf(SqlParseException.class);
  }
}
