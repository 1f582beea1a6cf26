package io.omendb.adapter.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.ddl.SqlDropTable;
import org.apache.calcite.sql.ddl.SqlKeyConstraint;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** Tests the CREATE TABLE / DROP TABLE grammar of {@link OmenSqlParserImpl}. */
class OmenSqlParserTest {

  static SqlNode parse(String sql) throws SqlParseException {
    return SqlParser.create(sql, OmenParserConfig.config()).parseStmt();
  }

  static SqlCreateTable parseCreate(String sql) throws SqlParseException {
    return (SqlCreateTable) parse(sql);
  }

  static SqlColumnDeclaration column(SqlCreateTable create, int i) {
    return (SqlColumnDeclaration) create.columnList.get(i);
  }

  static SqlTypeName typeName(SqlColumnDeclaration column) {
    final SqlBasicTypeNameSpec spec = (SqlBasicTypeNameSpec) column.dataType.getTypeNameSpec();
    return SqlTypeName.get(spec.getTypeName().getSimple());
  }

  static List<String> names(SqlNodeList list) {
    return list.stream().map(n -> ((SqlIdentifier) n).getSimple()).toList();
  }

  @Test
  void createTable_columns() throws SqlParseException {
    final SqlCreateTable create = parseCreate("CREATE TABLE Users (id INT, name TEXT)");

    assertThat(create.getKind()).isEqualTo(SqlKind.CREATE_TABLE);
    assertThat(create.ifNotExists).isFalse();
    assertThat(create.getReplace()).isFalse();
    assertThat(create.name.names).containsExactly("users");
    assertThat(create.query).isNull();
    assertThat(create.columnList).hasSize(2);
    assertThat(column(create, 0).name.getSimple()).isEqualTo("id");
    assertThat(typeName(column(create, 0))).isEqualTo(SqlTypeName.INTEGER);
    assertThat(column(create, 0).strategy).isEqualTo(ColumnStrategy.NULLABLE);
    assertThat(column(create, 0).dataType.getNullable()).isTrue();
    assertThat(column(create, 1).name.getSimple()).isEqualTo("name");
    assertThat(typeName(column(create, 1))).isEqualTo(SqlTypeName.VARCHAR);
    assertThat(create.toString())
        .isEqualTo("CREATE TABLE `users` (`id` INTEGER, `name` VARCHAR)");
  }

  @Test
  void createTable_ifNotExists() throws SqlParseException {
    final SqlCreateTable create = parseCreate("create table if not exists t (a int)");

    assertThat(create.ifNotExists).isTrue();
    assertThat(create.toString()).isEqualTo("CREATE TABLE IF NOT EXISTS `t` (`a` INTEGER)");
  }

  @Test
  void createTable_qualifiedAndQuotedNames() throws SqlParseException {
    final SqlCreateTable create = parseCreate("CREATE TABLE Public.\"MyTable\" (\"Id\" INT)");

    assertThat(create.name.names).containsExactly("public", "MyTable");
    assertThat(column(create, 0).name.getSimple()).isEqualTo("Id");
  }

  @Test
  void createTable_tableNamedIf() throws SqlParseException {
    final SqlCreateTable create = parseCreate("CREATE TABLE if (a int)");

    assertThat(create.ifNotExists).isFalse();
    assertThat(create.name.getSimple()).isEqualTo("if");
  }

  @Test
  void createTable_notNullAndNull() throws SqlParseException {
    final SqlCreateTable create = parseCreate("CREATE TABLE t (a INT NOT NULL, b INT NULL)");

    assertThat(column(create, 0).strategy).isEqualTo(ColumnStrategy.NOT_NULLABLE);
    assertThat(column(create, 0).dataType.getNullable()).isFalse();
    assertThat(column(create, 1).strategy).isEqualTo(ColumnStrategy.NULLABLE);
    assertThat(column(create, 1).dataType.getNullable()).isTrue();
    assertThat(create.toString())
        .isEqualTo("CREATE TABLE `t` (`a` INTEGER NOT NULL, `b` INTEGER)");
  }

  @Test
  void createTable_default() throws SqlParseException {
    final SqlCreateTable create = parseCreate(
        "CREATE TABLE t (a INT DEFAULT 42, b TEXT NOT NULL DEFAULT 'x', c INT DEFAULT 1 + 2)");

    final SqlColumnDeclaration a = column(create, 0);
    assertThat(a.strategy).isEqualTo(ColumnStrategy.DEFAULT);
    assertThat(a.dataType.getNullable()).isTrue();
    assertThat(((SqlLiteral) a.expression).intValue(true)).isEqualTo(42);
    final SqlColumnDeclaration b = column(create, 1);
    assertThat(b.strategy).isEqualTo(ColumnStrategy.DEFAULT);
    assertThat(b.dataType.getNullable()).isFalse();
    assertThat(((SqlLiteral) b.expression).getValueAs(String.class)).isEqualTo("x");
    assertThat(column(create, 2).expression.getKind()).isEqualTo(SqlKind.PLUS);
    assertThat(create.toString()).isEqualTo("CREATE TABLE `t` (`a` INTEGER DEFAULT (42), "
        + "`b` VARCHAR NOT NULL DEFAULT ('x'), `c` INTEGER DEFAULT (1 + 2))");
  }

  @Test
  void createTable_constraintsInAnyOrder() throws SqlParseException {
    final SqlCreateTable create =
        parseCreate("CREATE TABLE t (a INT DEFAULT 0 NOT NULL, b INT PRIMARY KEY DEFAULT 7)");

    assertThat(column(create, 0).strategy).isEqualTo(ColumnStrategy.DEFAULT);
    assertThat(column(create, 0).dataType.getNullable()).isFalse();
    assertThat(column(create, 1).dataType.getNullable()).isFalse();
    assertThat(create.toString()).isEqualTo("CREATE TABLE `t` (`a` INTEGER NOT NULL DEFAULT (0), "
        + "`b` INTEGER NOT NULL DEFAULT (7), PRIMARY KEY (`b`))");
  }

  @Test
  void createTable_inlinePrimaryKey() throws SqlParseException {
    final SqlCreateTable create = parseCreate("CREATE TABLE t (id INT PRIMARY KEY, v TEXT)");

    assertThat(create.columnList).hasSize(3);
    final SqlColumnDeclaration id = column(create, 0);
    assertThat(id.strategy).isEqualTo(ColumnStrategy.NOT_NULLABLE);
    assertThat(id.dataType.getNullable()).isFalse();
    final SqlKeyConstraint key = (SqlKeyConstraint) create.columnList.get(2);
    assertThat(key.getKind()).isEqualTo(SqlKind.PRIMARY_KEY);
    assertThat(key.getOperandList().get(0)).isNull();
    assertThat(names((SqlNodeList) key.getOperandList().get(1))).containsExactly("id");
    assertThat(create.toString()).isEqualTo(
        "CREATE TABLE `t` (`id` INTEGER NOT NULL, `v` VARCHAR, PRIMARY KEY (`id`))");
  }

  @Test
  void createTable_inlineNamedPrimaryKey() throws SqlParseException {
    final SqlCreateTable create = parseCreate("CREATE TABLE t (id INT CONSTRAINT t_pk PRIMARY KEY)");

    final SqlKeyConstraint key = (SqlKeyConstraint) create.columnList.get(1);
    assertThat(((SqlIdentifier) key.getOperandList().get(0)).getSimple()).isEqualTo("t_pk");
  }

  @Test
  void createTable_tablePrimaryKey() throws SqlParseException {
    final SqlCreateTable create = parseCreate(
        "CREATE TABLE t (a INT, b BIGINT, c TEXT, CONSTRAINT t_pkey PRIMARY KEY (b, a))");

    assertThat(create.columnList).hasSize(4);
    assertThat(column(create, 0).dataType.getNullable()).isFalse();
    assertThat(column(create, 1).dataType.getNullable()).isFalse();
    assertThat(column(create, 1).strategy).isEqualTo(ColumnStrategy.NOT_NULLABLE);
    assertThat(column(create, 2).dataType.getNullable()).isTrue();
    final SqlKeyConstraint key = (SqlKeyConstraint) create.columnList.get(3);
    assertThat(((SqlIdentifier) key.getOperandList().get(0)).getSimple()).isEqualTo("t_pkey");
    assertThat(names((SqlNodeList) key.getOperandList().get(1))).containsExactly("b", "a");
    assertThat(create.toString()).isEqualTo("CREATE TABLE `t` (`a` INTEGER NOT NULL, "
        + "`b` BIGINT NOT NULL, `c` VARCHAR, CONSTRAINT `t_pkey` PRIMARY KEY (`b`, `a`))");
  }

  @Test
  void createTable_primaryKeyBeforeColumns() throws SqlParseException {
    final SqlCreateTable create = parseCreate("CREATE TABLE t (PRIMARY KEY (a), a INT)");

    assertThat(create.toString())
        .isEqualTo("CREATE TABLE `t` (`a` INTEGER NOT NULL, PRIMARY KEY (`a`))");
  }

  @Test
  void createTable_inlineAndTablePrimaryKeyGiveSameTree() throws SqlParseException {
    final SqlCreateTable inline = parseCreate("CREATE TABLE t (id INT PRIMARY KEY, v TEXT)");
    final SqlCreateTable tableLevel =
        parseCreate("CREATE TABLE t (id INT, v TEXT, PRIMARY KEY (id))");

    assertThat(inline.toString()).isEqualTo(tableLevel.toString());
    assertThat(inline.columnList.get(2).getKind()).isEqualTo(SqlKind.PRIMARY_KEY);
  }

  @Test
  void createTable_positions() throws SqlParseException {
    final SqlCreateTable create = parseCreate("CREATE TABLE t (a INT NOT NULL)");

    assertThat(create.getParserPosition()).isEqualTo(new SqlParserPos(1, 1, 1, 31));
    assertThat(column(create, 0).getParserPosition()).isEqualTo(new SqlParserPos(1, 17, 1, 30));
  }

  @Test
  void dropTable() throws SqlParseException {
    final SqlDropTable drop = (SqlDropTable) parse("DROP TABLE S.T");

    assertThat(drop.getKind()).isEqualTo(SqlKind.DROP_TABLE);
    assertThat(drop.ifExists).isFalse();
    assertThat(drop.name.names).containsExactly("s", "t");
    assertThat(drop.toString()).isEqualTo("DROP TABLE `s`.`t`");
  }

  @Test
  void dropTable_ifExists() throws SqlParseException {
    final SqlDropTable drop = (SqlDropTable) parse("drop table if exists t");

    assertThat(drop.ifExists).isTrue();
    assertThat(drop.name.getSimple()).isEqualTo("t");
    assertThat(drop.toString()).isEqualTo("DROP TABLE IF EXISTS `t`");
  }

  @Test
  void parseStmtList_splitsStatements() throws SqlParseException {
    final SqlNodeList statements = SqlParser.create(
            "CREATE TABLE t (a INT PRIMARY KEY);\n"
                + "INSERT INTO t VALUES (1);\n"
                + "SELECT a FROM t;\n"
                + "DROP TABLE t;",
            OmenParserConfig.config())
        .parseStmtList();

    assertThat(statements).hasSize(4);
    assertThat(statements.get(0)).isInstanceOf(SqlCreateTable.class);
    assertThat(statements.get(1)).isInstanceOf(SqlInsert.class);
    assertThat(statements.get(2)).isInstanceOf(SqlSelect.class);
    assertThat(statements.get(3)).isInstanceOf(SqlDropTable.class);
    assertThat(statements.get(2).getParserPosition().getLineNum()).isEqualTo(3);
  }

  @Test
  void syntaxError_hasPosition() {
    assertThatThrownBy(() -> parse("CREATE TABLE t (a INT,)"))
        .isInstanceOfSatisfying(SqlParseException.class, e ->
            assertThat(e.getPos()).isEqualTo(new SqlParserPos(1, 23, 1, 23)))
        .hasMessageContaining("at line 1, column 23");
  }

  @Test
  void syntaxError_onLaterLine() {
    assertThatThrownBy(() -> parse("CREATE TABLE t (\n  a INT,\n  b NOT NULL\n)"))
        .isInstanceOfSatisfying(SqlParseException.class, e ->
            assertThat(e.getPos().getLineNum()).isEqualTo(3));
  }

  @Test
  void syntaxError_emptyColumnList() {
    assertThatThrownBy(() -> parse("CREATE TABLE t ()"))
        .isInstanceOf(SqlParseException.class);
  }

  @Test
  void error_createOrReplace() {
    assertError("CREATE OR REPLACE TABLE t (a INT)",
        "CREATE OR REPLACE TABLE is not supported", 1, 1);
  }

  @Test
  void error_duplicateColumn() {
    assertError("CREATE TABLE t (a INT, A TEXT)", "Column \"a\" specified more than once", 1, 24);
  }

  @Test
  void error_quotedNamesDifferingInCaseAreDistinct() throws SqlParseException {
    assertThat(parseCreate("CREATE TABLE t (a INT, \"A\" TEXT)").columnList).hasSize(2);
  }

  @Test
  void error_twoPrimaryKeys() {
    assertError("CREATE TABLE t (a INT PRIMARY KEY, b INT PRIMARY KEY)",
        "Multiple primary keys for table \"t\" are not allowed", 1, 42);
    assertError("CREATE TABLE t (a INT PRIMARY KEY, b INT, PRIMARY KEY (b))",
        "Multiple primary keys for table \"t\" are not allowed", 1, 43);
  }

  @Test
  void error_primaryKeyColumnMissing() {
    assertError("CREATE TABLE t (a INT, PRIMARY KEY (a, b))",
        "Column \"b\" named in key does not exist", 1, 40);
  }

  @Test
  void error_primaryKeyColumnTwice() {
    assertError("CREATE TABLE t (a INT, PRIMARY KEY (a, a))",
        "Column \"a\" appears twice in primary key constraint", 1, 40);
  }

  @Test
  void error_conflictingNullability() {
    assertError("CREATE TABLE t (a INT NULL NOT NULL)",
        "Conflicting NULL/NOT NULL declarations for column \"a\"", 1, 28);
    assertError("CREATE TABLE t (a INT NULL PRIMARY KEY)",
        "Conflicting NULL/NOT NULL declarations for column \"a\"", 1, 28);
    assertError("CREATE TABLE t (a INT PRIMARY KEY NULL)",
        "Conflicting NULL/NOT NULL declarations for column \"a\"", 1, 35);
  }

  @Test
  void error_twoDefaults() {
    assertError("CREATE TABLE t (a INT DEFAULT 1 DEFAULT 2)",
        "Multiple default values specified for column \"a\"", 1, 41);
  }

  @Test
  void defaultRejectsSubQuery() {
    assertThatThrownBy(() -> parse("CREATE TABLE t (a INT DEFAULT (SELECT 1))"))
        .isInstanceOf(SqlParseException.class);
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
