<#--
  OmenDB grammar extensions, spliced into Calcite's Parser.jj by FMPP.
  Registered in ../config.fmpp (statementParserMethods,
  createStatementParserMethods, dropStatementParserMethods,
  dataTypeParserMethods).

  Productions here only recognise syntax; checks that need the whole
  statement or know which words are valid (duplicate columns, primary key
  rules, EXPLAIN options, index access methods) live in the Java helpers
  (TableElements, ExplainOptions, SqlCreateIndex) so they can be unit-tested
  and keep one error vocabulary, OmenParserResource.
-->

/**
 * Parses the rest of {@code CREATE TABLE [IF NOT EXISTS] name (element, ...)}
 * after {@code CREATE}; an element is a column definition or a table-level
 * primary key.
 */
SqlCreate OmenCreateTable(Span s, boolean replace) :
{
    boolean ifNotExists = false;
    final SqlIdentifier name;
    final TableElements elements;
}
{
    <TABLE> {
        if (replace) {
            throw SqlUtil.newContextException(s.end(this),
                OmenParserResource.INSTANCE.createOrReplaceTableNotSupported());
        }
    }
    [
        LOOKAHEAD(3)
        <IF> <NOT> <EXISTS> { ifNotExists = true; }
    ]
    name = CompoundIdentifier() {
        elements = TableElements.create(name);
    }
    <LPAREN>
    OmenTableElement(elements)
    (
        <COMMA> OmenTableElement(elements)
    )*
    <RPAREN>
    {
        return SqlDdlNodes.createTable(s.end(this), false, ifNotExists, name,
            elements.toNodeList(), null);
    }
}

/** Parses one element of a CREATE TABLE list. */
void OmenTableElement(TableElements elements) :
{
}
{
    (
        OmenColumnDefinition(elements)
    |
        OmenTablePrimaryKey(elements)
    )
}

/**
 * Parses {@code name type [NOT NULL | NULL] [DEFAULT expr]
 * [[CONSTRAINT name] PRIMARY KEY]}; the constraints may come in any order,
 * as in PostgreSQL.
 */
void OmenColumnDefinition(TableElements elements) :
{
    final SqlIdentifier name;
    SqlDataTypeSpec type;
    final TableElements.Column column;
    Span s;
    SqlNode defaultExpr;
    SqlIdentifier constraintName = null;
    SqlIntervalQualifier intervalFields = null;
}
{
    name = SimpleIdentifier()
    (
        <INTERVAL> { s = span(); }
        [ intervalFields = IntervalQualifier() ]
        { type = PgIntervalColumnType.spec(intervalFields, s.end(this)); }
    |
        type = DataType()
    )
    {
        column = elements.addColumn(name, type);
    }
    (
        <NOT> { s = span(); } <NULL> {
            column.setNullable(s.end(this), false);
        }
    |
        <NULL> {
            column.setNullable(getPos(), true);
        }
    |
        <DEFAULT_> defaultExpr = Expression(ExprContext.ACCEPT_NON_QUERY) {
            column.setDefault(defaultExpr);
        }
    |
        LOOKAHEAD(3)
        OmenColumnPrimaryKey(column)
    |
        OmenIdentityColumn(column)
    |
        [ <CONSTRAINT> constraintName = SimpleIdentifier() ]
        <UNIQUE> {
            elements.addUnique(getPos(), constraintName,
                new SqlNodeList(java.util.Collections.<SqlNode>singletonList(name), name.getParserPosition()));
            constraintName = null;
        }
    )*
}

/** Parses an inline {@code [CONSTRAINT name] PRIMARY KEY}. */
void OmenColumnPrimaryKey(TableElements.Column column) :
{
    final Span s = Span.of();
    SqlIdentifier constraintName = null;
}
{
    [
        <CONSTRAINT> { s.add(this); }
        constraintName = SimpleIdentifier()
    ]
    <PRIMARY> { s.add(this); } <KEY> {
        column.setPrimaryKey(s.end(this), constraintName);
    }
}

/** Parses a table-level {@code [CONSTRAINT name] PRIMARY KEY (c1, ...)}. */
void OmenTablePrimaryKey(TableElements elements) :
{
    final Span s = Span.of();
    SqlIdentifier constraintName = null;
    final SqlNodeList columns;
}
{
    [
        <CONSTRAINT> { s.add(this); }
        constraintName = SimpleIdentifier()
    ]
    (
        <PRIMARY> { s.add(this); } <KEY>
        columns = ParenthesizedSimpleIdentifierList() {
            elements.addPrimaryKey(s.end(this), constraintName, columns);
        }
    |
        <UNIQUE> { s.add(this); }
        columns = ParenthesizedSimpleIdentifierList() {
            elements.addUnique(s.end(this), constraintName, columns);
        }
    )
}

/** Parses the rest of {@code DROP TABLE [IF EXISTS] name} after {@code DROP}. */
SqlDrop OmenDropTable(Span s, boolean replace) :
{
    boolean ifExists = false;
    final SqlIdentifier name;
}
{
    <TABLE>
    [
        LOOKAHEAD(2)
        <IF> <EXISTS> { ifExists = true; }
    ]
    name = CompoundIdentifier()
    (
        <CASCADE> {
            return new SqlDropTableCascade(s.end(this), ifExists, name);
        }
    |
        [ <RESTRICT> ] {
            return SqlDdlNodes.dropTable(s.end(this), ifExists, name);
        }
    )
}

/**
 * Parses the rest of {@code CREATE [UNIQUE] INDEX [[IF NOT EXISTS] name] ON table
 * [USING btree] (column [ASC | DESC] [NULLS {FIRST | LAST}], ...)} after
 * {@code CREATE}. As in PostgreSQL the name may be left out, but not after
 * IF NOT EXISTS; ON is reserved, so "CREATE INDEX ON t" cannot be read as an
 * index named "on".
 */
SqlCreate OmenCreateIndex(Span s, boolean replace) :
{
    boolean unique = false;
    boolean ifNotExists = false;
    SqlIdentifier name = null;
    final SqlIdentifier table;
    final SqlIdentifier method;
    final Span columnSpan;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
}
{
    [ <UNIQUE> { unique = true; } ]
    <INDEX> {
        if (replace) {
            throw SqlUtil.newContextException(s.end(this),
                OmenParserResource.INSTANCE.createOrReplaceIndexNotSupported());
        }
    }
    [
        LOOKAHEAD(3)
        <IF> <NOT> <EXISTS> { ifNotExists = true; }
        name = SimpleIdentifier()
    |
        name = SimpleIdentifier()
    ]
    <ON> table = CompoundIdentifier()
    [
        <USING> method = SimpleIdentifier() {
            SqlCreateIndex.checkAccessMethod(method);
        }
    ]
    <LPAREN> { columnSpan = span(); }
    OmenIndexColumn(columns)
    (
        <COMMA> OmenIndexColumn(columns)
    )*
    <RPAREN>
    {
        return SqlCreateIndex.create(s.end(this), unique, ifNotExists, name, table,
            new SqlNodeList(columns, columnSpan.end(this)));
    }
}

/**
 * Parses one key column of CREATE INDEX, {@code column [ASC | DESC]
 * [NULLS {FIRST | LAST}]}, into the nodes an ORDER BY item would give: the
 * identifier, wrapped in DESC and then in NULLS FIRST or NULLS LAST if written.
 */
void OmenIndexColumn(List<SqlNode> columns) :
{
    SqlNode column;
    final Span s;
}
{
    column = SimpleIdentifier() { s = span(); }
    [
        <ASC>
    |
        <DESC> {
            column = SqlStdOperatorTable.DESC.createCall(s.end(this), column);
        }
    ]
    [
        LOOKAHEAD(2)
        <NULLS> <FIRST> {
            column = SqlStdOperatorTable.NULLS_FIRST.createCall(s.end(this), column);
        }
    |
        <NULLS> <LAST> {
            column = SqlStdOperatorTable.NULLS_LAST.createCall(s.end(this), column);
        }
    ]
    {
        columns.add(column);
    }
}

/**
 * Parses the rest of {@code DROP INDEX [IF EXISTS] name [, ...]
 * [CASCADE | RESTRICT]} after {@code DROP}.
 */
SqlDrop OmenDropIndex(Span s, boolean replace) :
{
    boolean ifExists = false;
    SqlIdentifier name;
    final List<SqlNode> names = new ArrayList<SqlNode>();
    boolean cascade = false;
}
{
    <INDEX>
    [
        LOOKAHEAD(2)
        <IF> <EXISTS> { ifExists = true; }
    ]
    name = CompoundIdentifier() { names.add(name); }
    (
        <COMMA> name = CompoundIdentifier() { names.add(name); }
    )*
    [
        <CASCADE> { cascade = true; }
    |
        <RESTRICT>
    ]
    {
        return SqlDropIndex.create(s.end(this), ifExists,
            new SqlNodeList(names, SqlParserPos.sum(names)), cascade);
    }
}

/**
 * Parses the rest of {@code CREATE SEQUENCE [IF NOT EXISTS] name [option ...]}
 * after {@code CREATE}; see OmenSequenceOption.
 */
SqlCreate OmenCreateSequence(Span s, boolean replace) :
{
    boolean ifNotExists = false;
    final SqlIdentifier name;
    final SequenceOptions options = new SequenceOptions();
}
{
    <SEQUENCE> {
        if (replace) {
            throw SqlUtil.newContextException(s.end(this),
                ObjectParserResource.INSTANCE.createOrReplaceSequenceNotSupported());
        }
    }
    [
        LOOKAHEAD(3)
        <IF> <NOT> <EXISTS> { ifNotExists = true; }
    ]
    name = CompoundIdentifier()
    ( OmenSequenceOption(options) )*
    {
        return new SqlCreateSequence(s.end(this), ifNotExists, name, options);
    }
}

/** Parses {@code ALTER SEQUENCE [IF EXISTS] name option ...}. */
SqlNode OmenAlterSequence() :
{
    final Span s;
    boolean ifExists = false;
    final SqlIdentifier name;
    final SequenceOptions options = new SequenceOptions();
}
{
    <ALTER> { s = span(); } <SEQUENCE>
    [
        LOOKAHEAD(2)
        <IF> <EXISTS> { ifExists = true; }
    ]
    name = CompoundIdentifier()
    ( OmenSequenceOption(options) )+
    {
        return new SqlAlterSequence(s.end(this), ifExists, name, options);
    }
}

/**
 * Parses one sequence option: {@code AS type}, {@code INCREMENT [BY] n},
 * {@code MINVALUE n | NO MINVALUE}, {@code MAXVALUE n | NO MAXVALUE},
 * {@code START [WITH] n}, {@code RESTART [[WITH] n]}, {@code CACHE n},
 * {@code [NO] CYCLE} or {@code OWNED BY table.column | NONE}.
 */
void OmenSequenceOption(SequenceOptions options) :
{
    final SqlDataTypeSpec type;
    long n;
    final SqlIdentifier owner;
}
{
    <AS> type = DataType() { options.type(type); }
|
    <INCREMENT> [ <BY> ] n = OmenSignedLong() { options.increment(n); }
|
    <MINVALUE> n = OmenSignedLong() { options.minValue(n); }
|
    <MAXVALUE> n = OmenSignedLong() { options.maxValue(n); }
|
    <NO> (
        <MINVALUE> { options.minValue(null); }
    |
        <MAXVALUE> { options.maxValue(null); }
    |
        <CYCLE> { options.cycle(false); }
    )
|
    <START> [ <WITH> ] n = OmenSignedLong() { options.start(n); }
|
    <RESTART> (
        [ <WITH> ] n = OmenSignedLong() { options.restart(n); }
    |
        { options.restart(null); }
    )
|
    <CACHE> n = OmenSignedLong() { options.cache(n); }
|
    <CYCLE> { options.cycle(true); }
|
    <OWNED> <BY> (
        <NONE> { options.ownedBy(null); }
    |
        owner = CompoundIdentifier() { options.ownedBy(owner); }
    )
}

/** Parses an optionally signed integer literal as a long. */
long OmenSignedLong() :
{
    boolean negative = false;
}
{
    [
        <MINUS> { negative = true; }
    |
        <PLUS>
    ]
    <UNSIGNED_INTEGER_LITERAL> {
        return SequenceOptions.parseLong(token.image, negative, getPos());
    }
}

/**
 * Parses {@code GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(option ...)]}
 * on a column definition.
 */
void OmenIdentityColumn(TableElements.Column column) :
{
    final Span s;
    final boolean always;
    final SequenceOptions options = new SequenceOptions();
}
{
    <GENERATED> { s = span(); }
    (
        <ALWAYS> { always = true; }
    |
        <BY> <DEFAULT_> { always = false; }
    )
    <AS> <IDENTITY>
    [
        <LPAREN> ( OmenSequenceOption(options) )+ <RPAREN>
    ]
    {
        column.setIdentity(new SqlIdentitySpec(s.end(this), always, options));
    }
}

/**
 * Parses the rest of {@code CREATE [OR REPLACE] VIEW name [(column, ...)] AS
 * query} after {@code CREATE}. The query's text, rebuilt from its tokens, is
 * kept to be parsed again whenever the view is used.
 */
SqlCreate OmenCreateView(Span s, boolean replace) :
{
    final SqlIdentifier name;
    SqlNodeList columns = null;
    final Token first;
    final SqlNode query;
}
{
    <VIEW> name = CompoundIdentifier()
    [
        columns = ParenthesizedSimpleIdentifierList()
    ]
    <AS> { first = getToken(1); }
    query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return new SqlCreatePgView(s.end(this), replace, name, columns, query,
            SqlCreatePgView.text(first, token));
    }
}

/**
 * Parses the rest of {@code DROP SEQUENCE | VIEW [IF EXISTS] name [, ...]
 * [CASCADE | RESTRICT]} after {@code DROP}.
 */
SqlDrop OmenDropSequenceOrView(Span s, boolean replace) :
{
    final SqlKind kind;
    boolean ifExists = false;
    SqlIdentifier name;
    final List<SqlNode> names = new ArrayList<SqlNode>();
    boolean cascade = false;
}
{
    (
        <SEQUENCE> { kind = SqlKind.DROP_SEQUENCE; }
    |
        <VIEW> { kind = SqlKind.DROP_VIEW; }
    )
    [
        LOOKAHEAD(2)
        <IF> <EXISTS> { ifExists = true; }
    ]
    name = CompoundIdentifier() { names.add(name); }
    (
        <COMMA> name = CompoundIdentifier() { names.add(name); }
    )*
    [
        <CASCADE> { cascade = true; }
    |
        <RESTRICT>
    ]
    {
        return new SqlDropObjects(s.end(this), kind, ifExists,
            new SqlNodeList(names, SqlParserPos.sum(names)), cascade);
    }
}

/**
 * Parses a PostgreSQL type name that is not SQL-standard (TEXT, INT4, BOOL,
 * ...) into the Calcite type it stands for; see PgTypeAliases.
 */
SqlTypeNameSpec PgTypeName() :
{
}
{
    (
        <BOOL>
    |   <BYTEA>
    |   <FLOAT4>
    |   <FLOAT8>
    |   <INT2>
    |   <INT4>
    |   <INT8>
    |   <TEXT>
    |   <TIMESTAMPTZ>
    )
    {
        return PgTypeAliases.typeNameSpec(token.image, getPos());
    }
|
    ( <JSON> | <JSONB> )
    {
        return PgTypeNameSpec.of(token.image, getPos()).orElseThrow();
    }
}

<#--
  PostgreSQL's infix syntax, listed in extraBinaryExpressions: Expression2()
  tries each after an operand. PgInfixCast turns "x::type" into a CAST or,
  for the reg* and oid types, a catalog lookup function; see its Javadoc.
-->

/** Parses {@code :: type}, where type may be schema-qualified and end in {@code []}. */
void OmenInfixCast(List<Object> list, ExprContext exprContext, Span s) :
{
    SqlDataTypeSpec type;
}
{
    <INFIX_CAST> {
        checkNonQueryExpression(exprContext);
        s.clear().add(this);
    }
    (
        <INTERVAL> { type = PgInfixCast.intervalType(getPos()); }
    |
        type = DataType()
        (
            <LBRACKET> <RBRACKET> {
                type = PgInfixCast.arrayOf(type, getPos());
            }
        )*
    )
    {
        list.add(new SqlParserUtil.ToTreeListItem(PgInfixCast.INSTANCE, s.pos()));
        list.add(type);
    }
}

/** Parses {@code OPERATOR([schema.]op) operand}. */
void OmenOperatorCall(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlOperator op;
}
{
    <OPERATOR> {
        checkNonQueryExpression(exprContext);
        s.clear().add(this);
    }
    <LPAREN>
    [
        LOOKAHEAD(2)
        SimpleIdentifier() <DOT>
    ]
    op = OmenOperatorSymbol()
    <RPAREN> {
        list.add(new SqlParserUtil.ToTreeListItem(op, s.pos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

/** Parses the operator named inside {@code OPERATOR(...)}. */
SqlOperator OmenOperatorSymbol() :
{
    final SqlOperator op;
}
{
    op = OmenRegexOperator() { return op; }
|   <EQ> { return SqlStdOperatorTable.EQUALS; }
|   <NE> { return SqlStdOperatorTable.NOT_EQUALS; }
|   <NE2> { return SqlStdOperatorTable.NOT_EQUALS; }
|   <LT> { return SqlStdOperatorTable.LESS_THAN; }
|   <LE> { return SqlStdOperatorTable.LESS_THAN_OR_EQUAL; }
|   <GT> { return SqlStdOperatorTable.GREATER_THAN; }
|   <GE> { return SqlStdOperatorTable.GREATER_THAN_OR_EQUAL; }
|   <PLUS> { return SqlStdOperatorTable.PLUS; }
|   <MINUS> { return SqlStdOperatorTable.MINUS; }
|   <STAR> { return SqlStdOperatorTable.MULTIPLY; }
|   <SLASH> { return SqlStdOperatorTable.DIVIDE; }
|   <CONCAT> { return SqlStdOperatorTable.CONCAT; }
}

/** Parses {@code ~ operand}, {@code ~* operand}, {@code !~ operand} or {@code !~* operand}. */
void OmenRegexMatch(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlOperator op;
}
{
    {
        checkNonQueryExpression(exprContext);
        s.clear().add(this);
    }
    op = OmenRegexOperator() {
        list.add(new SqlParserUtil.ToTreeListItem(op, s.pos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

/** Parses one of PostgreSQL's four regular-expression match operators. */
SqlOperator OmenRegexOperator() :
{
}
{
    <NEGATE> <TILDE> (
        <STAR> { return PgRegexMatch.NOT_MATCH_INSENSITIVE; }
    |
        { return PgRegexMatch.NOT_MATCH; }
    )
|
    <TILDE> (
        <STAR> { return PgRegexMatch.MATCH_INSENSITIVE; }
    |
        { return PgRegexMatch.MATCH; }
    )
}

/**
 * Parses {@code COLLATE name} after an operand and drops it: strings compare
 * by code point, which is PostgreSQL's "C" collation, the only one we have.
 */
void OmenCollate(List<Object> list, ExprContext exprContext, Span s) :
{
}
{
    <COLLATE> {
        checkNonQueryExpression(exprContext);
    }
    [
        LOOKAHEAD(2)
        SimpleIdentifier() <DOT>
    ]
    (
        <DEFAULT_>
    |
        SimpleIdentifier()
    )
}

<#--
  Session and transaction-control statements. Each production below is listed
  in statementParserMethods, which the template's SqlStmt() tries, with
  LOOKAHEAD(2), before any of its own statements. OmenSet() and OmenReset()
  accept every statement that starts with SET or RESET, so Calcite's
  SqlSetOption production is only reached through ALTER SYSTEM/SESSION SET.
-->

/**
 * Parses {@code BEGIN [WORK | TRANSACTION] [mode [, ...]]} or
 * {@code START TRANSACTION [mode [, ...]]}.
 */
SqlNode OmenBegin() :
{
    final Span s;
    final boolean start;
    TransactionModes modes = TransactionModes.none();
}
{
    (
        <BEGIN> { s = span(); start = false; }
        [ <WORK> | <TRANSACTION> ]
    |
        <START> { s = span(); start = true; }
        <TRANSACTION>
    )
    [ modes = OmenTransactionModeList() ]
    {
        return SqlBeginTransaction.create(s.end(this), modes, start);
    }
}

/**
 * Parses one or more transaction modes, separated by commas or, as
 * PostgreSQL also allows, by white space only.
 */
TransactionModes OmenTransactionModeList() :
{
    TransactionModes modes = TransactionModes.none();
}
{
    modes = OmenTransactionMode(modes)
    (
        [ <COMMA> ]
        modes = OmenTransactionMode(modes)
    )*
    {
        return modes;
    }
}

/**
 * Parses {@code ISOLATION LEVEL level}, {@code READ WRITE}, {@code READ ONLY}
 * or {@code [NOT] DEFERRABLE}, and returns {@code modes} with it applied.
 */
TransactionModes OmenTransactionMode(TransactionModes modes) :
{
}
{
    <ISOLATION> <LEVEL>
    (
        <SERIALIZABLE> {
            return modes.withIsolationLevel(IsolationLevel.SERIALIZABLE);
        }
    |
        <REPEATABLE> <READ> {
            return modes.withIsolationLevel(IsolationLevel.REPEATABLE_READ);
        }
    |
        LOOKAHEAD(2)
        <READ> <COMMITTED> {
            return modes.withIsolationLevel(IsolationLevel.READ_COMMITTED);
        }
    |
        <READ> <UNCOMMITTED> {
            return modes.withIsolationLevel(IsolationLevel.READ_UNCOMMITTED);
        }
    )
|
    LOOKAHEAD(2)
    <READ> <WRITE> {
        return modes.withReadOnly(false);
    }
|
    <READ> <ONLY> {
        return modes.withReadOnly(true);
    }
|
    <DEFERRABLE> {
        return modes.withDeferrable(true);
    }
|
    <NOT> <DEFERRABLE> {
        return modes.withDeferrable(false);
    }
}

/** Parses {@code COMMIT [WORK | TRANSACTION]} or {@code END [WORK | TRANSACTION]}. */
SqlNode OmenCommit() :
{
    final Span s;
}
{
    ( <COMMIT> | <END> ) { s = span(); }
    [ <WORK> | <TRANSACTION> ]
    {
        return SqlCommitTransaction.create(s.end(this));
    }
}

/**
 * Parses {@code ROLLBACK [WORK | TRANSACTION]},
 * {@code ABORT [WORK | TRANSACTION]} or
 * {@code ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] name}.
 */
SqlNode OmenRollback() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <ABORT> { s = span(); }
    [ <WORK> | <TRANSACTION> ]
    {
        return SqlRollbackTransaction.create(s.end(this));
    }
|
    <ROLLBACK> { s = span(); }
    [ <WORK> | <TRANSACTION> ]
    [
        <TO> [ <SAVEPOINT> ]
        name = SimpleIdentifier() {
            return SqlSavepoint.create(s.end(this),
                SqlSavepoint.Action.ROLLBACK_TO, name);
        }
    ]
    {
        return SqlRollbackTransaction.create(s.end(this));
    }
}

/** Parses {@code SAVEPOINT name} or {@code RELEASE [SAVEPOINT] name}. */
SqlNode OmenSavepoint() :
{
    final Span s;
    final SqlSavepoint.Action action;
    final SqlIdentifier name;
}
{
    (
        <SAVEPOINT> { s = span(); action = SqlSavepoint.Action.DEFINE; }
    |
        <RELEASE> { s = span(); action = SqlSavepoint.Action.RELEASE; }
        [ <SAVEPOINT> ]
    )
    name = SimpleIdentifier() {
        return SqlSavepoint.create(s.end(this), action, name);
    }
}

/**
 * Parses PostgreSQL's SET statements:
 * {@code SET [SESSION | LOCAL] name {TO | =} {value [, ...] | DEFAULT}},
 * {@code SET [SESSION | LOCAL] TIME ZONE {value | LOCAL | DEFAULT}},
 * {@code SET [SESSION | LOCAL] TRANSACTION mode [, ...]} and
 * {@code SET SESSION CHARACTERISTICS AS TRANSACTION mode [, ...]}.
 * SESSION is the default scope, so it is not recorded.
 */
SqlNode OmenSet() :
{
    final Span s;
    final Span zone;
    boolean local = false;
    final TransactionModes modes;
    final SqlIdentifier name;
    SqlNode value;
    final List<SqlNode> values = new ArrayList<SqlNode>();
}
{
    <SET> { s = span(); }
    (
        LOOKAHEAD(2)
        <SESSION> <CHARACTERISTICS> <AS> <TRANSACTION>
        modes = OmenTransactionModeList() {
            return SqlSetTransaction.create(s.end(this), modes, true);
        }
    |
        [
            <LOCAL> { local = true; }
        |
            // SESSION is non-reserved: "SET session = 1" names a parameter.
            LOOKAHEAD({ getToken(1).kind == SESSION && getToken(2).kind != EQ
                && getToken(2).kind != TO && getToken(2).kind != DOT })
            <SESSION>
        ]
        (
            LOOKAHEAD(2)
            <TRANSACTION>
            modes = OmenTransactionModeList() {
                return SqlSetTransaction.create(s.end(this), modes, false);
            }
        |
            <TIME> { zone = span(); } <ZONE> {
                name = VariableNames.of(VariableNames.TIME_ZONE, zone.end(this));
            }
            (
                ( <DEFAULT_> | <LOCAL> ) {
                    return SqlSetVariable.setDefault(s.end(this), name, local);
                }
            |
                value = OmenTimeZoneValue() {
                    return SqlSetVariable.set(s.end(this), name,
                        new SqlNodeList(List.of(value), value.getParserPosition()),
                        local);
                }
            )
        |
            name = OmenVariableName()
            ( <TO> | <EQ> )
            (
                <DEFAULT_> {
                    return SqlSetVariable.setDefault(s.end(this), name, local);
                }
            |
                value = OmenSetValue() { values.add(value); }
                (
                    <COMMA> value = OmenSetValue() { values.add(value); }
                )*
                {
                    return SqlSetVariable.set(s.end(this), name,
                        new SqlNodeList(values, SqlParserPos.sum(values)), local);
                }
            )
        )
    )
}

/**
 * Parses one value of a SET list or of an EXPLAIN option: a string, a signed
 * number, or a word (an identifier, or one of the reserved words PostgreSQL
 * lets users write unquoted there, such as ON, LOCAL or NONE), which becomes
 * an identifier.
 */
SqlNode OmenSetValue() :
{
    final SqlNode value;
}
{
    (
        value = OmenStringValue()
    |
        value = NumericLiteral()
    |
        value = SimpleIdentifier()
    |
        (
            <ON> | <TRUE> | <FALSE> | <LOCAL> | <NONE> | <PARTITION>
        |   <ESCAPE> | <SQL>
        )
        {
            value = new SqlIdentifier(token.image.toLowerCase(Locale.ROOT), getPos());
        }
    )
    {
        return value;
    }
}

/**
 * Parses the value of SET TIME ZONE: a string, a signed number of hours, or
 * a word. PostgreSQL's INTERVAL form is not accepted.
 */
SqlNode OmenTimeZoneValue() :
{
    final SqlNode value;
}
{
    (
        value = OmenStringValue()
    |
        value = NumericLiteral()
    |
        value = SimpleIdentifier()
    )
    {
        return value;
    }
}

/** Parses a plain character string literal. */
SqlNode OmenStringValue() :
{
    final String value;
}
{
    value = SimpleStringLiteral() {
        return SqlLiteral.createCharString(value, getPos());
    }
}

/**
 * Parses a run-time parameter name, {@code name[.name]...}, into the lower
 * case identifier VariableNames describes.
 */
SqlIdentifier OmenVariableName() :
{
    final List<String> parts = new ArrayList<String>();
    SqlIdentifier part;
    final Span s;
}
{
    part = SimpleIdentifier() {
        s = span();
        parts.add(part.getSimple());
    }
    (
        <DOT> part = SimpleIdentifier() {
            parts.add(part.getSimple());
        }
    )*
    {
        return VariableNames.of(parts, s.end(this));
    }
}

/**
 * Parses what SHOW and RESET name: a parameter, {@code TIME ZONE},
 * {@code TRANSACTION ISOLATION LEVEL}, {@code SESSION AUTHORIZATION} or
 * {@code ALL}.
 */
SqlIdentifier OmenShowName() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <ALL> {
        return VariableNames.of(VariableNames.ALL, getPos());
    }
|
    <TIME> { s = span(); } <ZONE> {
        return VariableNames.of(VariableNames.TIME_ZONE, s.end(this));
    }
|
    LOOKAHEAD(3)
    <TRANSACTION> { s = span(); } <ISOLATION> <LEVEL> {
        return VariableNames.of(VariableNames.TRANSACTION_ISOLATION, s.end(this));
    }
|
    LOOKAHEAD(2)
    <SESSION> { s = span(); } <AUTHORIZATION> {
        return VariableNames.of(VariableNames.SESSION_AUTHORIZATION, s.end(this));
    }
|
    name = OmenVariableName() {
        return name;
    }
}

/** Parses {@code SHOW name}; see OmenShowName. */
SqlNode OmenShow() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <SHOW> { s = span(); }
    name = OmenShowName() {
        return SqlShow.create(s.end(this), name);
    }
}

/** Parses {@code RESET name} or {@code RESET ALL}; see OmenShowName. */
SqlNode OmenReset() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <RESET> { s = span(); }
    name = OmenShowName() {
        return SqlSetVariable.reset(s.end(this), name);
    }
}

/**
 * Parses {@code DISCARD ALL}. PostgreSQL's narrower forms (PLANS, SEQUENCES,
 * TEMP) are rejected by name rather than left to fall through to the
 * expression grammar, whose message would not say what is wrong.
 */
SqlNode OmenDiscard() :
{
    final Span s;
    final SqlIdentifier target;
}
{
    <DISCARD> { s = span(); }
    (
        <ALL> {
            return SqlDiscard.create(s.end(this));
        }
    |
        target = SimpleIdentifier() {
            throw SqlUtil.newContextException(s.end(this),
                OmenParserResource.INSTANCE.discardNotSupported(
                    target.getSimple().toUpperCase(Locale.ROOT)));
        }
    )
}

<#--
  PostgreSQL's EXPLAIN, listed in statementParserMethods. Calcite's own
  EXPLAIN PLAN [...] FOR statement is left to the template's SqlExplain().
-->

/**
 * Parses {@code EXPLAIN [ANALYZE] [VERBOSE] statement} or
 * {@code EXPLAIN (option [value] [, ...]) statement}, where the statement is a
 * query or an INSERT, UPDATE, DELETE or MERGE; see ExplainOptions for the
 * options.
 *
 * <p>ANALYZE and VERBOSE are non-reserved, so each alternative that starts
 * with one of them could also be a statement that starts with an identifier;
 * no such statement is explainable, so the words are always read as options.
 * A parenthesis opens the option list only when a word follows it:
 * "EXPLAIN (SELECT 1)" explains a parenthesized query.
 */
SqlNode OmenExplain() :
{
    final Span s;
    ExplainOptions options = ExplainOptions.none();
    final SqlNode statement;
}
{
    <EXPLAIN> { s = span(); }
    (
        LOOKAHEAD(2)
        <LPAREN>
        options = OmenExplainOption(options)
        (
            <COMMA> options = OmenExplainOption(options)
        )*
        <RPAREN> {
            options = options.validate(s.end(this));
        }
        statement = SqlQueryOrDml()
    |
        LOOKAHEAD(1)
        <ANALYZE> { options = options.withAnalyze(true); }
        [
            LOOKAHEAD(1)
            <VERBOSE> { options = options.withVerbose(true); }
        ]
        statement = SqlQueryOrDml()
    |
        LOOKAHEAD(1)
        <VERBOSE> { options = options.withVerbose(true); }
        statement = SqlQueryOrDml()
    |
        // PLAN is non-reserved: without this check the two-token lookahead
        // SqlStmt() applies to this production would read "EXPLAIN PLAN" as
        // the start of an explained expression and never reach SqlExplain().
        LOOKAHEAD({ getToken(1).kind != PLAN })
        statement = SqlQueryOrDml()
    )
    {
        return SqlPgExplain.create(s.end(this), statement, options);
    }
}

/**
 * Parses one {@code name [value]} of an EXPLAIN option list and returns
 * {@code options} with it applied; ExplainOptions checks the name and value.
 */
ExplainOptions OmenExplainOption(ExplainOptions options) :
{
    final SqlIdentifier name;
    SqlNode value = null;
}
{
    name = SimpleIdentifier()
    [ value = OmenSetValue() ]
    {
        return options.with(name, value);
    }
}

<#--
  Users, roles and privileges. CREATE and DROP USER | ROLE are reached through
  createStatementParserMethods and dropStatementParserMethods; ALTER USER |
  ROLE, GRANT and REVOKE through statementParserMethods. The nodes
  (SqlCreateRole, SqlAlterRole, SqlDropRole, SqlGrantRole, SqlGrantPrivileges)
  never print a password: RoleOptions masks it.
-->

/**
 * Parses the rest of {@code CREATE USER | ROLE name [[WITH] option ...]}
 * after {@code CREATE}.
 */
SqlCreate OmenCreateRole(Span s, boolean replace) :
{
    final boolean user;
    final SqlIdentifier name;
    final RoleOptions options = new RoleOptions();
}
{
    (
        <USER> { user = true; }
    |
        <ROLE> { user = false; }
    )
    {
        if (replace) {
            throw SqlUtil.newContextException(s.end(this),
                OmenParserResource.INSTANCE.createOrReplaceRoleNotSupported());
        }
    }
    name = SimpleIdentifier()
    [ <WITH> ]
    ( OmenRoleOption(options) )*
    {
        return SqlCreateRole.create(s.end(this), user, name, options);
    }
}

/** Parses one option of CREATE or ALTER USER | ROLE into {@code options}. */
void OmenRoleOption(RoleOptions options) :
{
    SqlNode literal;
    boolean negative = false;
    final SqlParserPos pos;
}
{
    { pos = getPos(); }
    (
        <PASSWORD>
        (
            literal = StringLiteral() { options.password(literal, pos); }
        |
            <NULL> { options.password(null, pos); }
        )
    |
        (
            <LOGIN> | <NOLOGIN> | <SUPERUSER> | <NOSUPERUSER>
        |   <CREATEDB> | <NOCREATEDB> | <CREATEROLE> | <NOCREATEROLE>
        )
        { options.flag(token.image, pos); }
    |
        <CONNECTION> <LIMIT> [ <MINUS> { negative = true; } ]
        literal = UnsignedNumericLiteral() {
            options.connectionLimit(literal, negative, pos);
        }
    |
        <VALID> <UNTIL> literal = StringLiteral() { options.validUntil(literal, pos); }
    )
}

/**
 * Parses {@code ALTER USER | ROLE name [WITH] option ...} or
 * {@code ALTER USER | ROLE name RENAME TO new_name}.
 */
SqlNode OmenAlterRole() :
{
    final Span s;
    final SqlIdentifier name;
    final SqlIdentifier newName;
    final RoleOptions options = new RoleOptions();
}
{
    <ALTER> { s = span(); }
    ( <USER> | <ROLE> )
    name = SimpleIdentifier()
    (
        <RENAME> <TO> newName = SimpleIdentifier() {
            return SqlAlterRole.rename(s.end(this), name, newName);
        }
    |
        [ <WITH> ]
        ( OmenRoleOption(options) )+
        {
            return SqlAlterRole.create(s.end(this), name, options);
        }
    )
}

/** Parses the rest of {@code DROP USER | ROLE [IF EXISTS] name [, ...]} after {@code DROP}. */
SqlDrop OmenDropRole(Span s, boolean replace) :
{
    boolean ifExists = false;
    SqlIdentifier name;
    final List<SqlNode> names = new ArrayList<SqlNode>();
}
{
    ( <USER> | <ROLE> )
    [
        LOOKAHEAD(2)
        <IF> <EXISTS> { ifExists = true; }
    ]
    name = SimpleIdentifier() { names.add(name); }
    (
        <COMMA> name = SimpleIdentifier() { names.add(name); }
    )*
    {
        return SqlDropRole.create(s.end(this), ifExists,
            new SqlNodeList(names, SqlParserPos.sum(names)));
    }
}

/**
 * Parses {@code GRANT privileges ON target TO grantee [, ...] [WITH GRANT
 * OPTION]} or {@code GRANT role [, ...] TO role [, ...]}.
 */
SqlNode OmenGrant() :
{
    final Span s;
    final List<String> privileges = new ArrayList<String>();
    final List<SqlNode> tables = new ArrayList<SqlNode>();
    final SqlIdentifier schema;
    final List<SqlNode> roles = new ArrayList<SqlNode>();
    final List<SqlNode> grantees = new ArrayList<SqlNode>();
    boolean grantOption = false;
}
{
    <GRANT> { s = span(); }
    (
        OmenPrivileges(privileges)
        schema = OmenPrivilegeTarget(tables)
        <TO> OmenRoleNames(grantees)
        [ <WITH> <GRANT> <OPTION> { grantOption = true; } ]
        {
            return SqlGrantPrivileges.create(s.end(this), false, privileges,
                new SqlNodeList(tables, s.end(this)), schema,
                new SqlNodeList(grantees, s.end(this)), grantOption);
        }
    |
        OmenRoleNames(roles)
        <TO> OmenRoleNames(grantees)
        {
            return SqlGrantRole.create(s.end(this), false, new SqlNodeList(roles, s.end(this)),
                new SqlNodeList(grantees, s.end(this)));
        }
    )
}

/**
 * Parses {@code REVOKE [GRANT OPTION FOR] privileges ON target FROM grantee
 * [, ...] [CASCADE | RESTRICT]} or {@code REVOKE role [, ...] FROM role [, ...]}.
 */
SqlNode OmenRevoke() :
{
    final Span s;
    final List<String> privileges = new ArrayList<String>();
    final List<SqlNode> tables = new ArrayList<SqlNode>();
    final SqlIdentifier schema;
    final List<SqlNode> roles = new ArrayList<SqlNode>();
    final List<SqlNode> grantees = new ArrayList<SqlNode>();
    boolean grantOption = false;
}
{
    <REVOKE> { s = span(); }
    (
        [ <GRANT> <OPTION> <FOR> { grantOption = true; } ]
        OmenPrivileges(privileges)
        schema = OmenPrivilegeTarget(tables)
        <FROM> OmenRoleNames(grantees)
        [ <CASCADE> | <RESTRICT> ]
        {
            return SqlGrantPrivileges.create(s.end(this), true, privileges,
                new SqlNodeList(tables, s.end(this)), schema,
                new SqlNodeList(grantees, s.end(this)), grantOption);
        }
    |
        OmenRoleNames(roles)
        <FROM> OmenRoleNames(grantees)
        {
            return SqlGrantRole.create(s.end(this), true, new SqlNodeList(roles, s.end(this)),
                new SqlNodeList(grantees, s.end(this)));
        }
    )
}

/** Parses {@code ALL [PRIVILEGES]} (leaving the list empty) or a list of table privileges. */
void OmenPrivileges(List<String> privileges) :
{
}
{
    <ALL> [ <PRIVILEGES> ]
|
    OmenPrivilege(privileges)
    (
        <COMMA> OmenPrivilege(privileges)
    )*
}

/** Parses one table privilege word. */
void OmenPrivilege(List<String> privileges) :
{
}
{
    ( <SELECT> | <INSERT> | <UPDATE> | <DELETE> | <TRUNCATE> ) {
        privileges.add(token.image);
    }
}

/**
 * Parses {@code ON [TABLE] table [, ...]}, adding the tables, or
 * {@code ON ALL TABLES IN SCHEMA schema}, returning the schema (else null).
 */
SqlIdentifier OmenPrivilegeTarget(List<SqlNode> tables) :
{
    SqlIdentifier id;
}
{
    <ON>
    (
        <ALL> <TABLES> <IN> <SCHEMA> id = SimpleIdentifier() {
            return id;
        }
    |
        [ <TABLE> ]
        id = CompoundIdentifier() { tables.add(id); }
        (
            <COMMA> id = CompoundIdentifier() { tables.add(id); }
        )*
        {
            return null;
        }
    )
}

/** Parses a comma-separated list of role names (PUBLIC among them, as an identifier). */
void OmenRoleNames(List<SqlNode> names) :
{
    SqlIdentifier id;
}
{
    id = SimpleIdentifier() { names.add(id); }
    (
        <COMMA> id = SimpleIdentifier() { names.add(id); }
    )*
}

/**
 * Parses {@code TRUNCATE [TABLE] [ONLY] name}; see SqlTruncate.
 */
SqlNode OmenTruncate() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <TRUNCATE> { s = span(); }
    [ <TABLE> ]
    [ <ONLY> ]
    name = CompoundIdentifier()
    {
        return SqlTruncate.create(s.end(this), name);
    }
}

/**
 * Parses PostgreSQL's {@code current_schema()}, with parentheses, into the same pg_catalog call as the bare word.
 */
SqlNode PgCurrentSchemaCall() :
{
    final Span s;
}
{
    <CURRENT_SCHEMA> { s = span(); } <LPAREN> <RPAREN>
    {
        return PgContextVariables.call("current_schema", s.end(this));
    }
}

<#--
  PostgreSQL's RETURNING clause on INSERT, UPDATE and DELETE; see
  SqlReturning. Reached through statementParserMethods, ahead of Calcite's
  own SqlInsert(), SqlUpdate() and SqlDelete(), which these call.
-->

/**
 * Parses {@code INSERT ... [ON CONFLICT ...] [RETURNING items]}.
 */
SqlNode OmenInsert() :
{
    SqlNode insert;
    SqlNodeList returning = null;
}
{
    insert = SqlInsert()
    [ insert = OmenOnConflict((SqlInsert) insert) ]
    [ returning = OmenReturningList() ]
    {
        return returning == null ? insert
            : SqlReturning.create(insert.getParserPosition(), (SqlCall) insert, returning);
    }
}

/**
 * Parses {@code ON CONFLICT [(column, ...) | ON CONSTRAINT name]
 * DO NOTHING | DO UPDATE SET column = value, ... [WHERE condition]} after an
 * INSERT; see SqlUpsert.
 */
SqlUpsert OmenOnConflict(SqlInsert insert) :
{
    final Span s;
    SqlNodeList target = null;
    SqlIdentifier constraint = null;
    SqlNodeList columns = null;
    final SqlNodeList values = new SqlNodeList(SqlParserPos.ZERO);
    SqlIdentifier id;
    SqlNode where = null;
}
{
    <ON> { s = span(); } <CONFLICT>
    [
        target = ParenthesizedSimpleIdentifierList()
    |
        <ON> <CONSTRAINT> constraint = SimpleIdentifier()
    ]
    <DO>
    (
        <NOTHING>
    |
        <UPDATE> <SET> { columns = new SqlNodeList(getPos()); }
        id = SimpleIdentifier() { columns.add(id); }
        <EQ> AddExpression(values, ExprContext.ACCEPT_SUB_QUERY)
        (
            <COMMA>
            id = SimpleIdentifier() { columns.add(id); }
            <EQ> AddExpression(values, ExprContext.ACCEPT_SUB_QUERY)
        )*
        [ where = Where() ]
    )
    {
        return SqlUpsert.create(s.end(this), insert, target, constraint,
            columns, values, where);
    }
}

/**
 * Parses {@code UPDATE ... [RETURNING items]}.
 */
SqlNode OmenUpdate() :
{
    final SqlNode update;
    SqlNodeList returning = null;
}
{
    update = SqlUpdate()
    [ returning = OmenReturningList() ]
    {
        return returning == null ? update
            : SqlReturning.create(update.getParserPosition(), (SqlCall) update, returning);
    }
}

/**
 * Parses {@code DELETE FROM table [[AS] alias] [WHERE condition]
 * [RETURNING items]}: Calcite's SqlDelete() would read a RETURNING right after
 * the table (a non-reserved word in Calcite, reserved in PostgreSQL) as the
 * alias.
 */
SqlNode OmenDelete() :
{
    final SqlIdentifier tableName;
    SqlNode tableRef;
    SqlIdentifier alias = null;
    SqlNode where = null;
    SqlNodeList returning = null;
    final Span s;
}
{
    <DELETE> { s = span(); }
    <FROM> tableName = CompoundTableIdentifier()
    ( tableRef = TableHints(tableName) | { tableRef = tableName; } )
    [ tableRef = ExtendTable(tableRef) ]
    [
        LOOKAHEAD([ <AS> ] SimpleIdentifier(), { getToken(1).kind != RETURNING })
        [ <AS> ] alias = SimpleIdentifier()
    ]
    [ where = Where() ]
    {
        final SqlDelete delete = new SqlDelete(
            s.add(tableRef).addIf(alias).addIf(where).pos(), tableRef, where,
            null, alias);
    }
    [ returning = OmenReturningList() ]
    {
        return returning == null ? delete
            : SqlReturning.create(delete.getParserPosition(), delete, returning);
    }
}

/** Parses {@code RETURNING item [, item]*}, items as in a select list. */
SqlNodeList OmenReturningList() :
{
    final Span s;
    final List<SqlNode> items = new ArrayList<SqlNode>();
}
{
    <RETURNING> { s = span(); }
    AddSelectItem(items)
    ( <COMMA> AddSelectItem(items) )*
    {
        return new SqlNodeList(items, s.end(this));
    }
}

/**
 * Parses {@code ALTER TABLE [IF EXISTS] [ONLY] name action [, ...]}, where an
 * action is one of those of {@link AlterTableAction}; RENAME and OWNER TO
 * stand alone, as in PostgreSQL.
 */
SqlNode OmenAlterTable() :
{
    final Span s;
    boolean ifExists = false;
    final SqlIdentifier name;
    SqlIdentifier from;
    SqlIdentifier to;
    AlterTableAction action;
    final List<AlterTableAction> actions = new ArrayList<AlterTableAction>();
}
{
    <ALTER> { s = span(); } <TABLE>
    [
        LOOKAHEAD(2)
        <IF> <EXISTS> { ifExists = true; }
    ]
    [ <ONLY> ]
    name = CompoundIdentifier()
    (
        <RENAME>
        (
            <TO> to = SimpleIdentifier() {
                actions.add(new AlterTableAction.RenameTable(to));
            }
        |
            [ <COLUMN> ] from = SimpleIdentifier() <TO> to = SimpleIdentifier() {
                actions.add(new AlterTableAction.RenameColumn(from, to));
            }
        )
    |
        <OWNER> <TO> to = SimpleIdentifier() {
            actions.add(new AlterTableAction.OwnerTo(to));
        }
    |
        action = OmenAlterTableAction(name) { actions.add(action); }
        (
            <COMMA> action = OmenAlterTableAction(name) { actions.add(action); }
        )*
    )
    {
        return SqlAlterTable.create(s.end(this), ifExists, name, actions);
    }
}

/** Parses one ADD, DROP or ALTER [COLUMN] action of an ALTER TABLE. */
AlterTableAction OmenAlterTableAction(SqlIdentifier table) :
{
    boolean ifExists = false;
    boolean ifNotExists = false;
    SqlIdentifier column;
    SqlIdentifier constraintName = null;
    SqlDataTypeSpec type;
    SqlNode expr = null;
    SqlNodeList columns;
    final TableElements elements = TableElements.create(table);
    SqlNodeList declared;
}
{
    <ADD>
    (
        [ <CONSTRAINT> constraintName = SimpleIdentifier() ]
        (
            <PRIMARY> <KEY> columns = ParenthesizedSimpleIdentifierList() {
                return new AlterTableAction.AddConstraint(constraintName, true,
                    SqlAlterTable.identifiers(columns));
            }
        |
            <UNIQUE> columns = ParenthesizedSimpleIdentifierList() {
                return new AlterTableAction.AddConstraint(constraintName, false,
                    SqlAlterTable.identifiers(columns));
            }
        )
    |
        [ <COLUMN> ]
        [
            LOOKAHEAD(3)
            <IF> <NOT> <EXISTS> { ifNotExists = true; }
        ]
        OmenColumnDefinition(elements) {
            declared = elements.toNodeList();
            return new AlterTableAction.AddColumn(
                (org.apache.calcite.sql.ddl.SqlColumnDeclaration) declared.get(0), ifNotExists,
                declared.size() > 1);
        }
    )
|
    <DROP>
    (
        <CONSTRAINT>
        [
            LOOKAHEAD(2)
            <IF> <EXISTS> { ifExists = true; }
        ]
        constraintName = SimpleIdentifier()
        [ <CASCADE> | <RESTRICT> ]
        {
            return new AlterTableAction.DropConstraint(constraintName, ifExists);
        }
    |
        [ <COLUMN> ]
        [
            LOOKAHEAD(2)
            <IF> <EXISTS> { ifExists = true; }
        ]
        column = SimpleIdentifier()
        [ <CASCADE> | <RESTRICT> ]
        {
            return new AlterTableAction.DropColumn(column, ifExists);
        }
    )
|
    <ALTER> [ <COLUMN> ] column = SimpleIdentifier()
    (
        <SET>
        (
            <DEFAULT_> expr = Expression(ExprContext.ACCEPT_NON_QUERY) {
                return new AlterTableAction.SetDefault(column, expr);
            }
        |
            <NOT> <NULL> {
                return new AlterTableAction.SetNotNull(column, true);
            }
        |
            <DATA> <TYPE> type = DataType()
            [ <USING> expr = Expression(ExprContext.ACCEPT_NON_QUERY) ]
            {
                return new AlterTableAction.SetType(column, type, expr);
            }
        )
    |
        <DROP>
        (
            <DEFAULT_> {
                return new AlterTableAction.SetDefault(column, null);
            }
        |
            <NOT> <NULL> {
                return new AlterTableAction.SetNotNull(column, false);
            }
        )
    |
        <TYPE> type = DataType()
        [ <USING> expr = Expression(ExprContext.ACCEPT_NON_QUERY) ]
        {
            return new AlterTableAction.SetType(column, type, expr);
        }
    )
}

/**
 * Parses {@code COMMENT ON TABLE name IS 'text' | NULL} and
 * {@code COMMENT ON COLUMN table.column IS 'text' | NULL}.
 */
/**
 * Parses {@code ALTER VIEW [IF EXISTS] name RENAME TO new_name | OWNER TO
 * role}; see SqlAlterView.
 */
SqlNode OmenAlterView() :
{
    final Span s;
    boolean ifExists = false;
    final SqlIdentifier name;
    SqlIdentifier newName = null;
    SqlIdentifier owner = null;
}
{
    <ALTER> { s = span(); } <VIEW>
    [
        LOOKAHEAD(2)
        <IF> <EXISTS> { ifExists = true; }
    ]
    name = CompoundIdentifier()
    (
        <RENAME> <TO> newName = SimpleIdentifier()
    |
        <OWNER> <TO> owner = SimpleIdentifier()
    )
    {
        return new SqlAlterView(s.end(this), ifExists, name, newName, owner);
    }
}

SqlNode OmenComment() :
{
    final Span s;
    final boolean column;
    final SqlIdentifier name;
    String text = null;
}
{
    <COMMENT> { s = span(); } <ON>
    (
        <TABLE> { column = false; }
    |
        <VIEW> { column = false; }
    |
        <COLUMN> { column = true; }
    )
    name = CompoundIdentifier()
    <IS>
    (
        <NULL>
    |
        text = SimpleStringLiteral()
    )
    {
        return SqlCommentOn.create(s.end(this), column, name, text);
    }
}

/**
 * Parses one of PostgreSQL's JSON operators ->, ->>, #>, #>>, @> and ? and
 * its right operand; see PgJsonOperator.
 */
void OmenJsonOperator(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlOperator op;
}
{
    {
        checkNonQueryExpression(exprContext);
        s.clear().add(this);
    }
    (
        <LAMBDA> { op = PgJsonOperator.GET; }
    |   <JSON_GET_TEXT> { op = PgJsonOperator.GET_TEXT; }
    |   <JSON_PATH> { op = PgJsonOperator.PATH; }
    |   <JSON_PATH_TEXT> { op = PgJsonOperator.PATH_TEXT; }
    |   <JSON_CONTAINS> { op = PgJsonOperator.CONTAINS; }
    |   <HOOK> { op = PgJsonOperator.EXISTS; }
    )
    {
        list.add(new SqlParserUtil.ToTreeListItem(op, s.pos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

<#--
  Schemas: CREATE SCHEMA, DROP SCHEMA and ALTER SCHEMA as PostgreSQL writes
  them; see SqlCreateSchema, SqlDropSchema and SqlAlterSchema.
-->

/**
 * Parses the rest of {@code CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION
 * role]} or {@code CREATE SCHEMA [IF NOT EXISTS] AUTHORIZATION role}.
 */
SqlCreate OmenCreateSchema(Span s, boolean replace) :
{
    boolean ifNotExists = false;
    SqlIdentifier name = null;
    SqlIdentifier role = null;
}
{
    <SCHEMA>
    [
        LOOKAHEAD(3)
        <IF> <NOT> <EXISTS> { ifNotExists = true; }
    ]
    (
        <AUTHORIZATION> role = SimpleIdentifier()
    |
        name = SimpleIdentifier()
        [ <AUTHORIZATION> role = SimpleIdentifier() ]
    )
    {
        return new SqlCreateSchema(s.end(this), ifNotExists, name, role);
    }
}

/** Parses the rest of {@code DROP SCHEMA [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
SqlDrop OmenDropSchema(Span s, boolean replace) :
{
    boolean ifExists = false;
    SqlIdentifier name;
    final List<SqlNode> names = new ArrayList<SqlNode>();
    boolean cascade = false;
}
{
    <SCHEMA>
    [
        LOOKAHEAD(2)
        <IF> <EXISTS> { ifExists = true; }
    ]
    name = SimpleIdentifier() { names.add(name); }
    (
        <COMMA> name = SimpleIdentifier() { names.add(name); }
    )*
    [
        <CASCADE> { cascade = true; }
    |
        <RESTRICT>
    ]
    {
        return new SqlDropSchema(s.end(this), ifExists,
            new SqlNodeList(names, SqlParserPos.sum(names)), cascade);
    }
}

/** Parses {@code ALTER SCHEMA name RENAME TO new_name | OWNER TO role}. */
SqlNode OmenAlterSchema() :
{
    final Span s;
    final SqlIdentifier name;
    final SqlIdentifier target;
}
{
    <ALTER> { s = span(); } <SCHEMA>
    name = SimpleIdentifier()
    (
        <RENAME> <TO> target = SimpleIdentifier() {
            return new SqlAlterSchema(s.end(this), name, target, true);
        }
    |
        <OWNER> <TO> target = SimpleIdentifier() {
            return new SqlAlterSchema(s.end(this), name, target, false);
        }
    )
}
