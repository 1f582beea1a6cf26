package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Method;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * PostgreSQL's {@code timestamptz} functions, which read the session's time zone from the query's
 * {@link DataContext} ({@link SessionDataContext}): {@code now()}, {@code current_timestamp},
 * {@code transaction_timestamp()}, {@code statement_timestamp()}, {@code date_trunc(unit, timestamptz)}, and the
 * text conversions {@link StoreRexBuilder} puts in place of Calcite's casts between strings and TIMESTAMP WITH
 * LOCAL TIME ZONE (whose text forms are not PostgreSQL's), and from strings to TIME (whose range Calcite does not
 * check).
 */
public final class TimestampTzFunctions {
  private static final SqlTypeName TZ = SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
  private static final SqlTypeName VARCHAR = SqlTypeName.VARCHAR;

  /** The text-to-timestamptz conversion that replaces a CAST. */
  static final SqlUserDefinedFunction IN = function("timestamptz_in", "in", SqlSyntax.FUNCTION, TZ, VARCHAR);
  /** The timestamptz-to-text conversion that replaces a CAST. */
  static final SqlUserDefinedFunction OUT = function("timestamptz_out", "out", SqlSyntax.FUNCTION, VARCHAR, TZ);
  /** The timestamp-to-timestamptz conversion (the local time in the session's zone) that replaces a CAST. */
  static final SqlUserDefinedFunction FROM_LOCAL = function("timestamptz_from_local", "fromLocal",
      SqlSyntax.FUNCTION, TZ, SqlTypeName.TIMESTAMP);
  /** The timestamptz-to-timestamp conversion (the local time in the session's zone) that replaces a CAST. */
  static final SqlUserDefinedFunction TO_LOCAL = function("timestamptz_to_local", "toLocal", SqlSyntax.FUNCTION,
      SqlTypeName.TIMESTAMP, TZ);

  /** The text-to-time conversion that replaces a CAST, with PostgreSQL's range checks. */
  static final SqlUserDefinedFunction TIME_IN = function("time_in", "timeIn", SqlSyntax.FUNCTION,
      SqlTypeName.TIME, VARCHAR);

  private static final SqlOperatorTable TABLE = SqlOperatorTables.of(
      function("now", "now", SqlSyntax.FUNCTION, TZ),
      function("transaction_timestamp", "now", SqlSyntax.FUNCTION, TZ),
      function("statement_timestamp", "now", SqlSyntax.FUNCTION, TZ),
      function("current_timestamp", "now", SqlSyntax.FUNCTION_ID, TZ),
      function("date_trunc", "dateTrunc", SqlSyntax.FUNCTION, TZ, VARCHAR, TZ),
      IN, OUT, FROM_LOCAL, TO_LOCAL, TIME_IN);

  private TimestampTzFunctions() {}

  /** The functions as an operator table; it comes before {@link PgFunctions} in lookups. */
  static SqlOperatorTable table() {
    return TABLE;
  }

  /** Whether {@code type} is timestamptz (Calcite's TIMESTAMP WITH LOCAL TIME ZONE). */
  static boolean isTimestampTz(RelDataType type) {
    return type.getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
  }

  /** The session's time zone as the query's context holds it. */
  static ZoneId zone(DataContext root) {
    TimeZone zone = DataContext.Variable.TIME_ZONE.get(root);
    return zone == null ? ZoneOffset.UTC : zone.toZoneId();
  }

  /** {@code now()}: the statement's start as an instant (epoch milliseconds); called by generated code. */
  public static long now(DataContext root) {
    Long time = DataContext.Variable.UTC_TIMESTAMP.get(root);
    return requireNonNull(time, "the query context has no UTC_TIMESTAMP");
  }

  /** Text to timestamptz in the session's zone; called by generated code. */
  public static long in(DataContext root, String text) {
    return TimestampTzText.parse(text, zone(root));
  }

  /** Timestamptz to text in the session's zone, as PostgreSQL prints it; called by generated code. */
  public static String out(DataContext root, long instant) {
    return TimestampTzText.format(instant, zone(root));
  }

  /** Text to time (milliseconds of the day), as PostgreSQL's {@code time_in}; called by generated code. */
  public static int timeIn(DataContext root, String text) {
    return TimeText.parse(text);
  }

  /** A local date-time of the session's zone (Calcite's TIMESTAMP milliseconds) as an instant. */
  public static long fromLocal(DataContext root, long local) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(local, 1000L),
        (int) Math.floorMod(local, 1000L) * 1_000_000, ZoneOffset.UTC);
    return time.atZone(zone(root)).toInstant().toEpochMilli();
  }

  /** An instant as the local date-time it is in the session's zone (Calcite's TIMESTAMP milliseconds). */
  public static long toLocal(DataContext root, long instant) {
    return TimestampTzText.toOffsetDateTime(instant, zone(root)).toLocalDateTime().toInstant(ZoneOffset.UTC)
        .toEpochMilli();
  }

  /** {@code date_trunc(unit, timestamptz)}: truncated in the session's zone; called by generated code. */
  public static long dateTrunc(DataContext root, String unit, long instant) {
    ZoneId zone = zone(root);
    LocalDateTime local = TimestampTzText.toOffsetDateTime(instant, zone).toLocalDateTime();
    long truncated = PgFunctions.dateTrunc(unit, local.toInstant(ZoneOffset.UTC).toEpochMilli());
    LocalDateTime result = LocalDateTime.ofEpochSecond(Math.floorDiv(truncated, 1000L),
        (int) Math.floorMod(truncated, 1000L) * 1_000_000, ZoneOffset.UTC);
    return result.atZone(zone).toInstant().toEpochMilli();
  }

  private static SqlUserDefinedFunction function(String name, String method, SqlSyntax callSyntax,
      SqlTypeName returns, SqlTypeName... parameters) {
    Class<?>[] all = new Class<?>[parameters.length + 1];
    all[0] = DataContext.class;
    List<SqlTypeFamily> families = new ArrayList<>();
    for (int i = 0; i < parameters.length; i++) {
      all[i + 1] = parameters[i] == VARCHAR ? String.class : long.class;
      families.add(parameters[i].getFamily());
    }
    Method javaMethod;
    try {
      javaMethod = TimestampTzFunctions.class.getMethod(method, all);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
    SessionTimeFunction implementation = new SessionTimeFunction(javaMethod, returns, parameters,
        parameters.length == 0 ? NullPolicy.NONE : NullPolicy.STRICT);
    return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
        binding -> implementation.getReturnType(binding.getTypeFactory(), binding.getOperandCount() > 0
            && binding.getOperandType(binding.getOperandCount() - 1).isNullable()),
        InferTypes.FIRST_KNOWN,
        OperandTypes.operandMetadata(families,
            typeFactory -> implementation.getParameters().stream().map(p -> p.getType(typeFactory)).toList(),
            i -> "arg" + i, i -> false),
        implementation) {
      @Override
      public SqlSyntax getSyntax() {
        return callSyntax;
      }

      @Override
      public boolean isDeterministic() {
        // reads the session's zone or clock, so never folded at plan time
        return false;
      }

      @Override
      public boolean isDynamicFunction() {
        return true;
      }
    };
  }

  /** A static method of this class whose first parameter receives the query's {@link DataContext}. */
  private static final class SessionTimeFunction implements ScalarFunction, ImplementableFunction {
    private final Method method;
    private final SqlTypeName returns;
    private final SqlTypeName[] parameters;
    private final NullPolicy nullPolicy;

    SessionTimeFunction(Method method, SqlTypeName returns, SqlTypeName[] parameters, NullPolicy nullPolicy) {
      this.method = requireNonNull(method, "method");
      this.returns = requireNonNull(returns, "returns");
      this.parameters = parameters.clone();
      this.nullPolicy = requireNonNull(nullPolicy, "nullPolicy");
    }

    RelDataType getReturnType(RelDataTypeFactory typeFactory, boolean nullable) {
      return typeFactory.createTypeWithNullability(typeFactory.createSqlType(returns), nullable);
    }

    @Override
    public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
      return getReturnType(typeFactory, true);
    }

    @Override
    public List<FunctionParameter> getParameters() {
      return FunctionParameters.of(parameters, RelDataTypeFactory::createSqlType);
    }

    @Override
    public CallImplementor getImplementor() {
      return RexImpTable.createImplementor((translator, call, operands) -> {
        List<Expression> arguments = new ArrayList<>();
        arguments.add(translator.getRoot());
        for (int i = 0; i < parameters.length; i++) {
          arguments.add(EnumUtils.convert(operands.get(i), method.getParameterTypes()[i + 1]));
        }
        return Expressions.call(method, arguments);
      }, nullPolicy, false);
    }
  }
}
