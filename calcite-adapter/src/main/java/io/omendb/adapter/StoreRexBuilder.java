package io.omendb.adapter;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.NlsString;

/**
 * Calcite's RexBuilder, except that casting a string literal to a shorter {@code varchar(n)} or {@code char(n)} stays
 * a cast instead of becoming the truncated literal at once, so that {@link StringAssignment} still sees the whole
 * value an INSERT or UPDATE assigns (22001 in PostgreSQL); the cast itself still truncates when it runs.
 */
final class StoreRexBuilder extends RexBuilder {

  StoreRexBuilder(RelDataTypeFactory typeFactory) {
    super(typeFactory);
  }

  @Override
  public RexNode makeCast(SqlParserPos pos, RelDataType type, RexNode exp, boolean matchNullability, boolean safe,
      RexLiteral format) {
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
