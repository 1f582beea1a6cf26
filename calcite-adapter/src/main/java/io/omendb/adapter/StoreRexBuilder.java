package io.omendb.adapter;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.NlsString;

/**
 * Calcite's RexBuilder, except that casting a string literal to a shorter {@code varchar(n)} or {@code char(n)} stays
 * a cast instead of becoming the truncated literal at once, so that {@link StringAssignment} still sees the whole
 * value an INSERT or UPDATE assigns (22001 in PostgreSQL); the cast itself still truncates when it runs. Casts
 * between timestamptz and strings, timestamps and dates become {@link TimestampTzFunctions} calls, which follow the
 * session's time zone; so do comparisons of a timestamptz with a timestamp or date, and {@code extract}.
 */
final class StoreRexBuilder extends RexBuilder {

  StoreRexBuilder(RelDataTypeFactory typeFactory) {
    super(typeFactory);
  }

  /**
   * A comparison of a timestamptz with a timestamp or date compares instants, the other side read in the session's
   * zone, as PostgreSQL does; Calcite would compare the raw values.
   */
  @Override
  public RexNode makeCall(SqlParserPos pos, SqlOperator op, java.util.List<? extends RexNode> exprs) {
    return super.makeCall(pos, op, alignTimestampTz(op, exprs));
  }

  @Override
  public RexNode makeCall(SqlParserPos pos, RelDataType returnType, SqlOperator op, java.util.List<RexNode> exprs) {
    return super.makeCall(pos, returnType, op, alignTimestampTz(op, exprs));
  }

  private java.util.List<RexNode> alignTimestampTz(SqlOperator op, java.util.List<? extends RexNode> exprs) {
    if (op.getKind() == SqlKind.EXTRACT && exprs.size() == 2
        && TimestampTzFunctions.isTimestampTz(exprs.get(1).getType())
        && !(exprs.get(0) instanceof RexLiteral unit
            && unit.getValue() == org.apache.calcite.avatica.util.TimeUnitRange.EPOCH)) {
      // fields of a timestamptz are those of its local time in the session's zone; the epoch is zone-free
      RelDataType local = getTypeFactory().createTypeWithNullability(
          getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP), exprs.get(1).getType().isNullable());
      return java.util.List.of(exprs.get(0), makeCall(local, TimestampTzFunctions.TO_LOCAL,
          java.util.List.of(exprs.get(1))));
    }
    if (op.getKind().belongsTo(SqlKind.COMPARISON) && exprs.size() == 2) {
      boolean left = TimestampTzFunctions.isTimestampTz(exprs.get(0).getType());
      boolean right = TimestampTzFunctions.isTimestampTz(exprs.get(1).getType());
      if (left != right) {
        int local = left ? 1 : 0;
        SqlTypeName name = exprs.get(local).getType().getSqlTypeName();
        if (name == SqlTypeName.TIMESTAMP || name == SqlTypeName.DATE) {
          java.util.List<RexNode> operands = new java.util.ArrayList<>(exprs);
          RelDataType tz = exprs.get(1 - local).getType();
          operands.set(local, makeCast(getTypeFactory().createTypeWithNullability(tz,
              exprs.get(local).getType().isNullable()), exprs.get(local)));
          return operands;
        }
      }
    }
    return java.util.List.copyOf(exprs);
  }

  @Override
  public RexNode makeCast(SqlParserPos pos, RelDataType type, RexNode exp, boolean matchNullability, boolean safe,
      RexLiteral format) {
    if (type.getSqlTypeName() == SqlTypeName.TIME && SqlTypeUtil.isCharacter(exp.getType())) {
      return makeCall(getTypeFactory().createTypeWithNullability(type, type.isNullable()
          || exp.getType().isNullable()), TimestampTzFunctions.TIME_IN, java.util.List.of(exp));
    }
    if (TimestampTzFunctions.isTimestampTz(type) && SqlTypeUtil.isCharacter(exp.getType())) {
      RelDataType target = getTypeFactory().createTypeWithNullability(type,
          type.isNullable() || exp.getType().isNullable());
      return makeCall(target, TimestampTzFunctions.IN, java.util.List.of(exp));
    }
    if (TimestampTzFunctions.isTimestampTz(type) && (exp.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP
        || exp.getType().getSqlTypeName() == SqlTypeName.DATE)) {
      RelDataType local = getTypeFactory().createTypeWithNullability(
          getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP), exp.getType().isNullable());
      RexNode timestamp = exp.getType().getSqlTypeName() == SqlTypeName.DATE
          ? super.makeCast(pos, local, exp, matchNullability, safe, format) : exp;
      return makeCall(getTypeFactory().createTypeWithNullability(type, exp.getType().isNullable()),
          TimestampTzFunctions.FROM_LOCAL, java.util.List.of(timestamp));
    }
    if (TimestampTzFunctions.isTimestampTz(exp.getType()) && (type.getSqlTypeName() == SqlTypeName.TIMESTAMP
        || type.getSqlTypeName() == SqlTypeName.DATE || type.getSqlTypeName() == SqlTypeName.TIME)) {
      RelDataType local = getTypeFactory().createTypeWithNullability(
          getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP), exp.getType().isNullable());
      return super.makeCast(pos, type, makeCall(local, TimestampTzFunctions.TO_LOCAL, java.util.List.of(exp)),
          matchNullability, safe, format);
    }
    if (TimestampTzFunctions.isTimestampTz(exp.getType()) && SqlTypeUtil.isCharacter(type)) {
      RelDataType text = getTypeFactory().createTypeWithNullability(
          getTypeFactory().createSqlType(SqlTypeName.VARCHAR), exp.getType().isNullable());
      return super.makeCast(pos, type, makeCall(text, TimestampTzFunctions.OUT, java.util.List.of(exp)),
          matchNullability, safe, format);
    }
    if (exp instanceof RexLiteral literal && StringAssignment.bounded(type)
        && literal.getValue() instanceof NlsString string && string.getValue() != null
        && string.getValue().codePointCount(0, string.getValue().length()) > type.getPrecision()) {
      RelDataType target = matchNullability
          ? getTypeFactory().createTypeWithNullability(type, exp.getType().isNullable()) : type;
      return makeAbstractCast(pos, target, exp, safe);
    }
    return super.makeCast(pos, type, exp, matchNullability, safe, format);
  }
}
