package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.parser.OmenParserConfig;
import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.TableDef;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql2rel.InitializerContext;
import org.apache.calcite.sql2rel.NullInitializerExpressionFactory;

/** Supplies the DEFAULT expressions stored in the catalog when an INSERT leaves a column out. */
final class DefaultValues extends NullInitializerExpressionFactory {
  private final TableDef def;

  DefaultValues(TableDef def) {
    this.def = requireNonNull(def, "def");
  }

  @Override
  public ColumnStrategy generationStrategy(RelOptTable table, int iColumn) {
    ColumnDef column = def.columns().get(iColumn);
    if (column.defaultExpression() != null) {
      return ColumnStrategy.DEFAULT;
    }
    return column.nullable() ? ColumnStrategy.NULLABLE : ColumnStrategy.NOT_NULLABLE;
  }

  @Override
  public RexNode newColumnDefaultValue(RelOptTable table, int iColumn, InitializerContext context) {
    ColumnDef column = def.columns().get(iColumn);
    if (column.defaultExpression() == null) {
      return super.newColumnDefaultValue(table, iColumn, context);
    }
    SqlNode parsed = context.parseExpression(OmenParserConfig.config(), column.defaultExpression());
    SqlNode validated = context.validateExpression(table.getRowType(), parsed);
    RexNode value = context.convertExpression(validated);
    return context.getRexBuilder().makeCast(table.getRowType().getFieldList().get(iColumn).getType(), value);
  }
}
