package io.omendb.engine.catalog;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A view's definition: its query as SQL text, parsed again whenever the view is used, and the columns it had when
 * it was created, which uses of the view keep.
 *
 * @param id the view id, taken from the same counter as table ids (so that a view has an oid and an ACL as a table
 *     does); 0 for a definition not yet created
 * @param name the view name as stored
 * @param columns the view's columns: names and the types of the query's columns
 * @param query the query as SQL text that the SQL layer's parser reads
 * @param dependsOn the ids of the tables and views the query reads, for DROP ... RESTRICT | CASCADE
 */
public record ViewDef(int id, String name, List<ColumnDef> columns, String query, List<Integer> dependsOn) {
  public ViewDef {
    requireNonNull(name, "name");
    columns = List.copyOf(requireNonNull(columns, "columns"));
    requireNonNull(query, "query");
    dependsOn = List.copyOf(requireNonNull(dependsOn, "dependsOn"));
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("view " + name + " must have at least one column");
    }
    Set<String> names = new HashSet<>();
    for (ColumnDef column : columns) {
      if (!names.add(column.name())) {
        throw new CatalogException(CatalogException.Kind.DUPLICATE_COLUMN,
            "column \"" + column.name() + "\" specified more than once");
      }
    }
  }

  /** A view not yet created (id 0). */
  public static ViewDef create(String name, List<ColumnDef> columns, String query, List<Integer> dependsOn) {
    return new ViewDef(0, name, columns, query, dependsOn);
  }

  public ViewDef withId(int id) {
    return new ViewDef(id, name, columns, query, dependsOn);
  }

  public ViewDef withName(String name) {
    return new ViewDef(id, name, columns, query, dependsOn);
  }

  /** Whether the view's query reads the table or view with this id. */
  public boolean dependsOn(int relationId) {
    return dependsOn.contains(relationId);
  }

  /**
   * The view as a relation with a table's shape (same id, name and columns, no key), for what treats tables and
   * views alike: privileges, ownership, comments and the system catalogs' columns. It holds no rows, and (as
   * PostgreSQL shows a view's columns) every column is nullable.
   */
  public TableDef relation() {
    return new TableDef(id, name, columns.stream().map(column -> column.withNullable(true)).toList(), new int[0]);
  }
}
