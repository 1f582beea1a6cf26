package io.omendb.adapter.pgcatalog;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * PostgreSQL's {@code generate_series(start, stop)} over integers: one column, {@code generate_series}, with the
 * values from start to stop; none when either is null or stop is below start.
 */
public final class SeriesTable extends AbstractTable implements ScannableTable {
  private final Integer start;
  private final Integer stop;

  private SeriesTable(Integer start, Integer stop) {
    this.start = start;
    this.stop = stop;
  }

  /** The table function; Calcite calls it with null arguments to learn the row type. */
  public static ScannableTable generate_series(Integer start, Integer stop) {
    return new SeriesTable(start, stop);
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return typeFactory.builder().add("generate_series", SqlTypeName.INTEGER).build();
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    List<Object[]> rows = new ArrayList<>();
    if (start != null && stop != null) {
      for (int value = start; value <= stop; value++) {
        rows.add(new Object[] {value});
      }
    }
    return Linq4j.asEnumerable(rows);
  }
}
