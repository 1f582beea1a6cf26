package io.omendb.adapter;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Inserts, updates or deletes the rows of its input in a store table inside the session's transaction and returns
 * the count, as PostgreSQL's {@code INSERT 0 n} / {@code UPDATE n} / {@code DELETE n} report it, or (for RETURNING)
 * the rows it wrote. Replaces Calcite's EnumerableTableModify, which only writes into in-memory collections.
 */
public final class StoreTableModify extends TableModify implements EnumerableRel {
  /** Whether the node yields the written rows (RETURNING) rather than their count. */
  private final boolean returning;
  /** An INSERT's ON CONFLICT clause, or null. */
  private final @Nullable OnConflict conflict;

  StoreTableModify(RelOptCluster cluster, RelTraitSet traitSet, RelOptTable table, Prepare.CatalogReader catalogReader,
      RelNode input, Operation operation, @Nullable List<String> updateColumnList,
      @Nullable List<RexNode> sourceExpressionList, boolean flattened) {
    this(cluster, traitSet, table, catalogReader, input, operation, updateColumnList, sourceExpressionList, flattened,
        false, null);
  }

  StoreTableModify(RelOptCluster cluster, RelTraitSet traitSet, RelOptTable table, Prepare.CatalogReader catalogReader,
      RelNode input, Operation operation, @Nullable List<String> updateColumnList,
      @Nullable List<RexNode> sourceExpressionList, boolean flattened, boolean returning,
      @Nullable OnConflict conflict) {
    super(cluster, traitSet, table, catalogReader, input, operation, updateColumnList, sourceExpressionList,
        flattened);
    this.returning = returning;
    this.conflict = conflict;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StoreTableModify(getCluster(), traitSet, getTable(), getCatalogReader(), sole(inputs), getOperation(),
        getUpdateColumnList(), getSourceExpressionList(), isFlattened(), returning, conflict);
  }

  @Override
  public RelDataType deriveRowType() {
    return returning ? getTable().getRowType() : super.deriveRowType();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).itemIf("returning", true, returning).itemIf("conflict", conflict, conflict != null);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), Prefer.ARRAY);
    Expression rows = builder.append("rows", input.block);
    if (input.physType.getFormat() != JavaRowFormat.ARRAY && input.physType.getFormat() != JavaRowFormat.SCALAR) {
      rows = builder.append("arrayRows", input.physType.convertTo(rows, JavaRowFormat.ARRAY));
    }
    Expression storeTable = StoreTable.expression(getTable(), implementor.getRootExpression());
    Expression root = implementor.getRootExpression();
    Expression call = switch (getOperation()) {
      case INSERT -> conflict == null ? Expressions.call(storeTable, StoreMethod.INSERT.method, root, rows)
          : Expressions.call(storeTable, StoreMethod.UPSERT.method, root, rows,
              Expressions.constant(conflict.index(), String.class), Expressions.constant(conflict.anyConstraint()),
              intArray(conflict.keyColumns()),
              conflict.doUpdate() ? intArray(conflict.updateColumns()) : Expressions.constant(null, int[].class),
              Expressions.constant(conflict.hasCondition()));
      case DELETE -> Expressions.call(storeTable, StoreMethod.DELETE.method, root, rows);
      case UPDATE -> Expressions.call(storeTable, StoreMethod.UPDATE.method, root, rows,
          Expressions.newArrayInit(int.class, targetColumns()));
      default -> throw new IllegalStateException(getOperation() + " is not supported on store tables");
    };
    if (returning) {
      // the same write, keeping each written row: (Enumerable<Object[]>) storeTable.returning(call)
      call = Expressions.call(storeTable, StoreMethod.RETURNING.method, call);
      builder.add(Expressions.return_(null, call));
      PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
      return implementor.result(physType, builder.toBlock());
    }
    builder.add(Expressions.return_(null, call));
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        pref == Prefer.ARRAY ? JavaRowFormat.ARRAY : JavaRowFormat.SCALAR);
    return implementor.result(physType, builder.toBlock());
  }

  private static Expression intArray(int[] values) {
    return Expressions.newArrayInit(int.class,
        java.util.Arrays.stream(values).mapToObj(v -> (Expression) Expressions.constant(v)).toList());
  }

  /** The table column indexes an UPDATE sets, as constants for the generated call. */
  private List<Expression> targetColumns() {
    List<String> fieldNames = getTable().getRowType().getFieldNames();
    List<String> updated = java.util.Objects.requireNonNull(getUpdateColumnList(), "updateColumnList");
    return updated.stream().map(name -> (Expression) Expressions.constant(fieldNames.indexOf(name))).toList();
  }

  /** The convention this node produces. */
  static RelTraitSet traits(RelTraitSet traits) {
    return traits.replace(EnumerableConvention.INSTANCE);
  }
}
