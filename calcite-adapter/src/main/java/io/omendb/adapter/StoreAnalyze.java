package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.function.Function0;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.SingleRel;

/**
 * An operator EXPLAIN ANALYZE puts above every operator of an optimized plan: it produces its input's rows
 * unchanged, counted and timed by an {@link OperatorStats}. It never takes part in planning; {@link ExplainCommand}
 * inserts it after the optimizer has finished.
 */
final class StoreAnalyze extends SingleRel implements EnumerableRel {
  private final OperatorStats stats;

  StoreAnalyze(RelOptCluster cluster, RelTraitSet traits, RelNode input, OperatorStats stats) {
    super(cluster, traits, input);
    this.stats = requireNonNull(stats, "stats");
  }

  /** Wraps {@code input}, with its traits, so that its rows are counted in {@code stats}. */
  static StoreAnalyze wrap(RelNode input, OperatorStats stats) {
    return new StoreAnalyze(input.getCluster(), input.getTraitSet(), input, stats);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StoreAnalyze(getCluster(), traitSet, sole(inputs), stats);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Result child = implementor.visitChild(this, 0, (EnumerableRel) input, pref);
    // the input's code runs inside a function called when enumeration starts: operators such as an aggregate
    // consume their input while their code runs, not when enumerated, and their time must count too
    BlockBuilder deferred = new BlockBuilder();
    deferred.add(Expressions.return_(null, deferred.append("measured", child.block)));
    Expression counter = implementor.stash(stats, OperatorStats.class);
    BlockBuilder builder = new BlockBuilder();
    builder.add(Expressions.return_(null, Expressions.call(counter, StoreMethod.ANALYZE_WRAP.method,
        Expressions.lambda(Function0.class, deferred.toBlock()))));
    return new Result(builder.toBlock(), child.physType, child.format);
  }
}
