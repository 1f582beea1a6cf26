package io.omendb.adapter;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * PostgreSQL orders uuids byte by byte, unsigned; Calcite compares the {@code java.util.UUID} objects, whose
 * {@code compareTo} is signed. Key seeks and key order are already PostgreSQL's; this rewrites what the optimized
 * plan still evaluates in memory: a sort on a uuid sorts on its text (fixed-width lowercase hex, whose order is the
 * unsigned byte order), {@code <}, {@code <=}, {@code >}, {@code >=} compare the texts, and {@code min}/{@code max}
 * of a uuid take the least/greatest text and turn it back into a uuid.
 */
final class UuidOrder {
  private UuidOrder() {}

  /** {@code plan} (an optimized, enumerable plan) with every in-memory uuid comparison in PostgreSQL's order. */
  static RelNode rewrite(RelNode plan) {
    List<RelNode> inputs = new ArrayList<>();
    boolean changed = false;
    for (RelNode input : plan.getInputs()) {
      RelNode rewritten = rewrite(input);
      changed |= rewritten != input;
      inputs.add(rewritten);
    }
    RelNode node = changed ? plan.copy(plan.getTraitSet(), inputs) : plan;
    if (node instanceof Sort sort) {
      return sortByText(sort);
    }
    if (node instanceof Calc calc) {
      return compareTexts(calc);
    }
    if (node instanceof Filter filter) {
      RexNode condition = filter.getCondition().accept(new Comparisons(filter.getCluster().getRexBuilder()));
      return condition == filter.getCondition() ? node : filter.copy(filter.getTraitSet(), filter.getInput(),
          condition);
    }
    if (node instanceof Join join) {
      RexNode condition = join.getCondition().accept(new Comparisons(join.getCluster().getRexBuilder()));
      return condition == join.getCondition() ? node : join.copy(join.getTraitSet(), condition, join.getLeft(),
          join.getRight(), join.getJoinType(), join.isSemiJoinDone());
    }
    if (node instanceof Aggregate aggregate) {
      return minMaxByText(aggregate);
    }
    return node;
  }

  private static boolean isUuid(RelDataType type) {
    return type.getSqlTypeName() == SqlTypeName.UUID;
  }

  private static RelDataType text(RexBuilder rex, boolean nullable) {
    return rex.getTypeFactory().createTypeWithNullability(
        rex.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), nullable);
  }

  /** {@code expression} (a uuid) as its text. */
  private static RexNode asText(RexBuilder rex, RexNode expression) {
    return rex.makeCast(text(rex, expression.getType().isNullable()), expression);
  }

  /** A sort on uuid fields: sorts on their texts, appended by a Calc below and projected away above. */
  private static RelNode sortByText(Sort sort) {
    RelNode input = sort.getInput();
    List<RelDataTypeField> fields = input.getRowType().getFieldList();
    if (sort.getCollation().getFieldCollations().stream().noneMatch(c -> isUuid(fields.get(c.getFieldIndex())
        .getType()))) {
      return sort;
    }
    RexBuilder rex = sort.getCluster().getRexBuilder();
    List<RexNode> projects = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (RelDataTypeField field : fields) {
      projects.add(new RexInputRef(field.getIndex(), field.getType()));
      names.add(field.getName());
    }
    List<RelFieldCollation> collations = new ArrayList<>();
    for (RelFieldCollation collation : sort.getCollation().getFieldCollations()) {
      RelDataTypeField field = fields.get(collation.getFieldIndex());
      if (!isUuid(field.getType())) {
        collations.add(collation);
        continue;
      }
      collations.add(collation.withFieldIndex(projects.size()));
      projects.add(asText(rex, new RexInputRef(field.getIndex(), field.getType())));
      names.add("$uuid_text" + projects.size());
    }
    RelNode widened = calc(input, projects, names);
    RelCollation collation = RelCollations.of(collations);
    RelNode sorted = sort.copy(sort.getTraitSet().replace(collation), widened, collation, sort.offset, sort.fetch);
    List<RexNode> back = new ArrayList<>();
    List<String> backNames = new ArrayList<>();
    for (RelDataTypeField field : fields) {
      back.add(new RexInputRef(field.getIndex(), field.getType()));
      backNames.add(field.getName());
    }
    return calc(sorted, back, backNames);
  }

  private static RelNode calc(RelNode input, List<RexNode> projects, List<String> names) {
    RexProgram program = RexProgram.create(input.getRowType(), projects, null, names,
        input.getCluster().getRexBuilder());
    return EnumerableCalc.create(input, program);
  }

  /** A Calc whose condition or projections compare uuids with {@code <}, {@code >}, ...: compares their texts. */
  private static RelNode compareTexts(Calc calc) {
    RexProgram program = calc.getProgram();
    RexBuilder rex = calc.getCluster().getRexBuilder();
    Comparisons comparisons = new Comparisons(rex);
    List<RexNode> projects = new ArrayList<>();
    for (org.apache.calcite.rex.RexLocalRef project : program.getProjectList()) {
      projects.add(program.expandLocalRef(project).accept(comparisons));
    }
    RexNode condition = program.getCondition() == null ? null
        : program.expandLocalRef(program.getCondition()).accept(comparisons);
    if (!comparisons.changed) {
      return calc;
    }
    RexProgram rewritten = RexProgram.create(program.getInputRowType(), projects, condition,
        program.getOutputRowType(), rex);
    return calc.copy(calc.getTraitSet(), calc.getInput(), rewritten);
  }

  /** Rewrites uuid comparisons (and the SEARCHes that stand for them) to comparisons of texts. */
  private static final class Comparisons extends RexShuttle {
    private final RexBuilder rex;
    private boolean changed;

    Comparisons(RexBuilder rex) {
      this.rex = rex;
    }

    @Override
    public RexNode visitCall(RexCall call) {
      if (call.getKind() == SqlKind.SEARCH && isUuid(call.getOperands().get(0).getType())) {
        return RexUtil.expandSearch(rex, null, call).accept(this);
      }
      RexNode visited = super.visitCall(call);
      if (!(visited instanceof RexCall rewritten)) {
        return visited;
      }
      SqlKind kind = rewritten.getKind();
      boolean ordering = kind == SqlKind.LESS_THAN || kind == SqlKind.LESS_THAN_OR_EQUAL
          || kind == SqlKind.GREATER_THAN || kind == SqlKind.GREATER_THAN_OR_EQUAL;
      if (ordering && rewritten.getOperands().size() == 2
          && isUuid(rewritten.getOperands().get(0).getType()) && isUuid(rewritten.getOperands().get(1).getType())) {
        changed = true;
        return rex.makeCall(rewritten.getOperator(), asText(rex, rewritten.getOperands().get(0)),
            asText(rex, rewritten.getOperands().get(1)));
      }
      return visited;
    }
  }

  /** An aggregate with {@code min}/{@code max} of uuids: aggregates their texts and turns the result back. */
  private static RelNode minMaxByText(Aggregate aggregate) {
    RelNode input = aggregate.getInput();
    List<RelDataTypeField> fields = input.getRowType().getFieldList();
    List<AggregateCall> calls = aggregate.getAggCallList();
    boolean any = calls.stream().anyMatch(call -> isMinMax(call) && isUuid(fields.get(call.getArgList().get(0))
        .getType()));
    if (!any) {
      return aggregate;
    }
    RexBuilder rex = aggregate.getCluster().getRexBuilder();
    List<RexNode> projects = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (RelDataTypeField field : fields) {
      projects.add(new RexInputRef(field.getIndex(), field.getType()));
      names.add(field.getName());
    }
    List<Integer> textArgs = new ArrayList<>();
    for (AggregateCall call : calls) {
      if (isMinMax(call) && isUuid(fields.get(call.getArgList().get(0)).getType())) {
        int arg = call.getArgList().get(0);
        textArgs.add(projects.size());
        projects.add(asText(rex, new RexInputRef(arg, fields.get(arg).getType())));
        names.add("$uuid_text" + projects.size());
      } else {
        textArgs.add(-1);
      }
    }
    RelNode widened = calc(input, projects, names);
    List<AggregateCall> newCalls = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      AggregateCall call = calls.get(i);
      newCalls.add(textArgs.get(i) < 0 ? call : AggregateCall.create(call.getParserPosition(),
          call.getAggregation(), call.isDistinct(), call.isApproximate(), call.ignoreNulls(), call.rexList,
          List.of(textArgs.get(i)), call.filterArg, call.distinctKeys, call.collation,
          aggregate.getGroupCount(), widened, text(rex, call.getType().isNullable()), call.name));
    }
    RelNode aggregated = aggregate.copy(aggregate.getTraitSet(), widened, aggregate.getGroupSet(),
        aggregate.getGroupSets(), newCalls);
    List<RexNode> back = new ArrayList<>();
    List<String> backNames = new ArrayList<>();
    List<RelDataTypeField> outputs = aggregated.getRowType().getFieldList();
    int groups = outputs.size() - newCalls.size();
    for (RelDataTypeField field : outputs) {
      RexNode ref = new RexInputRef(field.getIndex(), field.getType());
      int call = field.getIndex() - groups;
      back.add(call >= 0 && textArgs.get(call) >= 0 ? rex.makeCast(calls.get(call).getType(), ref) : ref);
      backNames.add(aggregate.getRowType().getFieldNames().get(field.getIndex()));
    }
    return calc(aggregated, back, backNames);
  }

  private static boolean isMinMax(AggregateCall call) {
    SqlKind kind = call.getAggregation().getKind();
    return (kind == SqlKind.MIN || kind == SqlKind.MAX) && call.getArgList().size() == 1;
  }
}
