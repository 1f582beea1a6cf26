package io.omendb.adapter.pgcatalog;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/** A system catalog relation or information_schema view whose rows are computed each time it is scanned. */
final class PgCatalogTable extends AbstractTable implements ScannableTable {
  private final PgRelation relation;
  private final PgSession session;
  private final Function<PgSession, List<Object[]>> rows;

  PgCatalogTable(PgRelation relation, PgSession session, Function<PgSession, List<Object[]>> rows) {
    this.relation = requireNonNull(relation, "relation");
    this.session = requireNonNull(session, "session");
    this.rows = requireNonNull(rows, "rows");
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return relation.rowType(typeFactory);
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    return Linq4j.asEnumerable(rows.apply(session));
  }
}
