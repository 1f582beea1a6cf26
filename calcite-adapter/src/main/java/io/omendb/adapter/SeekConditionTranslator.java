package io.omendb.adapter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.Sarg;
import com.google.common.collect.BoundType;
import com.google.common.collect.Range;

/**
 * Turns a filter condition into a {@link SeekCondition} on the primary key plus the remainder that must still be
 * evaluated on each row. Understood on key columns: {@code =}, {@code <}, {@code <=}, {@code >}, {@code >=} against a
 * literal or a dynamic parameter (either side), {@code SEARCH} with a literal {@code Sarg} (IN lists, ORs of
 * ranges, BETWEEN), and ORs of equalities with parameters. Equalities on a leading prefix of a composite key,
 * followed by one range condition on the next key column, become a range over that prefix. Anything else (functions
 * of the key, casts from another type, comparisons between columns, NULL tests) stays in the remainder.
 */
final class SeekConditionTranslator {
  private final RexBuilder rexBuilder;
  private final int[] keyColumns;

  /** The translation: the seek (null when nothing could be pushed) and the rest of the condition (or null). */
  record Result(SeekCondition seek, RexNode remainder) {}

  SeekConditionTranslator(RexBuilder rexBuilder, int[] keyColumns) {
    this.rexBuilder = rexBuilder;
    this.keyColumns = keyColumns;
  }

  Result translate(RexNode condition) {
    if (keyColumns.length == 0) {
      return new Result(null, condition);
    }
    List<RexNode> conjuncts = RelOptUtil.conjunctions(condition);
    Map<Integer, RexNode> equalities = new HashMap<>();
    Map<Integer, List<RexNode>> usedConjuncts = new HashMap<>();
    // 1. equalities on key columns: the longest prefix of them is a point or prefix
    for (RexNode conjunct : conjuncts) {
      RexNode[] operands = columnAndValue(conjunct, SqlKind.EQUALS);
      if (operands != null) {
        int column = ((RexInputRef) operands[0]).getIndex();
        if (isKeyColumn(column) && !equalities.containsKey(column)) {
          equalities.put(column, operands[1]);
          usedConjuncts.computeIfAbsent(column, c -> new ArrayList<>()).add(conjunct);
        }
      }
    }
    List<RexNode> prefix = new ArrayList<>();
    List<RexNode> pushed = new ArrayList<>();
    int next = 0;
    while (next < keyColumns.length && equalities.containsKey(keyColumns[next])) {
      prefix.add(equalities.get(keyColumns[next]));
      pushed.addAll(usedConjuncts.get(keyColumns[next]));
      next++;
    }
    List<SeekCondition.KeyRange> ranges;
    if (next == keyColumns.length) {
      ranges = List.of(SeekCondition.KeyRange.point(prefix));
    } else {
      ranges = rangesOn(keyColumns[next], prefix, conjuncts, pushed);
      if (ranges == null) {
        if (prefix.isEmpty()) {
          return new Result(null, condition);
        }
        ranges = List.of(new SeekCondition.KeyRange(prefix, true, prefix, true));
      }
    }
    List<RexNode> remaining = new ArrayList<>(conjuncts);
    remaining.removeAll(pushed);
    RexNode remainder = remaining.isEmpty() ? null : RexUtil.composeConjunction(rexBuilder, remaining);
    return new Result(new SeekCondition(keyColumns, ranges), remainder);
  }

  /** Ranges on {@code column} (after the equality {@code prefix}), from the conjuncts that constrain it; or null. */
  private List<SeekCondition.KeyRange> rangesOn(int column, List<RexNode> prefix, List<RexNode> conjuncts,
      List<RexNode> pushed) {
    RexNode lower = null;
    boolean lowerInclusive = false;
    RexNode upper = null;
    boolean upperInclusive = false;
    List<RexNode> boundConjuncts = new ArrayList<>();
    for (RexNode conjunct : conjuncts) {
      List<SeekCondition.KeyRange> fromSearch = searchOrDisjunction(column, prefix, conjunct);
      if (fromSearch != null) {
        pushed.add(conjunct);
        return fromSearch;
      }
      for (SqlKind kind : List.of(SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.LESS_THAN,
          SqlKind.LESS_THAN_OR_EQUAL)) {
        RexNode[] operands = columnAndValue(conjunct, kind);
        if (operands == null || ((RexInputRef) operands[0]).getIndex() != column) {
          continue;
        }
        SqlKind effective = operands.length == 3 ? kind.reverse() : kind;
        if (effective == SqlKind.GREATER_THAN || effective == SqlKind.GREATER_THAN_OR_EQUAL) {
          if (lower == null) {
            lower = operands[1];
            lowerInclusive = effective == SqlKind.GREATER_THAN_OR_EQUAL;
            boundConjuncts.add(conjunct);
          }
        } else if (upper == null) {
          upper = operands[1];
          upperInclusive = effective == SqlKind.LESS_THAN_OR_EQUAL;
          boundConjuncts.add(conjunct);
        }
      }
    }
    if (lower == null && upper == null) {
      return null;
    }
    pushed.addAll(boundConjuncts);
    List<RexNode> from = new ArrayList<>(prefix);
    List<RexNode> to = new ArrayList<>(prefix);
    if (lower != null) {
      from.add(lower);
    }
    if (upper != null) {
      to.add(upper);
    }
    return List.of(new SeekCondition.KeyRange(from, lower == null || lowerInclusive, to,
        upper == null || upperInclusive));
  }

  /** {@code SEARCH($c, Sarg)} with literal points and ranges, or an OR of equalities of $c with values. */
  private List<SeekCondition.KeyRange> searchOrDisjunction(int column, List<RexNode> prefix, RexNode conjunct) {
    if (conjunct.getKind() == SqlKind.SEARCH) {
      RexCall call = (RexCall) conjunct;
      if (!(call.operands.get(0) instanceof RexInputRef ref) || ref.getIndex() != column
          || !(call.operands.get(1) instanceof RexLiteral literal)) {
        return null;
      }
      Sarg<?> sarg = literal.getValueAs(Sarg.class);
      if (sarg == null || sarg.nullAs == RexUnknownAs.TRUE) {
        return null;
      }
      List<SeekCondition.KeyRange> ranges = new ArrayList<>();
      for (Range<?> range : sarg.rangeSet.asRanges()) {
        List<RexNode> from = new ArrayList<>(prefix);
        List<RexNode> to = new ArrayList<>(prefix);
        boolean fromInclusive = true;
        boolean toInclusive = true;
        if (range.hasLowerBound()) {
          from.add(rexBuilder.makeLiteral(range.lowerEndpoint(), ref.getType(), true, true));
          fromInclusive = range.lowerBoundType() == BoundType.CLOSED;
        }
        if (range.hasUpperBound()) {
          to.add(rexBuilder.makeLiteral(range.upperEndpoint(), ref.getType(), true, true));
          toInclusive = range.upperBoundType() == BoundType.CLOSED;
        }
        ranges.add(new SeekCondition.KeyRange(from, fromInclusive, to, toInclusive));
      }
      return ranges;
    }
    if (conjunct.getKind() == SqlKind.OR) {
      List<SeekCondition.KeyRange> ranges = new ArrayList<>();
      for (RexNode disjunct : RelOptUtil.disjunctions(conjunct)) {
        RexNode[] operands = columnAndValue(disjunct, SqlKind.EQUALS);
        if (operands == null || ((RexInputRef) operands[0]).getIndex() != column) {
          return null;
        }
        List<RexNode> key = new ArrayList<>(prefix);
        key.add(operands[1]);
        ranges.add(new SeekCondition.KeyRange(key, true, key, true));
      }
      return ranges;
    }
    return null;
  }

  /**
   * For {@code $c op v} returns {@code [$c, v]}; for {@code v op $c} returns {@code [$c, v, marker]} (the operator
   * must be reversed); null if the call is not a comparison of a column with a literal or dynamic parameter.
   */
  private static RexNode[] columnAndValue(RexNode node, SqlKind kind) {
    if (node.getKind() != kind || !(node instanceof RexCall call) || call.operands.size() != 2) {
      return null;
    }
    RexNode left = call.operands.get(0);
    RexNode right = call.operands.get(1);
    if (left instanceof RexInputRef && isValue(right) && sameType(left, right)) {
      return new RexNode[] {left, right};
    }
    if (right instanceof RexInputRef && isValue(left) && sameType(right, left)) {
      return new RexNode[] {right, left, left};
    }
    return null;
  }

  private static boolean isValue(RexNode node) {
    return (node instanceof RexLiteral literal && !literal.isNull()) || node instanceof RexDynamicParam;
  }

  private static boolean sameType(RexNode column, RexNode value) {
    return column.getType().getSqlTypeName().getFamily() == value.getType().getSqlTypeName().getFamily();
  }

  private boolean isKeyColumn(int column) {
    for (int key : keyColumns) {
      if (key == column) {
        return true;
      }
    }
    return false;
  }
}
