package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.catalog.ColumnType;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL's {@code interval} as a column type: {@code interval} and its day-time forms ({@code interval day to
 * second}, {@code interval hour}, ...) are Calcite's INTERVAL DAY TO SECOND (milliseconds), {@code interval year to
 * month}, {@code interval year} and {@code interval month} are Calcite's INTERVAL MONTH (months), the types of
 * the literals {@link PgIntervalText} makes; the name ({@link
 * #getTypeName()}) is the one {@code ColumnTypes} resolves.
 */
public final class PgIntervalColumnType extends SqlTypeNameSpec {
  /** The type name of a day-time interval column. */
  public static final String DAY_TIME = "PG_INTERVAL_DAY_TIME";
  /** The type name of a year-month interval column. */
  public static final String YEAR_MONTH = "PG_INTERVAL_YEAR_MONTH";

  /** The leading-field precision of the literals {@link PgIntervalText} makes, so that the types match. */
  private static final int START_PRECISION = 9;
  /** The fractional-second precision of those literals (values are held in milliseconds). */
  private static final int FRACTIONAL_SECOND_PRECISION = 6;

  private final boolean yearMonth;

  private PgIntervalColumnType(boolean yearMonth, SqlParserPos pos) {
    super(new SqlIdentifier(yearMonth ? YEAR_MONTH : DAY_TIME, pos), pos);
    this.yearMonth = yearMonth;
  }

  /** The type spec for {@code interval [fields]} in a column definition; {@code fields} is null when omitted. */
  public static org.apache.calcite.sql.SqlDataTypeSpec spec(@Nullable SqlIntervalQualifier fields,
      SqlParserPos pos) {
    requireNonNull(pos, "pos");
    return new org.apache.calcite.sql.SqlDataTypeSpec(
        new PgIntervalColumnType(fields != null && fields.isYearMonth(), pos), pos);
  }

  /** The Calcite type of a stored interval column of {@code type}. */
  public static RelDataType relType(RelDataTypeFactory factory, ColumnType type) {
    requireNonNull(factory, "factory");
    return switch (type) {
      case INTERVAL_DAY_TIME -> factory.createSqlIntervalType(new SqlIntervalQualifier(TimeUnit.DAY,
          START_PRECISION, TimeUnit.SECOND, FRACTIONAL_SECOND_PRECISION, SqlParserPos.ZERO));
      case INTERVAL_YEAR_MONTH -> factory.createSqlIntervalType(new SqlIntervalQualifier(TimeUnit.MONTH,
          START_PRECISION, null, RelDataType.PRECISION_NOT_SPECIFIED, SqlParserPos.ZERO));
      default -> throw new IllegalArgumentException(type + " is not an interval type");
    };
  }

  @Override
  public RelDataType deriveType(SqlValidator validator) {
    return relType(validator.getTypeFactory(),
        yearMonth ? ColumnType.INTERVAL_YEAR_MONTH : ColumnType.INTERVAL_DAY_TIME);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(yearMonth ? "INTERVAL YEAR TO MONTH" : "INTERVAL DAY TO SECOND");
  }

  @Override
  public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
    return spec instanceof PgIntervalColumnType other && other.yearMonth == yearMonth ? litmus.succeed()
        : litmus.fail("{} != {}", this, spec);
  }
}
