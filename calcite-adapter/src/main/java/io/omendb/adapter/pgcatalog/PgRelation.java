package io.omendb.adapter.pgcatalog;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/** One system catalog relation: its name and PostgreSQL's columns, in order. */
record PgRelation(String name, Map<String, PgColumnType> columns) {

  PgRelation {
    requireNonNull(name, "name");
    columns = new LinkedHashMap<>(requireNonNull(columns, "columns"));
  }

  /** A relation from alternating column names and types. */
  static PgRelation of(String name, Object... namesAndTypes) {
    Map<String, PgColumnType> columns = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      columns.put((String) namesAndTypes[i], (PgColumnType) namesAndTypes[i + 1]);
    }
    return new PgRelation(name, columns);
  }

  RelDataType rowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    columns.forEach((column, type) -> builder.add(column, type.toRelDataType(typeFactory)));
    return builder.build();
  }

  /** A row with the given column values and each other column at its type's default. */
  Object[] row(Map<String, ?> values) {
    for (String column : values.keySet()) {
      if (!columns.containsKey(column)) {
        throw new IllegalArgumentException(name + " has no column " + column);
      }
    }
    List<Object> row = new ArrayList<>(columns.size());
    columns.forEach((column, type) -> row.add(values.containsKey(column) ? values.get(column) : type.defaultValue()));
    return row.toArray();
  }
}
