package io.omendb.adapter.parser;

import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLambda;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Turns the lambdas Calcite's grammar reads inside function arguments back into PostgreSQL's {@code ->}: {@code
 * f(j -> 'a')} parses as a lambda of parameter {@code j} (the grammar tries a lambda first where an argument is a
 * simple name followed by {@code ->}), and PostgreSQL has no lambdas. The lambda's body was parsed as a whole
 * expression, so operators looser than {@code ->} are lifted back above it ({@code f(j -> 'a' = 'x')} is {@code
 * f((j -> 'a') = 'x')}). Applied to each parsed statement, in place.
 */
public final class PgJsonLambdas extends SqlBasicVisitor<Void> {

  private PgJsonLambdas() {
  }

  /** Rewrites every one-parameter lambda among the operands of the calls in {@code node}. */
  public static SqlNode apply(SqlNode node) {
    if (node != null) {
      node.accept(new PgJsonLambdas());
    }
    return node;
  }

  @Override
  public Void visit(SqlCall call) {
    List<SqlNode> operands = call.getOperandList();
    for (int i = 0; i < operands.size(); i++) {
      if (operands.get(i) instanceof SqlLambda lambda && lambda.getParameters().size() == 1
          && lambda.getParameters().get(0) instanceof SqlIdentifier name) {
        call.setOperand(i, attach(name, lambda.getExpression()));
      }
    }
    return super.visit(call);
  }

  /** {@code left -> body}, with the binary operators of {@code body} that bind looser than {@code ->} on top. */
  private static SqlNode attach(SqlNode left, SqlNode body) {
    if (body instanceof SqlBasicCall call && call.getOperator() instanceof SqlBinaryOperator op
        && call.operandCount() == 2 && op.getLeftPrec() < PgJsonOperator.GET.getLeftPrec()) {
      return op.createCall(call.getParserPosition(), attach(left, call.operand(0)), call.operand(1));
    }
    return PgJsonOperator.GET.createCall(left.getParserPosition().plus(body.getParserPosition()), left, body);
  }
}
