package io.omendb.adapter.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSetOption;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests the session and transaction-control statements of {@link OmenSqlParserImpl}: BEGIN,
 * START TRANSACTION, COMMIT, END, ROLLBACK, ABORT, savepoints, SET TRANSACTION, SET, RESET,
 * SHOW and DISCARD ALL.
 */
class OmenSessionStatementTest {

  private static SqlNode parse(String sql) throws SqlParseException {
    return SqlParser.create(sql, OmenParserConfig.config()).parseStmt();
  }

  private static <T extends SqlNode> T parse(String sql, Class<T> type) throws SqlParseException {
    final SqlNode node = parse(sql);
    assertThat(node).isInstanceOf(type);
    return type.cast(node);
  }

  // BEGIN and START TRANSACTION

  @ParameterizedTest
  @ValueSource(strings = {"BEGIN", "BEGIN WORK", "BEGIN TRANSACTION", "begin", "Begin Work"})
  void begin_withoutModes(String sql) throws SqlParseException {
    final SqlBeginTransaction begin = parse(sql, SqlBeginTransaction.class);

    assertThat(begin.isolationLevel()).isNull();
    assertThat(begin.readOnly()).isNull();
    assertThat(begin.deferrable()).isNull();
    assertThat(begin.modes().isEmpty()).isTrue();
    assertThat(begin.startTransaction()).isFalse();
    assertThat(begin.toString()).isEqualTo("BEGIN");
  }

  @ParameterizedTest
  @CsvSource({
      "SERIALIZABLE, SERIALIZABLE",
      "REPEATABLE READ, REPEATABLE_READ",
      "READ COMMITTED, READ_COMMITTED",
      "read uncommitted, READ_UNCOMMITTED",
  })
  void begin_isolationLevel(String written, IsolationLevel expected) throws SqlParseException {
    final SqlBeginTransaction begin =
        parse("BEGIN ISOLATION LEVEL " + written, SqlBeginTransaction.class);

    assertThat(begin.isolationLevel()).isEqualTo(expected);
    assertThat(begin.readOnly()).isNull();
    assertThat(begin.toString())
        .isEqualTo("BEGIN ISOLATION LEVEL " + expected.sqlName().toUpperCase(Locale.ROOT));
  }

  @Test
  void begin_allModes() throws SqlParseException {
    final SqlBeginTransaction begin = parse(
        "BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY, DEFERRABLE",
        SqlBeginTransaction.class);

    assertThat(begin.isolationLevel()).isEqualTo(IsolationLevel.REPEATABLE_READ);
    assertThat(begin.readOnly()).isTrue();
    assertThat(begin.deferrable()).isTrue();
    assertThat(begin.toString())
        .isEqualTo("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY, DEFERRABLE");
  }

  @Test
  void begin_modesWithoutCommasInAnyOrder() throws SqlParseException {
    final SqlBeginTransaction begin = parse(
        "BEGIN READ WRITE NOT DEFERRABLE ISOLATION LEVEL READ COMMITTED",
        SqlBeginTransaction.class);

    assertThat(begin.isolationLevel()).isEqualTo(IsolationLevel.READ_COMMITTED);
    assertThat(begin.readOnly()).isFalse();
    assertThat(begin.deferrable()).isFalse();
    assertThat(begin.toString())
        .isEqualTo("BEGIN ISOLATION LEVEL READ COMMITTED, READ WRITE, NOT DEFERRABLE");
  }

  @Test
  void begin_lastModeWins() throws SqlParseException {
    final SqlBeginTransaction begin = parse(
        "BEGIN READ ONLY, ISOLATION LEVEL SERIALIZABLE, READ WRITE, "
            + "ISOLATION LEVEL READ COMMITTED", SqlBeginTransaction.class);

    assertThat(begin.readOnly()).isFalse();
    assertThat(begin.isolationLevel()).isEqualTo(IsolationLevel.READ_COMMITTED);
  }

  @Test
  void begin_caseInsensitive() throws SqlParseException {
    final SqlBeginTransaction begin =
        parse("bEgIn IsOlAtIoN lEvEl SeRiAlIzAbLe rEaD oNlY", SqlBeginTransaction.class);

    assertThat(begin.isolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
    assertThat(begin.readOnly()).isTrue();
  }

  @Test
  void begin_position() throws SqlParseException {
    assertThat(parse("BEGIN ISOLATION LEVEL SERIALIZABLE").getParserPosition())
        .isEqualTo(new SqlParserPos(1, 1, 1, 34));
  }

  @Test
  void startTransaction_withModes() throws SqlParseException {
    final SqlBeginTransaction begin = parse(
        "START TRANSACTION ISOLATION LEVEL SERIALIZABLE READ ONLY", SqlBeginTransaction.class);

    assertThat(begin.startTransaction()).isTrue();
    assertThat(begin.isolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
    assertThat(begin.readOnly()).isTrue();
    assertThat(begin.toString())
        .isEqualTo("START TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ ONLY");
  }

  @Test
  void startTransaction_withoutModes() throws SqlParseException {
    final SqlBeginTransaction begin = parse("start transaction", SqlBeginTransaction.class);

    assertThat(begin.startTransaction()).isTrue();
    assertThat(begin.modes()).isEqualTo(TransactionModes.none());
  }

  @Test
  void isolationLevel_sqlName() {
    assertThat(IsolationLevel.READ_UNCOMMITTED.sqlName()).isEqualTo("read uncommitted");
    assertThat(IsolationLevel.READ_COMMITTED.sqlName()).isEqualTo("read committed");
    assertThat(IsolationLevel.REPEATABLE_READ.sqlName()).isEqualTo("repeatable read");
    assertThat(IsolationLevel.SERIALIZABLE.sqlName()).isEqualTo("serializable");
  }

  // COMMIT, END, ROLLBACK, ABORT and savepoints

  @ParameterizedTest
  @ValueSource(strings = {"COMMIT", "COMMIT WORK", "COMMIT TRANSACTION", "END", "end work",
      "End Transaction"})
  void commit_anyForm(String sql) throws SqlParseException {
    assertThat(parse(sql, SqlCommitTransaction.class).toString()).isEqualTo("COMMIT");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ROLLBACK", "ROLLBACK WORK", "rollback transaction", "ABORT",
      "ABORT WORK", "Abort Transaction"})
  void rollback_anyForm(String sql) throws SqlParseException {
    assertThat(parse(sql, SqlRollbackTransaction.class).toString()).isEqualTo("ROLLBACK");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SAVEPOINT sp1                       | DEFINE      | sp1 | SAVEPOINT `sp1`",
      "RELEASE SAVEPOINT Sp1               | RELEASE     | sp1 | RELEASE SAVEPOINT `sp1`",
      "RELEASE \"Sp1\"                     | RELEASE     | Sp1 | RELEASE SAVEPOINT `Sp1`",
      "ROLLBACK TO SAVEPOINT sp1           | ROLLBACK_TO | sp1 | ROLLBACK TO SAVEPOINT `sp1`",
      "ROLLBACK WORK TO sp1                | ROLLBACK_TO | sp1 | ROLLBACK TO SAVEPOINT `sp1`",
      "rollback transaction to savepoint a | ROLLBACK_TO | a   | ROLLBACK TO SAVEPOINT `a`",
  })
  void savepoint_anyForm(String sql, SqlSavepoint.Action action, String name, String unparsed)
      throws SqlParseException {
    final SqlSavepoint savepoint = parse(sql, SqlSavepoint.class);

    assertThat(savepoint.action()).isEqualTo(action);
    assertThat(savepoint.name()).isEqualTo(name);
    assertThat(savepoint.toString()).isEqualTo(unparsed);
  }

  // SET TRANSACTION

  @Test
  void setTransaction_currentTransaction() throws SqlParseException {
    final SqlSetTransaction set =
        parse("SET TRANSACTION ISOLATION LEVEL READ COMMITTED", SqlSetTransaction.class);

    assertThat(set.sessionDefault()).isFalse();
    assertThat(set.isolationLevel()).isEqualTo(IsolationLevel.READ_COMMITTED);
    assertThat(set.readOnly()).isNull();
    assertThat(set.toString()).isEqualTo("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
  }

  @Test
  void setTransaction_sessionCharacteristics() throws SqlParseException {
    final SqlSetTransaction set = parse(
        "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE",
        SqlSetTransaction.class);

    assertThat(set.sessionDefault()).isTrue();
    assertThat(set.isolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
    assertThat(set.toString()).isEqualTo(
        "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SET LOCAL TRANSACTION READ ONLY, NOT DEFERRABLE",
      "set session transaction read only not deferrable"})
  void setTransaction_withScope(String sql) throws SqlParseException {
    final SqlSetTransaction set = parse(sql, SqlSetTransaction.class);

    assertThat(set.sessionDefault()).isFalse();
    assertThat(set.readOnly()).isTrue();
    assertThat(set.deferrable()).isFalse();
  }

  // SET, RESET

  @Test
  void setVariable_listOfWords() throws SqlParseException {
    final SqlSetVariable set =
        parse("SET search_path TO public, \"$user\"", SqlSetVariable.class);

    assertThat(set.name()).isEqualTo("search_path");
    assertThat(set.values()).containsExactly("public", "$user");
    assertThat(set.isLocal()).isFalse();
    assertThat(set.isReset()).isFalse();
    assertThat(set.isDefault()).isFalse();
    assertThat(set.toString()).isEqualTo("SET `search_path` TO `public`, `$user`");
  }

  @Test
  void setVariable_number() throws SqlParseException {
    final SqlSetVariable set = parse("SET extra_float_digits = 3", SqlSetVariable.class);

    assertThat(set.name()).isEqualTo("extra_float_digits");
    assertThat(set.values()).containsExactly("3");
    assertThat(set.toString()).isEqualTo("SET `extra_float_digits` TO 3");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "-1    | -1",
      "+2    | 2",
      "1.50  | 1.50",
      "-0.25 | -0.25",
      "0     | 0",
  })
  void setVariable_signedNumber(String written, String text) throws SqlParseException {
    assertThat(parse("SET x = " + written, SqlSetVariable.class).values()).containsExactly(text);
  }

  @Test
  void setVariable_string() throws SqlParseException {
    final SqlSetVariable set =
        parse("SET application_name = 'PostgreSQL JDBC Driver'", SqlSetVariable.class);

    assertThat(set.name()).isEqualTo("application_name");
    assertThat(set.values()).containsExactly("PostgreSQL JDBC Driver");
    assertThat(set.toString()).isEqualTo("SET `application_name` TO 'PostgreSQL JDBC Driver'");
  }

  @Test
  void setVariable_stringWithQuote() throws SqlParseException {
    assertThat(parse("SET application_name TO 'it''s'", SqlSetVariable.class).values())
        .containsExactly("it's");
  }

  /** Unquoted words fold to lower case, as PostgreSQL folds them; reserved ones included. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SET client_min_messages TO WARNING      | warning",
      "SET standard_conforming_strings = on    | on",
      "SET standard_conforming_strings = OFF   | off",
      "SET enable_seqscan = FALSE              | false",
      "SET enable_seqscan = true               | true",
      "SET synchronous_commit = local          | local",
      "SET log_statement = none                | none",
      "SET constraint_exclusion = partition    | partition",
      "SET bytea_output = escape               | escape",
      "SET default_transaction_isolation = serializable | serializable",
      "SET client_encoding = UTF8              | utf8",
  })
  void setVariable_word(String sql, String text) throws SqlParseException {
    assertThat(parse(sql, SqlSetVariable.class).values()).containsExactly(text);
  }

  @Test
  void setVariable_severalWords() throws SqlParseException {
    final SqlSetVariable set = parse("SET DateStyle = ISO, MDY", SqlSetVariable.class);

    assertThat(set.name()).isEqualTo("datestyle");
    assertThat(set.values()).containsExactly("iso", "mdy");
  }

  @Test
  void setVariable_quotedNameIsLowerCased() throws SqlParseException {
    assertThat(parse("SET \"DateStyle\" = 'ISO'", SqlSetVariable.class).name())
        .isEqualTo("datestyle");
  }

  @Test
  void setVariable_dottedName() throws SqlParseException {
    final SqlSetVariable set = parse("SET myapp.User_Id = 42", SqlSetVariable.class);

    assertThat(set.name()).isEqualTo("myapp.user_id");
    assertThat(set.values()).containsExactly("42");
  }

  @Test
  void setVariable_session() throws SqlParseException {
    final SqlSetVariable set = parse("SET SESSION statement_timeout = 0", SqlSetVariable.class);

    assertThat(set.name()).isEqualTo("statement_timeout");
    assertThat(set.isLocal()).isFalse();
    assertThat(set.toString()).isEqualTo("SET `statement_timeout` TO 0");
  }

  @Test
  void setVariable_local() throws SqlParseException {
    final SqlSetVariable set = parse("set local statement_timeout to '5s'", SqlSetVariable.class);

    assertThat(set.isLocal()).isTrue();
    assertThat(set.values()).containsExactly("5s");
    assertThat(set.toString()).isEqualTo("SET LOCAL `statement_timeout` TO '5s'");
  }

  @Test
  void setVariable_parameterNamedSession() throws SqlParseException {
    final SqlSetVariable set = parse("SET session = 1", SqlSetVariable.class);

    assertThat(set.name()).isEqualTo("session");
    assertThat(set.values()).containsExactly("1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SET search_path TO DEFAULT", "SET search_path = default",
      "SET SESSION search_path TO DEFAULT"})
  void setVariable_default(String sql) throws SqlParseException {
    final SqlSetVariable set = parse(sql, SqlSetVariable.class);

    assertThat(set.name()).isEqualTo("search_path");
    assertThat(set.isDefault()).isTrue();
    assertThat(set.isReset()).isFalse();
    assertThat(set.values()).isEmpty();
    assertThat(set.toString()).isEqualTo("SET `search_path` TO DEFAULT");
  }

  /** Calcite's own SET (SqlSetOption) no longer sees a plain SET; ALTER ... SET still does. */
  @Test
  void setVariable_replacesCalcitesSetOption() throws SqlParseException {
    assertThat(parse("SET a = b")).isInstanceOf(SqlSetVariable.class);
    assertThat(parse("RESET a")).isInstanceOf(SqlSetVariable.class);
    assertThat(parse("ALTER SESSION SET a = 1")).isInstanceOf(SqlSetOption.class);
    assertThat(parse("ALTER SYSTEM RESET a")).isInstanceOf(SqlSetOption.class);
  }

  @Test
  void setVariable_position() throws SqlParseException {
    assertThat(parse("SET a TO 1, 'x'").getParserPosition())
        .isEqualTo(new SqlParserPos(1, 1, 1, 15));
  }

  @Test
  void setTimeZone_string() throws SqlParseException {
    final SqlSetVariable set = parse("SET TIME ZONE 'UTC'", SqlSetVariable.class);

    assertThat(set.name()).isEqualTo("timezone");
    assertThat(set.values()).containsExactly("UTC");
    assertThat(set.isDefault()).isFalse();
    assertThat(set.toString()).isEqualTo("SET `timezone` TO 'UTC'");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SET TIME ZONE -8              | -8",
      "SET TIME ZONE 5.5             | 5.5",
      "SET TIME ZONE UTC             | utc",
      "set time zone 'Europe/Paris'  | Europe/Paris",
      "SET timezone TO 'UTC'         | UTC",
      "SET TimeZone = 'UTC'          | UTC",
  })
  void setTimeZone_value(String sql, String text) throws SqlParseException {
    final SqlSetVariable set = parse(sql, SqlSetVariable.class);

    assertThat(set.name()).isEqualTo(VariableNames.TIME_ZONE);
    assertThat(set.values()).containsExactly(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"SET TIME ZONE LOCAL", "SET TIME ZONE DEFAULT",
      "set session time zone local"})
  void setTimeZone_default(String sql) throws SqlParseException {
    final SqlSetVariable set = parse(sql, SqlSetVariable.class);

    assertThat(set.name()).isEqualTo("timezone");
    assertThat(set.isDefault()).isTrue();
    assertThat(set.isLocal()).isFalse();
  }

  @Test
  void setTimeZone_local() throws SqlParseException {
    final SqlSetVariable set = parse("SET LOCAL TIME ZONE 'UTC'", SqlSetVariable.class);

    assertThat(set.isLocal()).isTrue();
    assertThat(set.values()).containsExactly("UTC");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "RESET search_path                    | search_path           | RESET `search_path`",
      "reset DateStyle                      | datestyle             | RESET `datestyle`",
      "RESET TIME ZONE                      | timezone              | RESET `timezone`",
      "RESET TRANSACTION ISOLATION LEVEL    | transaction_isolation | "
          + "RESET `transaction_isolation`",
      "RESET SESSION AUTHORIZATION          | session_authorization | "
          + "RESET `session_authorization`",
  })
  void reset_parameter(String sql, String name, String unparsed) throws SqlParseException {
    final SqlSetVariable reset = parse(sql, SqlSetVariable.class);

    assertThat(reset.name()).isEqualTo(name);
    assertThat(reset.isReset()).isTrue();
    assertThat(reset.isDefault()).isTrue();
    assertThat(reset.isResetAll()).isFalse();
    assertThat(reset.isLocal()).isFalse();
    assertThat(reset.values()).isEmpty();
    assertThat(reset.toString()).isEqualTo(unparsed);
  }

  @Test
  void reset_all() throws SqlParseException {
    final SqlSetVariable reset = parse("RESET ALL", SqlSetVariable.class);

    assertThat(reset.name()).isEqualTo("all");
    assertThat(reset.isResetAll()).isTrue();
    assertThat(reset.toString()).isEqualTo("RESET ALL");
  }

  // SHOW, DISCARD

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SHOW search_path                  | search_path",
      "SHOW server_version               | server_version",
      "SHOW DateStyle                    | datestyle",
      "SHOW \"DateStyle\"                | datestyle",
      "SHOW TIME ZONE                    | timezone",
      "show timezone                     | timezone",
      "SHOW TRANSACTION ISOLATION LEVEL  | transaction_isolation",
      "SHOW transaction_isolation        | transaction_isolation",
      "SHOW SESSION AUTHORIZATION        | session_authorization",
      "SHOW ALL                          | all",
      "SHOW myapp.user_id                | myapp.user_id",
      "SHOW is_superuser                 | is_superuser",
      "SHOW level                        | level",
  })
  void show_name(String sql, String name) throws SqlParseException {
    final SqlShow show = parse(sql, SqlShow.class);

    assertThat(show.name()).isEqualTo(name);
    assertThat(show.isAll()).isEqualTo(name.equals("all"));
  }

  @Test
  void show_unparse() throws SqlParseException {
    assertThat(parse("SHOW TIME ZONE").toString()).isEqualTo("SHOW `timezone`");
    assertThat(parse("show all").toString()).isEqualTo("SHOW ALL");
  }

  @ParameterizedTest
  @ValueSource(strings = {"DISCARD ALL", "discard all"})
  void discard_all(String sql) throws SqlParseException {
    assertThat(parse(sql, SqlDiscard.class).toString()).isEqualTo("DISCARD ALL");
  }

  // Every statement

  @ParameterizedTest
  @ValueSource(strings = {
      "BEGIN", "START TRANSACTION READ ONLY", "COMMIT", "END", "ROLLBACK", "ABORT",
      "SAVEPOINT a", "RELEASE a", "ROLLBACK TO a",
      "SET TRANSACTION READ ONLY", "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE",
      "SET a = 1", "SET TIME ZONE 'UTC'", "RESET a", "RESET ALL", "SHOW a", "DISCARD ALL",
  })
  void anyStatement_isKindOtherOutsideDdlDmlAndQuery(String sql) throws SqlParseException {
    final SqlNode node = parse(sql);

    assertThat(node.getKind()).isEqualTo(SqlKind.OTHER);
    assertThat(node.getKind().belongsTo(SqlKind.DDL)).isFalse();
    assertThat(node.getKind().belongsTo(SqlKind.DML)).isFalse();
    assertThat(node.getKind().belongsTo(SqlKind.QUERY)).isFalse();
  }

  /** Unparsing in PostgreSQL's dialect and parsing again gives the same statement. */
  @ParameterizedTest
  @ValueSource(strings = {
      "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY DEFERRABLE",
      "START TRANSACTION ISOLATION LEVEL READ UNCOMMITTED, READ WRITE, NOT DEFERRABLE",
      "COMMIT", "ABORT", "SAVEPOINT a", "RELEASE SAVEPOINT \"A\"", "ROLLBACK TO a",
      "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE",
      "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY",
      "SET search_path TO public, \"$user\"", "SET LOCAL x.y = -1.5, 'it''s', on, true",
      "SET TIME ZONE 'UTC'", "SET TIME ZONE LOCAL", "SET a TO DEFAULT",
      "RESET TIME ZONE", "RESET ALL", "SHOW TRANSACTION ISOLATION LEVEL", "SHOW ALL",
      "DISCARD ALL",
  })
  void anyStatement_roundTripsThroughPostgresqlDialect(String sql) throws SqlParseException {
    final SqlNode node = parse(sql);
    final String unparsed = node.toSqlString(PostgresqlSqlDialect.DEFAULT).getSql();
    final SqlNode reparsed = parse(unparsed);

    assertThat(reparsed).isInstanceOf(node.getClass());
    assertThat(reparsed.toString()).isEqualTo(node.toString());
  }

  @Test
  void parseStmtList_transactionBlock() throws SqlParseException {
    final SqlNodeList statements = SqlParser.create(
            "BEGIN; INSERT INTO t VALUES (1); COMMIT", OmenParserConfig.config())
        .parseStmtList();

    assertThat(statements).hasSize(3);
    assertThat(statements.get(0)).isInstanceOf(SqlBeginTransaction.class);
    assertThat(statements.get(1)).isInstanceOf(SqlInsert.class);
    assertThat(statements.get(2)).isInstanceOf(SqlCommitTransaction.class);
  }

  @Test
  void parseStmtList_everyStatement() throws SqlParseException {
    final SqlNodeList statements = SqlParser.create(
            "SET application_name = 'psql';\n"
                + "SHOW search_path;\n"
                + "START TRANSACTION ISOLATION LEVEL SERIALIZABLE;\n"
                + "SET LOCAL statement_timeout TO 0;\n"
                + "SAVEPOINT s;\n"
                + "SELECT 1;\n"
                + "ROLLBACK TO SAVEPOINT s;\n"
                + "END;\n"
                + "BEGIN READ ONLY;\n"
                + "ABORT;\n"
                + "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY;\n"
                + "RESET ALL;\n"
                + "DISCARD ALL;",
            OmenParserConfig.config())
        .parseStmtList();

    assertThat(statements).extracting(SqlNode::getClass).containsExactly(
        SqlSetVariable.class, SqlShow.class, SqlBeginTransaction.class, SqlSetVariable.class,
        SqlSavepoint.class, SqlSelect.class, SqlSavepoint.class, SqlCommitTransaction.class,
        SqlBeginTransaction.class, SqlRollbackTransaction.class, SqlSetTransaction.class,
        SqlSetVariable.class, SqlDiscard.class);
    assertThat(statements.get(7).getParserPosition().getLineNum()).isEqualTo(8);
  }

  // Errors

  @ParameterizedTest
  @ValueSource(strings = {
      "BEGIN READ", "BEGIN ISOLATION LEVEL", "BEGIN ISOLATION LEVEL READ",
      "BEGIN READ ONLY,", "BEGIN WORK TRANSACTION", "START", "START WORK",
      "COMMIT AND CHAIN", "COMMIT PREPARED 'x'", "ROLLBACK TO", "ABORT TO SAVEPOINT a",
      "SAVEPOINT", "RELEASE",
      "SET TRANSACTION", "SET TRANSACTION SNAPSHOT 'x'",
      "SET SESSION CHARACTERISTICS AS TRANSACTION",
      "SET", "SET a", "SET a TO", "SET a TO b,", "SET a = (1)", "SET a = 1 + 2",
      "SET a TO DEFAULT, 1", "SET a TO NULL", "SET a = select", "SET LOCAL", "SET a.* = 1",
      "SET TIME ZONE", "SET TIME ZONE 'UTC', 'GMT'", "SET TIME ZONE INTERVAL '1' HOUR",
      "SET SESSION AUTHORIZATION alice",
      "SET LOCAL SESSION CHARACTERISTICS AS TRANSACTION READ ONLY",
      "RESET", "RESET a = 1", "SHOW", "SHOW TIME", "SHOW a b", "DISCARD", "DISCARD ALL ALL",
  })
  void invalidStatement_isParseError(String sql) {
    assertThatThrownBy(() -> parse(sql)).isInstanceOf(SqlParseException.class);
  }

  @ParameterizedTest
  @CsvSource({"DISCARD PLANS, PLANS", "discard sequences, SEQUENCES", "DISCARD TEMP, TEMP",
      "DISCARD TEMPORARY, TEMPORARY"})
  void discard_otherTargetsAreNotSupported(String sql, String target) {
    assertThatThrownBy(() -> parse(sql))
        .isInstanceOfSatisfying(SqlParseException.class, e ->
            assertThat(e.getPos()).isEqualTo(new SqlParserPos(1, 1, 1, sql.length())))
        .hasMessage("DISCARD " + target + " is not supported; only DISCARD ALL is");
  }

  @Test
  void invalidStatement_reportsPosition() {
    assertThatThrownBy(() -> parse("BEGIN ISOLATION LEVEL READ ONLY"))
        .isInstanceOfSatisfying(SqlParseException.class, e ->
            assertThat(e.getPos()).isEqualTo(new SqlParserPos(1, 28, 1, 31)));
  }
}
