package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Maps PostgreSQL type names that are not SQL-standard to the Calcite types they stand for.
 *
 * <p>The generated parser calls this while parsing a data type, so {@code TEXT}, {@code INT4},
 * {@code BOOL} and the rest never reach DDL consumers or the validator: they see plain Calcite
 * types ({@code text} becomes {@code VARCHAR} without a length, {@code bytea} becomes {@code
 * VARBINARY}). Standard spellings PostgreSQL shares with SQL ({@code INTEGER}, {@code DOUBLE
 * PRECISION}, {@code CHARACTER VARYING(n)}, {@code NUMERIC(p, s)}, ...) are parsed by Calcite's
 * own grammar and are not listed here.
 */
public final class PgTypeAliases {

  private static final Map<String, SqlTypeName> ALIASES = Map.of(
      "BOOL", SqlTypeName.BOOLEAN,
      "BYTEA", SqlTypeName.VARBINARY,
      "FLOAT4", SqlTypeName.REAL,
      "FLOAT8", SqlTypeName.DOUBLE,
      "INT2", SqlTypeName.SMALLINT,
      "INT4", SqlTypeName.INTEGER,
      "INT8", SqlTypeName.BIGINT,
      "TEXT", SqlTypeName.VARCHAR,
      "TIMESTAMPTZ", SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE);

  private PgTypeAliases() {
  }

  /** Returns the Calcite type a PostgreSQL alias (any case) stands for, or empty if it is none. */
  public static Optional<SqlTypeName> resolve(String alias) {
    requireNonNull(alias, "alias");
    return Optional.ofNullable(ALIASES.get(alias.toUpperCase(Locale.ROOT)));
  }

  /**
   * Returns the type name spec for a PostgreSQL alias, with no precision (so {@code TEXT} is an
   * unbounded {@code VARCHAR}).
   *
   * @throws IllegalArgumentException if {@code alias} is not one of the aliases
   */
  public static SqlBasicTypeNameSpec typeNameSpec(String alias, SqlParserPos pos) {
    requireNonNull(pos, "pos");
    final SqlTypeName typeName = resolve(alias).orElseThrow(() ->
        new IllegalArgumentException("not a PostgreSQL type alias: " + alias));
    return new SqlBasicTypeNameSpec(typeName, pos);
  }
}
