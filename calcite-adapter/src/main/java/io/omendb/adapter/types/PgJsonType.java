package io.omendb.adapter.types;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeComparability;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeFamily;
import org.apache.calcite.sql.type.AbstractSqlType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The Calcite type of PostgreSQL's {@code json} and {@code jsonb} values, which are strings at run time: a type of
 * its own (Calcite's {@link SqlTypeName#OTHER}) so that string functions and comparisons do not take it for text.
 * {@code jsonb} compares for equality only (its values are in normal form); {@code json} does not compare at all,
 * as in PostgreSQL.
 */
public final class PgJsonType extends AbstractSqlType {
  private static final long serialVersionUID = 1L;

  /** The two JSON types. */
  public enum Kind implements RelDataTypeFamily {
    JSON, JSONB;

    /** The lower-case name PostgreSQL gives the type. */
    public String pgName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Kind kind;

  private PgJsonType(Kind kind, boolean nullable) {
    super(SqlTypeName.OTHER, nullable, null);
    this.kind = requireNonNull(kind, "kind");
    computeDigest();
  }

  /** The type of {@code kind} with the given nullability, canonical in {@code factory}. */
  public static RelDataType of(RelDataTypeFactory factory, Kind kind, boolean nullable) {
    return factory.createTypeWithNullability(new PgJsonType(kind, nullable), nullable);
  }

  /** This type with another nullability (not yet canonical). */
  public PgJsonType withNullable(boolean nullable) {
    return nullable == isNullable ? this : new PgJsonType(kind, nullable);
  }

  /** The JSON kind of {@code type}, or null if it is not a JSON type. */
  public static @Nullable Kind kindOf(@Nullable RelDataType type) {
    return type instanceof PgJsonType json ? json.kind : null;
  }

  /** Which of the two JSON types this is. */
  public Kind kind() {
    return kind;
  }

  @Override
  public RelDataTypeComparability getComparability() {
    return kind == Kind.JSONB ? RelDataTypeComparability.UNORDERED : RelDataTypeComparability.NONE;
  }

  @Override
  public RelDataTypeFamily getFamily() {
    return kind;
  }

  @Override
  protected void generateTypeString(StringBuilder sb, boolean withDetail) {
    sb.append(kind.name());
  }
}
