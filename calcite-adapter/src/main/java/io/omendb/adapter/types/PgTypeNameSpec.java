package io.omendb.adapter.types;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;

/**
 * A PostgreSQL type name that stands for one of this package's types ({@code json}, {@code jsonb}) in a cast or a
 * column definition; its name ({@link #getTypeName()}) is the upper-case type name DDL resolves.
 */
public final class PgTypeNameSpec extends SqlTypeNameSpec {
  private final PgJsonType.Kind kind;

  private PgTypeNameSpec(PgJsonType.Kind kind, SqlParserPos pos) {
    super(new SqlIdentifier(kind.name(), pos), pos);
    this.kind = requireNonNull(kind, "kind");
  }

  /** The spec for a type name as written ({@code json}, {@code pg_catalog.jsonb}'s last part), if it is one. */
  public static Optional<PgTypeNameSpec> of(String name, SqlParserPos pos) {
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "JSON" -> Optional.of(new PgTypeNameSpec(PgJsonType.Kind.JSON, pos));
      case "JSONB" -> Optional.of(new PgTypeNameSpec(PgJsonType.Kind.JSONB, pos));
      default -> Optional.empty();
    };
  }

  /** The JSON type this name stands for. */
  public PgJsonType.Kind kind() {
    return kind;
  }

  @Override
  public RelDataType deriveType(SqlValidator validator) {
    return PgJsonType.of(validator.getTypeFactory(), kind, false);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(kind.name());
  }

  @Override
  public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
    return spec instanceof PgTypeNameSpec other && other.kind == kind ? litmus.succeed()
        : litmus.fail("{} != {}", this, spec);
  }
}
