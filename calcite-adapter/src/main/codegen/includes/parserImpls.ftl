<#--
  OmenDB grammar extensions, spliced into Calcite's Parser.jj by FMPP.
  Registered in ../config.fmpp (createStatementParserMethods,
  dropStatementParserMethods, dataTypeParserMethods).

  Productions here only recognise syntax; checks that need the whole
  statement (duplicate columns, primary key rules) live in TableElements.java
  so they can be unit-tested and keep one error vocabulary.
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
    final SqlDataTypeSpec type;
    final TableElements.Column column;
    Span s;
    SqlNode defaultExpr;
}
{
    name = SimpleIdentifier()
    type = DataType() {
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
        OmenColumnPrimaryKey(column)
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
    <PRIMARY> { s.add(this); } <KEY>
    columns = ParenthesizedSimpleIdentifierList() {
        elements.addPrimaryKey(s.end(this), constraintName, columns);
    }
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
    name = CompoundIdentifier() {
        return SqlDdlNodes.dropTable(s.end(this), ifExists, name);
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
    )
    {
        return PgTypeAliases.typeNameSpec(token.image, getPos());
    }
}
