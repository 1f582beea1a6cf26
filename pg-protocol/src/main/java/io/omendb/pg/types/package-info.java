/**
 * PostgreSQL data types as clients see them: one {@link io.omendb.pg.types.PgType} per type OID, the mapping from
 * {@link java.sql.Types} codes, and the text output format of each type ({@link io.omendb.pg.types.TextFormat}),
 * byte-for-byte as PostgreSQL prints values with its default settings (DateStyle ISO, bytea_output hex,
 * extra_float_digits 1). Depends on the JDK only.
 */
package io.omendb.pg.types;
