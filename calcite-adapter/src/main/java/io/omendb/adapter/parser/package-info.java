/**
 * OmenDB's SQL parser: {@code OmenSqlParserImpl}, generated at build time by FMPP and JavaCC
 * from calcite-core's {@code Parser.jj} template plus {@code src/main/codegen} (see
 * {@code config.fmpp} and {@code includes/parserImpls.ftl}), and the hand-written helpers its
 * grammar calls.
 *
 * <p>Use {@link io.omendb.adapter.parser.OmenParserConfig#config()} to parse with PostgreSQL
 * identifier rules. DDL comes out as calcite-core's own nodes ({@code SqlCreateTable},
 * {@code SqlColumnDeclaration}, {@code SqlKeyConstraint}, {@code SqlDropTable}); PostgreSQL type
 * names are resolved to Calcite types while parsing ({@link
 * io.omendb.adapter.parser.PgTypeAliases}).
 */
package io.omendb.adapter.parser;
