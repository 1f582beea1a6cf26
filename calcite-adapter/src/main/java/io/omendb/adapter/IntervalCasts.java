package io.omendb.adapter;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Converts the casts to interval types that Calcite's type coercion writes (assigning an {@code INTERVAL HOUR}
 * value to an interval column): their type spec names a bare interval type, which Calcite's own convertlet cannot
 * derive a type from, so the cast is made from the type the validator already gave the call.
 */
final class IntervalCasts {
  private IntervalCasts() {}

  /** The converted cast, or null when {@code call} is not a coercion cast to an interval type. */
  static @Nullable RexNode convert(SqlRexContext cx, SqlCall call) {
    if (!(call.operand(1) instanceof SqlDataTypeSpec spec)
        || !(spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec)) {
      return null;
    }
    RelDataType target = cx.getValidator().getValidatedNodeTypeIfKnown(call);
    RelDataType source = cx.getValidator().getValidatedNodeTypeIfKnown(call.operand(0));
    if (target == null || source == null || !SqlTypeName.INTERVAL_TYPES.contains(target.getSqlTypeName())) {
      return null;
    }
    if (source.getSqlTypeName() == SqlTypeName.NULL) {
      return cx.getRexBuilder().makeNullLiteral(cx.getTypeFactory().createTypeWithNullability(target, true));
    }
    RelDataType type = cx.getTypeFactory().createTypeWithNullability(target, source.isNullable());
    return cx.getRexBuilder().makeCast(type, cx.convertExpression(call.operand(0)));
  }
}
