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
 *
 * <p>PostgreSQL's session and transaction-control statements come out as this package's nodes:
 * {@link io.omendb.adapter.parser.SqlBeginTransaction}, {@link
 * io.omendb.adapter.parser.SqlCommitTransaction}, {@link
 * io.omendb.adapter.parser.SqlRollbackTransaction}, {@link
 * io.omendb.adapter.parser.SqlSavepoint}, {@link io.omendb.adapter.parser.SqlSetTransaction},
 * {@link io.omendb.adapter.parser.SqlSetVariable} (every {@code SET} and {@code RESET}), {@link
 * io.omendb.adapter.parser.SqlShow} and {@link io.omendb.adapter.parser.SqlDiscard}. Their kind
 * is {@code SqlKind.OTHER}, outside {@code SqlKind.DDL}, {@code DML} and {@code QUERY}, so
 * callers dispatch on the class. So is PostgreSQL's {@code EXPLAIN}, {@link
 * io.omendb.adapter.parser.SqlPgExplain}, which is kept apart from Calcite's {@code EXPLAIN PLAN
 * FOR} ({@code SqlExplain}, kind {@code EXPLAIN}), which still parses.
 *
 * <p>{@code CREATE INDEX} and {@code DROP INDEX} come out as {@link
 * io.omendb.adapter.parser.SqlCreateIndex} and {@link io.omendb.adapter.parser.SqlDropIndex},
 * of kinds {@code CREATE_INDEX} and {@code DROP_INDEX}, which are in {@code SqlKind.DDL}.
 */
package io.omendb.adapter.parser;
