package io.omendb.adapter;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.linq4j.function.Strict;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * PostgreSQL functions that Calcite's PostgreSQL library lacks or spells differently: {@code date_trunc(unit,
 * timestamp)} and {@code gen_random_uuid()}, static Java methods. {@code now()} and its siblings return timestamptz
 * and live in {@link TimestampTzFunctions}.
 */
public final class PgFunctions {
  /** {@code date_trunc} units and the time unit each truncates to. */
  private static final Map<String, TimeUnit> TRUNC_UNITS = Map.ofEntries(
      Map.entry("microseconds", TimeUnit.MICROSECOND), Map.entry("milliseconds", TimeUnit.MILLISECOND),
      Map.entry("second", TimeUnit.SECOND), Map.entry("minute", TimeUnit.MINUTE), Map.entry("hour", TimeUnit.HOUR),
      Map.entry("day", TimeUnit.DAY), Map.entry("week", TimeUnit.WEEK), Map.entry("month", TimeUnit.MONTH),
      Map.entry("quarter", TimeUnit.QUARTER), Map.entry("year", TimeUnit.YEAR), Map.entry("decade", TimeUnit.DECADE),
      Map.entry("century", TimeUnit.CENTURY), Map.entry("millennium", TimeUnit.MILLENNIUM));

  private static final SqlFunction DATE_TRUNC = new JavaFunction("date_trunc",
      ScalarFunctionImpl.create(PgFunctions.class, "dateTrunc"), ReturnTypes.ARG1_NULLABLE,
      List.of(SqlTypeFamily.CHARACTER, SqlTypeFamily.TIMESTAMP),
      typeFactory -> List.of(typeFactory.createSqlType(SqlTypeName.VARCHAR),
          typeFactory.createSqlType(SqlTypeName.TIMESTAMP)), true);

  private static final SqlFunction GEN_RANDOM_UUID = new JavaFunction("gen_random_uuid",
      ScalarFunctionImpl.create(PgFunctions.class, "genRandomUuid"), ReturnTypes.explicit(SqlTypeName.UUID),
      List.of(), typeFactory -> List.of(), false);

  private static final SqlOperatorTable TABLE = SqlOperatorTables.of(DATE_TRUNC, GEN_RANDOM_UUID);

  private PgFunctions() {}

  /** The functions as an operator table. */
  static SqlOperatorTable table() {
    return TABLE;
  }

  /** {@code gen_random_uuid()}: a random (version 4) UUID; called by generated code. */
  public static UUID genRandomUuid() {
    return UUID.randomUUID();
  }

  /**
   * {@code date_trunc(unit, timestamp)}: the timestamp rounded down to the unit; called by generated code with the
   * timestamp in Calcite's internal form (milliseconds of the local date-time counted as if it were UTC).
   */
  @Strict
  public static long dateTrunc(String unit, long timestamp) {
    TimeUnit timeUnit = TRUNC_UNITS.get(unit.toLowerCase(Locale.ROOT));
    if (timeUnit == null) {
      throw new SqlStateException("22023", "unit \"" + unit + "\" not recognized for type timestamp");
    }
    LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(timestamp, 1000L),
        (int) Math.floorMod(timestamp, 1000L) * 1_000_000, ZoneOffset.UTC);
    LocalDateTime truncated = switch (timeUnit) {
      case MICROSECOND, MILLISECOND -> t;
      case SECOND -> t.truncatedTo(ChronoUnit.SECONDS);
      case MINUTE -> t.truncatedTo(ChronoUnit.MINUTES);
      case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
      case DAY -> t.truncatedTo(ChronoUnit.DAYS);
      case WEEK -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
      case QUARTER -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)
          .withMonth((t.getMonthValue() - 1) / 3 * 3 + 1);
      case YEAR -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
      case DECADE -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1).withYear(Math.floorDiv(t.getYear(), 10) * 10);
      case CENTURY -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1)
          .withYear(Math.floorDiv(t.getYear() - 1, 100) * 100 + 1);
      case MILLENNIUM -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1)
          .withYear(Math.floorDiv(t.getYear() - 1, 1000) * 1000 + 1);
      default -> throw new SqlStateException("22023", "unit \"" + unit + "\" not supported for type timestamp");
    };
    return truncated.toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  /** A function implemented by a static Java method, deterministic or (like a random value) not. */
  private static final class JavaFunction extends SqlUserDefinedFunction {
    private final boolean deterministic;

    JavaFunction(String name, org.apache.calcite.schema.ScalarFunction function, SqlReturnTypeInference returnType,
        List<SqlTypeFamily> families, java.util.function.Function<RelDataTypeFactory, List<RelDataType>> paramTypes,
        boolean deterministic) {
      super(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, returnType,
          InferTypes.FIRST_KNOWN, OperandTypes.operandMetadata(families, paramTypes, i -> "arg" + i,
              i -> false), function);
      this.deterministic = deterministic;
    }

    @Override
    public boolean isDeterministic() {
      return deterministic;
    }
  }
}
