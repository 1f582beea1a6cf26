package io.omendb.adapter.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.ddl.SqlDropTable;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests CREATE INDEX and DROP INDEX in {@link OmenSqlParserImpl}: {@link SqlCreateIndex} and
 * {@link SqlDropIndex}.
 */
class OmenIndexDdlTest {

  private static SqlNode parse(String sql) throws SqlParseException {
    return SqlParser.create(sql, OmenParserConfig.config()).parseStmt();
  }

  private static <T extends SqlNode> T parse(String sql, Class<T> type) throws SqlParseException {
    final SqlNode node = parse(sql);
    assertThat(node).isInstanceOf(type);
    return type.cast(node);
  }

  /** Checks that the unparsed statement parses back to the same tree. */
  private static void assertRoundTrip(SqlNode node) throws SqlParseException {
    final SqlNode reparsed = parse(node.toSqlString(PostgresqlSqlDialect.DEFAULT).getSql());

    assertThat(reparsed).isInstanceOf(node.getClass());
    assertThat(reparsed.toString()).isEqualTo(node.toString());
  }

  // CREATE INDEX

  @Test
  void createIndex_oneColumn() throws SqlParseException {
    final SqlCreateIndex create =
        parse("CREATE INDEX T_A_Idx ON T (A)", SqlCreateIndex.class);

    assertThat(create.getKind()).isEqualTo(SqlKind.CREATE_INDEX);
    assertThat(create.isA(SqlKind.DDL)).isTrue();
    assertThat(create.name().getSimple()).isEqualTo("t_a_idx");
    assertThat(create.table().names).containsExactly("t");
    assertThat(create.columns()).containsExactly("a");
    assertThat(create.keys()).containsExactly(new SqlCreateIndex.Key("a", false, false));
    assertThat(create.unique()).isFalse();
    assertThat(create.ifNotExists()).isFalse();
    assertThat(create.getReplace()).isFalse();
    assertThat(create.toString()).isEqualTo("CREATE INDEX `t_a_idx` ON `t` (`a`)");
    assertRoundTrip(create);
  }

  @Test
  void createIndex_uniqueIfNotExistsQualifiedTable() throws SqlParseException {
    final SqlCreateIndex create = parse(
        "create unique index if not exists i on Public.\"Users\" using BTREE (b, a)",
        SqlCreateIndex.class);

    assertThat(create.unique()).isTrue();
    assertThat(create.ifNotExists()).isTrue();
    assertThat(create.ifNotExists).isTrue();
    assertThat(create.name().getSimple()).isEqualTo("i");
    assertThat(create.table().names).containsExactly("public", "Users");
    assertThat(create.columns()).containsExactly("b", "a");
    assertThat(create.toString())
        .isEqualTo("CREATE UNIQUE INDEX IF NOT EXISTS `i` ON `public`.`Users` (`b`, `a`)");
    assertRoundTrip(create);
  }

  @Test
  void createIndex_withoutName() throws SqlParseException {
    final SqlCreateIndex create = parse("CREATE INDEX ON t (a)", SqlCreateIndex.class);

    assertThat(create.name()).isNull();
    assertThat(create.table().getSimple()).isEqualTo("t");
    assertThat(create.columns()).containsExactly("a");
    assertThat(create.getOperandList()).hasSize(3).first().isNull();
    assertThat(create.toString()).isEqualTo("CREATE INDEX ON `t` (`a`)");
    assertRoundTrip(create);
  }

  @Test
  void createIndex_uniqueWithoutNameUsingBtree() throws SqlParseException {
    final SqlCreateIndex create =
        parse("CREATE UNIQUE INDEX ON t USING btree (a)", SqlCreateIndex.class);

    assertThat(create.unique()).isTrue();
    assertThat(create.name()).isNull();
  }

  @Test
  void createIndex_sortOrders() throws SqlParseException {
    final SqlCreateIndex create = parse("CREATE INDEX i ON t "
        + "(a ASC, b DESC, c NULLS FIRST, d DESC NULLS LAST, e ASC NULLS LAST, f DESC NULLS FIRST)",
        SqlCreateIndex.class);

    assertThat(create.columns()).containsExactly("a", "b", "c", "d", "e", "f");
    assertThat(create.keys()).containsExactly(
        new SqlCreateIndex.Key("a", false, false),
        new SqlCreateIndex.Key("b", true, true),
        new SqlCreateIndex.Key("c", false, true),
        new SqlCreateIndex.Key("d", true, false),
        new SqlCreateIndex.Key("e", false, false),
        new SqlCreateIndex.Key("f", true, true));
    assertThat(create.columnList().get(1).getKind()).isEqualTo(SqlKind.DESCENDING);
    assertThat(create.columnList().get(2).getKind()).isEqualTo(SqlKind.NULLS_FIRST);
    assertThat(create.toString()).isEqualTo("CREATE INDEX `i` ON `t` (`a`, `b` DESC, "
        + "`c` NULLS FIRST, `d` DESC NULLS LAST, `e` NULLS LAST, `f` DESC NULLS FIRST)");
    assertRoundTrip(create);
  }

  @Test
  void createIndex_duplicateColumnsAllowedAsInPostgresql() throws SqlParseException {
    assertThat(parse("CREATE INDEX i ON t (a, a DESC)", SqlCreateIndex.class).columns())
        .containsExactly("a", "a");
  }

  @Test
  void createIndex_wordsAsNames() throws SqlParseException {
    final SqlCreateIndex create =
        parse("CREATE INDEX index ON index (index, if, analyze, verbose)", SqlCreateIndex.class);

    assertThat(create.name().getSimple()).isEqualTo("index");
    assertThat(create.table().getSimple()).isEqualTo("index");
    assertThat(create.columns()).containsExactly("index", "if", "analyze", "verbose");
    assertRoundTrip(create);
  }

  @Test
  void createIndex_namedIf() throws SqlParseException {
    final SqlCreateIndex create = parse("CREATE INDEX if ON t (a)", SqlCreateIndex.class);

    assertThat(create.ifNotExists()).isFalse();
    assertThat(create.name().getSimple()).isEqualTo("if");
  }

  @Test
  void createIndex_position() throws SqlParseException {
    final SqlCreateIndex create = parse("CREATE INDEX i ON t (a DESC)", SqlCreateIndex.class);

    assertThat(create.getParserPosition()).isEqualTo(new SqlParserPos(1, 1, 1, 28));
    assertThat(create.columnList().get(0).getParserPosition())
        .isEqualTo(new SqlParserPos(1, 22, 1, 27));
  }

  @Test
  void createTable_stillParses() throws SqlParseException {
    assertThat(parse("CREATE TABLE index (a INT)", SqlCreateTable.class).name.getSimple())
        .isEqualTo("index");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "CREATE INDEX",
      "CREATE INDEX i ON t",
      "CREATE INDEX i ON t ()",
      "CREATE INDEX i t (a)",
      "CREATE INDEX i ON t (a,)",
      "CREATE INDEX i ON t (a + 1)",
      "CREATE INDEX i ON t ((a))",
      "CREATE INDEX i ON t (lower(a))",
      "CREATE INDEX i ON t (t.a)",
      "CREATE INDEX s.i ON t (a)",
      "CREATE INDEX IF NOT EXISTS ON t (a)",
      "CREATE INDEX i ON t (a) WHERE a > 0",
      "CREATE INDEX i ON t (a) INCLUDE (b)",
      "CREATE INDEX CONCURRENTLY i ON t (a)",
      "CREATE INDEX i ON t (a NULLS)",
      "CREATE INDEX i ON t (a DESC ASC)",
      "CREATE INDEX i ON t USING (a)",
      "CREATE UNIQUE TABLE t (a INT)",
      "CREATE UNIQUE i ON t (a)",
  })
  void createIndex_syntaxError(String sql) {
    assertThatThrownBy(() -> parse(sql)).isInstanceOf(SqlParseException.class);
  }

  @Test
  void createIndex_otherAccessMethod() {
    assertError("CREATE INDEX i ON t USING hash (a)",
        "index access method \"hash\" is not supported; only btree is", 1, 27);
  }

  @Test
  void createIndex_orReplace() {
    assertError("CREATE OR REPLACE INDEX i ON t (a)",
        "CREATE OR REPLACE INDEX is not supported", 1, 1);
  }

  @Test
  void createIndex_checksArguments() {
    final SqlIdentifier t = new SqlIdentifier("t", SqlParserPos.ZERO);
    assertThatThrownBy(() -> SqlCreateIndex.create(SqlParserPos.ZERO, false, true, null, t,
        SqlNodeList.of(new SqlIdentifier("a", SqlParserPos.ZERO))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SqlCreateIndex.create(SqlParserPos.ZERO, false, false, null, t,
        SqlNodeList.EMPTY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // DROP INDEX

  @Test
  void dropIndex_one() throws SqlParseException {
    final SqlDropIndex drop = parse("DROP INDEX I", SqlDropIndex.class);

    assertThat(drop.getKind()).isEqualTo(SqlKind.DROP_INDEX);
    assertThat(drop.isA(SqlKind.DDL)).isTrue();
    assertThat(drop.names()).extracting(SqlIdentifier::getSimple).containsExactly("i");
    assertThat(drop.ifExists()).isFalse();
    assertThat(drop.cascade()).isFalse();
    assertThat(drop.toString()).isEqualTo("DROP INDEX `i`");
    assertRoundTrip(drop);
  }

  @Test
  void dropIndex_ifExistsSeveralCascade() throws SqlParseException {
    final SqlDropIndex drop =
        parse("drop index if exists a, s.b, \"C\" cascade", SqlDropIndex.class);

    assertThat(drop.ifExists()).isTrue();
    assertThat(drop.ifExists).isTrue();
    assertThat(drop.cascade()).isTrue();
    assertThat(drop.names()).extracting(id -> List.copyOf(id.names))
        .containsExactly(List.of("a"), List.of("s", "b"), List.of("C"));
    assertThat(drop.toString()).isEqualTo("DROP INDEX IF EXISTS `a`, `s`.`b`, `C` CASCADE");
    assertRoundTrip(drop);
  }

  @Test
  void dropIndex_restrictIsTheDefault() throws SqlParseException {
    final SqlDropIndex drop = parse("DROP INDEX i RESTRICT", SqlDropIndex.class);

    assertThat(drop.cascade()).isFalse();
    assertThat(drop.toString()).isEqualTo("DROP INDEX `i`");
  }

  @Test
  void dropIndex_wordsAsNames() throws SqlParseException {
    final SqlDropIndex drop = parse("DROP INDEX if, index, cascade", SqlDropIndex.class);

    assertThat(drop.ifExists()).isFalse();
    assertThat(drop.names()).extracting(SqlIdentifier::getSimple)
        .containsExactly("if", "index", "cascade");
  }

  @Test
  void dropTable_stillParses() throws SqlParseException {
    assertThat(parse("DROP TABLE index", SqlDropTable.class).name.getSimple())
        .isEqualTo("index");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "DROP INDEX",
      "DROP INDEX IF EXISTS",
      "DROP INDEX a,",
      "DROP INDEX a CASCADE RESTRICT",
      "DROP INDEX a b",
      "DROP INDEX CONCURRENTLY a",
  })
  void dropIndex_syntaxError(String sql) {
    assertThatThrownBy(() -> parse(sql)).isInstanceOf(SqlParseException.class);
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
