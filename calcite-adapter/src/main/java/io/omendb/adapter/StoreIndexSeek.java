package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.IndexDef;
import io.omendb.engine.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.BuiltInMethod;

/**
 * Reads only the rows of a store table whose primary key, or the key of one of its secondary indexes, satisfies a
 * {@link SeekCondition}: point lookups (through the ALEX key directory where the table has one) or key-range scans. EXPLAIN shows the access path, e.g.
 * {@code StoreIndexSeek(table=[[public, accounts]], index=[PRIMARY], alex=[true], keys=[$0 = ?0])}.
 */
public final class StoreIndexSeek extends TableScan implements EnumerableRel {
  /** Rows a range read is assumed to return, as a fraction of the table, without better statistics. */
  private static final double RANGE_SELECTIVITY = 0.1;

  /**
   * Cost of a row found through a secondary index relative to a row of a scan: an index entry read, then a point
   * read of the row version the snapshot sees. So a seek that finds most of the table loses to the scan.
   */
  static final double INDEX_HIT_COST = 2;

  private final SeekCondition seek;
  private final boolean alex;
  private final IndexDef index;
  private final int[] columns;

  StoreIndexSeek(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, SeekCondition seek, boolean alex,
      IndexDef index, int[] columns) {
    super(cluster, traits, List.of(), table);
    this.seek = requireNonNull(seek, "seek");
    this.alex = alex;
    this.index = index;
    this.columns = columns == null ? null : columns.clone();
  }

  /** A seek on the primary key. */
  static StoreIndexSeek create(RelOptCluster cluster, RelOptTable table, SeekCondition seek, boolean alex) {
    // rows come out in key order: ranges are sorted and disjoint, and point lists are sorted at run time
    return new StoreIndexSeek(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE)
        .replaceIfs(RelCollationTraitDef.INSTANCE, table::getCollationList), table, seek, alex, null, null);
  }

  /** A seek on a secondary index; rows come in index order, which no collation declares yet. */
  static StoreIndexSeek onIndex(RelOptCluster cluster, RelOptTable table, SeekCondition seek, IndexDef index) {
    return new StoreIndexSeek(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), table, seek, false,
        requireNonNull(index, "index"), null);
  }

  /** This seek returning only {@code columns} of the table (see {@link StoreColumns}); its order follows. */
  StoreIndexSeek withColumns(int[] columns) {
    RelTraitSet traits = index != null ? getTraitSet() : getTraitSet()
        .replaceIfs(RelCollationTraitDef.INSTANCE, () -> StoreColumns.collations(table, columns));
    return new StoreIndexSeek(getCluster(), traits, table, seek, alex, index, columns);
  }

  SeekCondition seek() {
    return seek;
  }

  /** The table columns this seek returns, in output order; null for all. */
  int[] columns() {
    return columns == null ? null : columns.clone();
  }

  /**
   * Whether this is an index-only seek: a secondary index holding every column read, on a table with a primary-key
   * directory, so the engine answers current entries without reading their rows.
   */
  boolean covering() {
    return index != null && columns != null && alexTable() && index.covers(store().def(), columns);
  }

  private StoreTable store() {
    return requireNonNull(table.unwrap(StoreTable.class), "StoreTable");
  }

  private boolean alexTable() {
    return store().usesAlex();
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StoreIndexSeek(getCluster(), traitSet, table, seek, alex, index, columns);
  }

  @Override
  public RelDataType deriveRowType() {
    return StoreColumns.rowType(table, columns, getCluster().getTypeFactory());
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("index", index == null ? "PRIMARY" : index.name())
        .item("alex", seek.isPoints() && alex)
        .item(seek.isPoints() ? "keys" : "ranges", seek.toString().substring(seek.toString().indexOf('=') + 1))
        .itemIf("projects", StoreColumns.explain(columns), columns != null)
        .itemIf("covering", true, covering());
  }

  /**
   * A unique key's point finds one row; an equality on the leading columns of a secondary index finds the rows per
   * distinct value of those columns (the engine's estimate); any other range a fixed fraction of the table.
   */
  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    StoreTable store = requireNonNull(table.unwrap(StoreTable.class), "StoreTable");
    double rows = 0;
    for (SeekCondition.KeyRange range : seek.ranges()) {
      boolean equality = range.lowerInclusive() && range.upperInclusive() && !range.lower().isEmpty()
          && range.lower().equals(range.upper());
      if (range.isPoint(seek.keyColumns().length) && (index == null || index.unique())) {
        rows += 1;
      } else if (equality && index != null) {
        rows += store.rowsPerKey(index, range.lower().size());
      } else {
        rows += table.getRowCount() * RANGE_SELECTIVITY;
      }
    }
    return Math.max(1, rows);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    // an index-only seek reads entries alone: no point read of each row, and nothing to decode
    double cost = index == null ? StoreColumns.rowCost(rows, table.getRowType().getFieldCount(), columns)
        : covering() ? rows : rows * INDEX_HIT_COST;
    return planner.getCostFactory().makeCost(cost, cost, seek.ranges().size());
  }

  @Override
  public void register(RelOptPlanner planner) {
    StoreRules.register(planner);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType = StoreColumns.physType(implementor.getTypeFactory(), getRowType());
    Expression root = implementor.getRootExpression();
    TableDef def = requireNonNull(table.unwrap(StoreTable.class), "StoreTable").def();
    List<Expression> ranges = new ArrayList<>();
    for (SeekCondition.KeyRange range : seek.ranges()) {
      ranges.add(Expressions.newArrayInit(Object.class,
          values(range.lower(), def, root),
          Expressions.constant(range.lowerInclusive(), Object.class),
          values(range.upper(), def, root),
          Expressions.constant(range.upperInclusive(), Object.class),
          Expressions.constant(range.isPoint(seek.keyColumns().length), Object.class)));
    }
    Expression rangeArray = Expressions.newArrayInit(Object.class, 2, ranges);
    Expression call = index == null
        ? Expressions.call(StoreTable.expression(table, root), StoreMethod.SEEK.method, root, rangeArray,
            StoreColumns.expression(columns))
        : Expressions.call(StoreTable.expression(table, root), StoreMethod.SEEK_INDEX.method, root,
            Expressions.constant(index.name()), rangeArray, StoreColumns.expression(columns));
    return implementor.result(physType, Blocks.toBlock(StoreColumns.rows(call, getRowType())));
  }

  /** The key values of a bound as an {@code Object[]} expression; parameters are read from the DataContext. */
  private Expression values(List<RexNode> operands, TableDef def, Expression root) {
    List<Expression> values = new ArrayList<>();
    for (int i = 0; i < operands.size(); i++) {
      RexNode operand = operands.get(i);
      ColumnType type = def.columns().get(seek.keyColumns()[i]).type();
      if (operand instanceof RexDynamicParam param) {
        values.add(Expressions.call(root, BuiltInMethod.DATA_CONTEXT_GET.method,
            Expressions.constant("?" + param.getIndex())));
      } else {
        Object value = literalValue(literalOf(operand), type);
        // a UUID has no Java literal: rebuild it from its text
        values.add(value instanceof java.util.UUID uuid
            ? Expressions.call(java.util.UUID.class, "fromString", Expressions.constant(uuid.toString()))
            : Expressions.constant(value, Object.class));
      }
    }
    return Expressions.newArrayInit(Object.class, values);
  }

  /**
   * The literal of a bound: a literal itself, or one under casts to the column's type (a range of a search argument
   * over a BIGINT column is built as {@code CAST(200:BIGINT):BIGINT}).
   */
  private static RexLiteral literalOf(RexNode operand) {
    RexNode node = operand;
    while (node.getKind() == org.apache.calcite.sql.SqlKind.CAST) {
      node = ((org.apache.calcite.rex.RexCall) node).getOperands().get(0);
    }
    if (!(node instanceof RexLiteral literal)) {
      throw new IllegalStateException("seek bound is not a literal: " + operand);
    }
    return literal;
  }

  /** A literal as the engine stores values of {@code type}. */
  static Object literalValue(RexLiteral literal, ColumnType type) {
    return switch (type) {
      case BOOLEAN -> literal.getValueAs(Boolean.class);
      case SMALLINT -> literal.getValueAs(Short.class);
      case INTEGER, DATE, TIME -> literal.getValueAs(Integer.class);
      case BIGINT, TIMESTAMP, TIMESTAMPTZ -> literal.getValueAs(Long.class);
      case INTERVAL_DAY_TIME -> literal.getValueAs(Long.class);
      case INTERVAL_YEAR_MONTH -> literal.getValueAs(Integer.class);
      case REAL -> literal.getValueAs(Float.class);
      case DOUBLE -> literal.getValueAs(Double.class);
      case DECIMAL -> literal.getValueAs(java.math.BigDecimal.class);
      case VARCHAR, CHAR -> literal.getValueAs(String.class);
      case VARBINARY -> literal.getValueAs(byte[].class);
      case UUID -> literal.getValueAs(java.util.UUID.class);
      case JSON, JSONB -> throw new IllegalArgumentException(type + " columns are never keys");
    };
  }
}
