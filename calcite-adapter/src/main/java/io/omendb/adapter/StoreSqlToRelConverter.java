package io.omendb.adapter;

import io.omendb.adapter.parser.SqlReturning;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's SQL-to-relational conversion plus {@code RETURNING}: a {@link SqlReturning} becomes the projection of
 * its items over a {@link ReturningTableModify}, which writes the rows and yields them, in place of the scan of the
 * table the items were validated against.
 */
final class StoreSqlToRelConverter extends SqlToRelConverter {

  StoreSqlToRelConverter(RelOptTable.ViewExpander viewExpander, SqlValidator validator,
      Prepare.CatalogReader catalogReader, RelOptCluster cluster, SqlRexConvertletTable convertletTable,
      Config config) {
    super(viewExpander, validator, catalogReader, cluster, convertletTable, config);
  }

  @Override
  protected RelRoot convertQueryRecursive(SqlNode query, boolean top, @Nullable RelDataType targetRowType) {
    if (!(query instanceof SqlReturning returning)) {
      return super.convertQueryRecursive(query, top, targetRowType);
    }
    RelRoot items = super.convertQueryRecursive(query, top, targetRowType);
    SqlNode dml = java.util.Objects.requireNonNull(validator, "validator").validate(returning.dml());
    RelNode written = super.convertQueryRecursive(dml, false, null).rel;
    if (!(written instanceof TableModify modify)) {
      throw new IllegalStateException("RETURNING over " + written.getRelTypeName());
    }
    ReturningTableModify rows = ReturningTableModify.of(modify);
    RelNode replaced = items.rel.accept(new RelShuttleImpl() {
      private boolean done;

      @Override
      public RelNode visit(TableScan scan) {
        if (!done && scan.getTable().getQualifiedName().equals(modify.getTable().getQualifiedName())) {
          done = true;
          return rows;
        }
        return scan;
      }
    });
    return items.withRel(replaced);
  }
}
