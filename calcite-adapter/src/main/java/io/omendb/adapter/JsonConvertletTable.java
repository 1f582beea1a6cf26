package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import io.omendb.adapter.parser.PgJsonOperator;
import io.omendb.adapter.types.PgJsonType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeCoercionRule;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Turns the JSON operators ({@link PgJsonOperator}) and the casts to and from {@code json} and {@code jsonb} into
 * calls of {@link JsonFunctions}; every other call goes to the table it wraps. Validation lets those casts through
 * by {@link #COERCION_RULES}.
 */
final class JsonConvertletTable implements SqlRexConvertletTable {
  /**
   * Calcite's cast rules plus the JSON casts: text to {@code json}/{@code jsonb} (Calcite's {@code OTHER}), the two
   * JSON types to each other and to text.
   */
  static final SqlTypeCoercionRule COERCION_RULES = rules();

  private final SqlRexConvertletTable delegate;

  JsonConvertletTable(SqlRexConvertletTable delegate) {
    this.delegate = requireNonNull(delegate, "delegate");
  }

  @Override
  public @Nullable SqlRexConvertlet get(SqlCall call) {
    if (call.getOperator() instanceof PgJsonOperator operator) {
      return (cx, c) -> {
        RelDataType type = cx.getValidator().getValidatedNodeType(c);
        List<RexNode> operands = new ArrayList<>(c.getOperandList().stream().map(cx::convertExpression).toList());
        if (operator == PgJsonOperator.GET || operator == PgJsonOperator.GET_TEXT) {
          // the functions behind -> and ->> need to know whether the value is jsonb
          boolean binary = PgJsonType.kindOf(operands.get(0).getType()) == PgJsonType.Kind.JSONB;
          operands.add(cx.getRexBuilder().makeLiteral(binary));
        }
        return cx.getRexBuilder().makeCall(type, JsonFunctions.implementation(operator), operands);
      };
    }
    if (call.getKind() == SqlKind.CAST && call.operandCount() == 2) {
      return (cx, c) -> convertCast(cx, c);
    }
    return delegate.get(call);
  }

  /**
   * A cast to a JSON type becomes {@link JsonFunctions#JSON_IN} or {@link JsonFunctions#JSONB_IN}, a cast of a JSON
   * value to text {@link JsonFunctions#JSON_OUT}; casts the validator has not seen (the converter builds some, e.g.
   * for {@code avg}) and all others are Calcite's.
   */
  private RexNode convertCast(SqlRexContext cx, SqlCall call) {
    RelDataType target = cx.getValidator().getValidatedNodeTypeIfKnown(call);
    RelDataType source = cx.getValidator().getValidatedNodeTypeIfKnown(call.operand(0));
    PgJsonType.Kind to = PgJsonType.kindOf(target);
    PgJsonType.Kind from = PgJsonType.kindOf(source);
    RexBuilder rexBuilder = cx.getRexBuilder();
    if (target != null && source != null && to != null) {
      if (source.getSqlTypeName() == SqlTypeName.NULL) {
        return rexBuilder.makeNullLiteral(cx.getTypeFactory().createTypeWithNullability(target, true));
      }
      RexNode operand = cx.convertExpression(call.operand(0));
      if (to == from) {
        return operand;
      }
      RelDataType type = cx.getTypeFactory().createTypeWithNullability(target, source.isNullable());
      return rexBuilder.makeCall(type, to == PgJsonType.Kind.JSON ? JsonFunctions.JSON_IN : JsonFunctions.JSONB_IN,
          List.of(operand));
    }
    if (target != null && source != null && from != null && SqlTypeUtil.isCharacter(target)) {
      RexNode operand = cx.convertExpression(call.operand(0));
      RelDataType text = cx.getTypeFactory().createTypeWithNullability(
          cx.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), source.isNullable());
      RexNode out = rexBuilder.makeCall(text, JsonFunctions.JSON_OUT, List.of(operand));
      return target.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED ? out
          : rexBuilder.makeCast(target, out);
    }
    RexNode interval = IntervalCasts.convert(cx, call);
    if (interval != null) {
      return interval;
    }
    SqlRexConvertlet standard = requireNonNull(delegate.get(call), "cast convertlet");
    return standard.convertCall(cx, call);
  }

  private static SqlTypeCoercionRule rules() {
    Map<SqlTypeName, ImmutableSet<SqlTypeName>> map = new HashMap<>(SqlTypeCoercionRule.instance().getTypeMapping());
    map.put(SqlTypeName.OTHER, ImmutableSet.<SqlTypeName>builder()
        .addAll(map.getOrDefault(SqlTypeName.OTHER, ImmutableSet.of()))
        .add(SqlTypeName.CHAR, SqlTypeName.VARCHAR, SqlTypeName.OTHER, SqlTypeName.NULL).build());
    for (SqlTypeName text : List.of(SqlTypeName.CHAR, SqlTypeName.VARCHAR)) {
      map.put(text, ImmutableSet.<SqlTypeName>builder().addAll(map.getOrDefault(text, ImmutableSet.of()))
          .add(SqlTypeName.OTHER).build());
    }
    return SqlTypeCoercionRule.instance(map);
  }
}
