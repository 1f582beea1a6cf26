package io.omendb.adapter.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlExplainFormat;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests PostgreSQL's EXPLAIN in {@link OmenSqlParserImpl}: {@link SqlPgExplain}. */
class OmenExplainTest {

  private static SqlNode parse(String sql) throws SqlParseException {
    return SqlParser.create(sql, OmenParserConfig.config()).parseStmt();
  }

  private static SqlPgExplain explain(String sql) throws SqlParseException {
    final SqlNode node = parse(sql);
    assertThat(node).isInstanceOf(SqlPgExplain.class);
    return (SqlPgExplain) node;
  }

  /** Checks that the unparsed statement parses back to the same tree. */
  private static void assertRoundTrip(SqlPgExplain explain) throws SqlParseException {
    final String sql = explain.toSqlString(PostgresqlSqlDialect.DEFAULT).getSql();
    assertThat(explain(sql).toString()).isEqualTo(explain.toString());
  }

  @Test
  void explain_select() throws SqlParseException {
    final SqlPgExplain explain = explain("EXPLAIN SELECT a FROM t WHERE a > 1");

    assertThat(explain.getKind()).isEqualTo(SqlKind.OTHER);
    assertThat(explain.statement()).isInstanceOf(SqlSelect.class);
    assertThat(explain.options().isEmpty()).isTrue();
    assertThat(explain.analyze()).isFalse();
    assertThat(explain.verbose()).isFalse();
    assertThat(explain.costs()).isTrue();
    assertThat(explain.buffers()).isFalse();
    assertThat(explain.timing()).isFalse();
    assertThat(explain.summary()).isFalse();
    assertThat(explain.toString())
        .isEqualTo("EXPLAIN\nSELECT `a`\nFROM `t`\nWHERE `a` > 1");
    assertRoundTrip(explain);
  }

  @Test
  void explain_selectWithOrderByAndLimit() throws SqlParseException {
    final SqlPgExplain explain =
        explain("explain select a, b from t order by a desc, b limit 10 offset 5");

    final SqlOrderBy orderBy = (SqlOrderBy) explain.statement();
    assertThat(orderBy.orderList).hasSize(2);
    assertThat(orderBy.fetch).hasToString("10");
    assertThat(orderBy.offset).hasToString("5");
    assertRoundTrip(explain);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "EXPLAIN VALUES (1, 'a'), (2, 'b')",
      "EXPLAIN WITH x AS (SELECT a FROM t) SELECT * FROM x ORDER BY a",
      "EXPLAIN SELECT a FROM t UNION ALL SELECT a FROM u ORDER BY 1 LIMIT 3",
      "EXPLAIN SELECT a FROM t EXCEPT SELECT a FROM u",
      "EXPLAIN (SELECT a FROM t)",
      "EXPLAIN ((SELECT a FROM t) UNION (SELECT b FROM u))",
      "EXPLAIN SELECT count(*) FROM t GROUP BY a HAVING count(*) > 1",
  })
  void explain_queries(String sql) throws SqlParseException {
    final SqlPgExplain explain = explain(sql);

    assertThat(explain.statement().isA(SqlKind.QUERY)).isTrue();
    assertThat(explain.options().isEmpty()).isTrue();
    assertRoundTrip(explain);
  }

  @Test
  void explain_insert() throws SqlParseException {
    final SqlPgExplain explain = explain("EXPLAIN ANALYZE INSERT INTO t (a, b) VALUES (1, 'x')");

    assertThat(explain.statement()).isInstanceOf(SqlInsert.class);
    assertThat(explain.analyze()).isTrue();
    assertThat(explain.toString())
        .isEqualTo("EXPLAIN ANALYZE\nINSERT INTO `t` (`a`, `b`)\nVALUES ROW(1, 'x')");
    assertRoundTrip(explain);
  }

  @Test
  void explain_insertSelect() throws SqlParseException {
    final SqlPgExplain explain = explain("EXPLAIN INSERT INTO t SELECT * FROM u");

    assertThat(explain.statement()).isInstanceOf(SqlInsert.class);
    assertRoundTrip(explain);
  }

  @Test
  void explain_update() throws SqlParseException {
    final SqlPgExplain explain = explain("EXPLAIN VERBOSE UPDATE t SET a = a + 1 WHERE b = 'x'");

    assertThat(explain.statement()).isInstanceOf(SqlUpdate.class);
    assertThat(explain.verbose()).isTrue();
    assertThat(explain.analyze()).isFalse();
    assertRoundTrip(explain);
  }

  @Test
  void explain_delete() throws SqlParseException {
    final SqlPgExplain explain = explain("EXPLAIN (COSTS OFF) DELETE FROM t WHERE c < 2000");

    assertThat(explain.statement()).isInstanceOf(SqlDelete.class);
    assertThat(explain.costs()).isFalse();
    assertThat(explain.toString())
        .isEqualTo("EXPLAIN (COSTS FALSE)\nDELETE FROM `t`\nWHERE `c` < 2000");
    assertRoundTrip(explain);
  }

  @Test
  void explain_analyzeVerbose() throws SqlParseException {
    final SqlPgExplain explain = explain("EXPLAIN ANALYZE VERBOSE SELECT 1");

    assertThat(explain.analyze()).isTrue();
    assertThat(explain.verbose()).isTrue();
    assertThat(explain.timing()).isTrue();
    assertThat(explain.summary()).isTrue();
    assertThat(explain.costs()).isTrue();
    assertThat(explain.buffers()).isFalse();
    assertThat(explain.options())
        .isEqualTo(ExplainOptions.none().withAnalyze(true).withVerbose(true));
    assertThat(explain.toString()).isEqualTo("EXPLAIN ANALYZE VERBOSE\nSELECT 1");
    assertRoundTrip(explain);
  }

  @Test
  void explain_allOptions() throws SqlParseException {
    final SqlPgExplain explain = explain("EXPLAIN (ANALYZE, VERBOSE true, COSTS off, "
        + "BUFFERS on, TIMING 0, SUMMARY 'false', FORMAT TEXT) SELECT a FROM t");

    assertThat(explain.analyze()).isTrue();
    assertThat(explain.verbose()).isTrue();
    assertThat(explain.costs()).isFalse();
    assertThat(explain.buffers()).isTrue();
    assertThat(explain.timing()).isFalse();
    assertThat(explain.summary()).isFalse();
    assertThat(explain.options()).isEqualTo(
        new ExplainOptions(true, true, false, true, false, false));
    assertThat(explain.toString()).isEqualTo("EXPLAIN (ANALYZE TRUE, VERBOSE TRUE, "
        + "COSTS FALSE, BUFFERS TRUE, TIMING FALSE, SUMMARY FALSE)\nSELECT `a`\nFROM `t`");
    assertRoundTrip(explain);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ANALYZE | true",
      "ANALYZE TRUE | true",
      "analyze on | true",
      "Analyze 1 | true",
      "ANALYZE 'on' | true",
      "ANALYZE \"TRUE\" | true",
      "ANALYZE FALSE | false",
      "ANALYZE off | false",
      "ANALYZE 0 | false",
      "ANALYZE 'Off' | false",
      "ANALYZE true, ANALYZE false | false",
  })
  void explain_booleanValues(String options, boolean analyze) throws SqlParseException {
    final SqlPgExplain explain = explain("EXPLAIN (" + options + ") SELECT 1");

    assertThat(explain.analyze()).isEqualTo(analyze);
    assertThat(explain.options().analyze()).isEqualTo(analyze);
  }

  @Test
  void explain_defaultsFollowAnalyze() throws SqlParseException {
    final SqlPgExplain explain =
        explain("EXPLAIN (ANALYZE, TIMING FALSE, BUFFERS) SELECT 1");

    assertThat(explain.timing()).isFalse();
    assertThat(explain.summary()).isTrue();
    assertThat(explain.buffers()).isTrue();
    assertThat(explain.options().summary()).isNull();
  }

  @Test
  void explain_timingOffWithoutAnalyze() throws SqlParseException {
    final SqlPgExplain explain = explain("EXPLAIN (TIMING OFF, SUMMARY) SELECT 1");

    assertThat(explain.timing()).isFalse();
    assertThat(explain.summary()).isTrue();
  }

  @Test
  void explain_formatTextIsNotRecorded() throws SqlParseException {
    final SqlPgExplain explain = explain("EXPLAIN (FORMAT text) SELECT 1");

    assertThat(explain.options().isEmpty()).isTrue();
    assertThat(explain.toString()).isEqualTo("EXPLAIN\nSELECT 1");
  }

  @Test
  void explain_analyzeFalseUnparsesInParentheses() throws SqlParseException {
    final SqlPgExplain explain = explain("EXPLAIN (ANALYZE FALSE) SELECT 1");

    assertThat(explain.toString()).isEqualTo("EXPLAIN (ANALYZE FALSE)\nSELECT 1");
    assertRoundTrip(explain);
  }

  @Test
  void explain_position() throws SqlParseException {
    assertThat(parse("EXPLAIN ANALYZE SELECT a FROM t").getParserPosition())
        .isEqualTo(new SqlParserPos(1, 1, 1, 31));
  }

  @Test
  void explain_inStatementList() throws SqlParseException {
    final SqlNodeList statements = SqlParser.create(
        "EXPLAIN SELECT 1; EXPLAIN PLAN FOR SELECT 2; SELECT 3", OmenParserConfig.config())
        .parseStmtList();

    assertThat(statements).hasSize(3);
    assertThat(statements.get(0)).isInstanceOf(SqlPgExplain.class);
    assertThat(statements.get(1)).isInstanceOf(SqlExplain.class);
  }

  @Test
  void explainPlanFor_staysCalcitesExplain() throws SqlParseException {
    final SqlNode node = parse("EXPLAIN PLAN FOR SELECT a FROM t ORDER BY a");

    assertThat(node).isInstanceOf(SqlExplain.class);
    assertThat(node.getKind()).isEqualTo(SqlKind.EXPLAIN);
    assertThat(((SqlExplain) node).getExplicandum()).isInstanceOf(SqlOrderBy.class);
  }

  @Test
  void explainPlanFor_withCalciteOptions() throws SqlParseException {
    final SqlExplain explain = (SqlExplain) parse(
        "EXPLAIN PLAN WITH TYPE AS JSON FOR INSERT INTO t VALUES (1)");

    assertThat(explain.getFormat()).isEqualTo(SqlExplainFormat.JSON);
    assertThat(explain.withType()).isTrue();
  }

  @Test
  void optionWords_areIdentifiers() throws SqlParseException {
    final SqlPgExplain explain = explain(
        "EXPLAIN ANALYZE SELECT analyze, verbose, costs, buffers, timing, summary, format, plan "
            + "FROM analyze");

    assertThat(((SqlSelect) explain.statement()).getSelectList()).hasSize(8);
    assertThat(explain(
        "EXPLAIN VERBOSE SELECT plan FROM verbose WHERE verbose.analyze = 1").verbose()).isTrue();
  }

  @Test
  void explain_quotedIdentifierNamedExplain() throws SqlParseException {
    final SqlPgExplain explain = explain("EXPLAIN SELECT \"explain\" FROM \"explain\"");

    assertThat(explain.toString()).isEqualTo("EXPLAIN\nSELECT `explain`\nFROM `explain`");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "EXPLAIN",
      "EXPLAIN ANALYZE",
      "EXPLAIN VERBOSE ANALYZE SELECT 1",
      "EXPLAIN ANALYZE ANALYZE SELECT 1",
      "EXPLAIN () SELECT 1",
      "EXPLAIN (ANALYZE SELECT 1",
      "EXPLAIN (ANALYZE,) SELECT 1",
      "EXPLAIN (ANALYZE)",
      "EXPLAIN CREATE TABLE t (a INT)",
      "EXPLAIN DROP TABLE t",
      "EXPLAIN EXPLAIN SELECT 1",
      "EXPLAIN BEGIN",
      "EXPLAIN SHOW ALL",
      "EXPLAIN 1 + 2",
      "EXPLAIN a",
      "EXPLAIN PLAN SELECT 1",
      "EXPLAIN SELECT 1 SELECT 2",
      "SELECT explain FROM t",
  })
  void syntaxError(String sql) {
    assertThatThrownBy(() -> parse(sql)).isInstanceOf(SqlParseException.class);
  }

  @Test
  void error_unknownOption() {
    assertError("EXPLAIN (ANALYZE, WAL) SELECT 1", "unrecognized EXPLAIN option \"wal\"", 1, 19);
  }

  @Test
  void error_quotedOptionNameIsCaseSensitive() {
    assertError("EXPLAIN (\"ANALYZE\") SELECT 1",
        "unrecognized EXPLAIN option \"ANALYZE\"", 1, 10);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2", "1.0", "yes", "'maybe'", "NONE"})
  void error_notABoolean(String value) {
    assertError("EXPLAIN (COSTS " + value + ") SELECT 1",
        "costs requires a Boolean value", 1, 16);
  }

  @ParameterizedTest
  @ValueSource(strings = {"JSON", "xml", "Yaml"})
  void error_formatNotSupported(String format) {
    assertError("EXPLAIN (FORMAT " + format + ") SELECT 1",
        "EXPLAIN format \"" + format.toLowerCase(Locale.ROOT)
            + "\" is not supported; only TEXT is", 1, 17);
  }

  @Test
  void error_unknownFormat() {
    assertError("EXPLAIN (FORMAT html) SELECT 1",
        "unrecognized value for EXPLAIN option \"format\": \"html\"", 1, 17);
    // As in PostgreSQL, a string is compared as written.
    assertError("EXPLAIN (FORMAT 'TEXT') SELECT 1",
        "unrecognized value for EXPLAIN option \"format\": \"TEXT\"", 1, 17);
  }

  @Test
  void error_formatWithoutValue() {
    assertError("EXPLAIN (FORMAT) SELECT 1", "format requires a parameter", 1, 10);
  }

  @Test
  void error_timingWithoutAnalyze() {
    assertError("EXPLAIN (TIMING) SELECT 1", "EXPLAIN option TIMING requires ANALYZE", 1, 1);
    assertError("EXPLAIN (ANALYZE OFF, TIMING ON) SELECT 1",
        "EXPLAIN option TIMING requires ANALYZE", 1, 1);
  }

  @Test
  void create_rejectsNonExplainableStatement() throws SqlParseException {
    final SqlNode show = parse("SHOW ALL");
    assertThatThrownBy(() -> SqlPgExplain.create(SqlParserPos.ZERO, show, ExplainOptions.none()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertError(String sql, String message, int line, int column) {
    assertThatThrownBy(() -> parse(sql))
        .isInstanceOfSatisfying(SqlParseException.class, e -> {
          assertThat(e.getPos().getLineNum()).isEqualTo(line);
          assertThat(e.getPos().getColumnNum()).isEqualTo(column);
        })
        .hasMessage(message);
  }
}
