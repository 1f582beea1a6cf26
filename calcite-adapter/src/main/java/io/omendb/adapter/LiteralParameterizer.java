package io.omendb.adapter;

import io.omendb.adapter.parser.SqlReturning;
import io.omendb.adapter.parser.SqlUpsert;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Rewrites a statement's literals into dynamic parameters, so that statements differing only in their constants
 * (a script of INSERTs, point queries by key) share one cached plan instead of each paying Calcite's planning and
 * code generation. Literals whose value is part of the statement's shape stay: ORDER BY and GROUP BY ordinals,
 * LIMIT/OFFSET/FETCH, NULL, intervals and symbols. A statement with nothing to rewrite, or that contains a dynamic
 * parameter of its own, is left alone; so is one whose literals are data rather than a shape to reuse: a VALUES list
 * of several rows or more than {@value #MAX_LIFTED_LITERALS} literals (Calcite plans literal rows as one Values
 * operator but parameterised rows as a union of projections, and large IN lists likewise, which costs far more to
 * plan than the cache could save).
 */
final class LiteralParameterizer {
  private static final SqlDialect DIALECT = PostgresqlSqlDialect.DEFAULT;

  /** Above this many literals a statement is planned with its literals in place. */
  static final int MAX_LIFTED_LITERALS = 64;

  /** A rewritten statement: its text with {@code ?} in place of the literals, and the literals in order. */
  record Parameterized(String sql, List<SqlLiteral> literals) {}

  private LiteralParameterizer() {}

  /** The rewrite of {@code node}, or null if it has no literal to lift or cannot be rewritten safely. */
  static Parameterized parameterize(SqlNode node) {
    if (node instanceof SqlReturning || node instanceof SqlUpsert) {
      return null; // copying the tree would turn these nodes back into Calcite's SELECT and INSERT
    }
    Set<SqlNode> structural = Collections.newSetFromMap(new IdentityHashMap<>());
    boolean[] leaveAlone = {false};
    node.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call.getKind() == SqlKind.VALUES && call.operandCount() > 1) {
          leaveAlone[0] = true; // several rows of data: plan the literals as they are
        } else if (call instanceof SqlSelect select) {
          keep(select.getGroup(), structural);
          keep(select.getOrderList(), structural);
          keep(select.getOffset(), structural);
          keep(select.getFetch(), structural);
        } else if (call instanceof SqlOrderBy orderBy) {
          keep(orderBy.orderList, structural);
          keep(orderBy.offset, structural);
          keep(orderBy.fetch, structural);
        }
        return super.visit(call);
      }

      @Override
      public Void visit(SqlDynamicParam param) {
        leaveAlone[0] = true;
        return null;
      }
    });
    if (leaveAlone[0]) {
      return null;
    }
    List<SqlLiteral> literals = new ArrayList<>();
    SqlNode rewritten = node.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlLiteral literal) {
        if (structural.contains(literal) || !liftable(literal)) {
          return literal;
        }
        literals.add(literal);
        return new SqlDynamicParam(literals.size() - 1, literal.getParserPosition());
      }
    });
    if (literals.isEmpty() || literals.size() > MAX_LIFTED_LITERALS || rewritten == null) {
      return null;
    }
    return new Parameterized(rewritten.toSqlString(DIALECT).getSql(), literals);
  }

  private static boolean liftable(SqlLiteral literal) {
    if (literal.getKind() != SqlKind.LITERAL || literal.getTypeName() == SqlTypeName.NULL) {
      return false;
    }
    SqlTypeFamily family = literal.getTypeName().getFamily();
    return family == SqlTypeFamily.NUMERIC || family == SqlTypeFamily.CHARACTER;
  }

  /** Marks the literals of an ORDER BY / GROUP BY list or a LIMIT as structural (possibly under DESC / NULLS). */
  private static void keep(SqlNode node, Set<SqlNode> structural) {
    if (node == null) {
      return;
    }
    if (node instanceof SqlNodeList list) {
      list.forEach(item -> keep(item, structural));
    } else if (node instanceof SqlLiteral) {
      structural.add(node);
    } else if (node instanceof SqlCall call && (call.getKind() == SqlKind.DESCENDING
        || call.getKind() == SqlKind.NULLS_FIRST || call.getKind() == SqlKind.NULLS_LAST)) {
      keep(call.operand(0), structural);
    }
  }
}
