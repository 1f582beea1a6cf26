package io.omendb.adapter.pgcatalog;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The virtual {@code information_schema} of one session: the SQL-standard views PostgreSQL 15 defines, with its
 * columns, computed from the engine catalog on every scan ({@link InformationSchemaRows}).
 */
final class InformationSchema extends AbstractSchema {
  /** The schema's name. */
  static final String NAME = "information_schema";

  private final Map<String, Table> tables;

  InformationSchema(PgSession session) {
    requireNonNull(session, "session");
    Map<String, Table> map = new HashMap<>();
    table(map, session, InformationSchemaRelations.TABLES, InformationSchemaRows::tables);
    table(map, session, InformationSchemaRelations.COLUMNS, InformationSchemaRows::columns);
    table(map, session, InformationSchemaRelations.SCHEMATA, InformationSchemaRows::schemata);
    table(map, session, InformationSchemaRelations.TABLE_CONSTRAINTS, InformationSchemaRows::tableConstraints);
    table(map, session, InformationSchemaRelations.KEY_COLUMN_USAGE, InformationSchemaRows::keyColumnUsage);
    table(map, session, InformationSchemaRelations.CONSTRAINT_COLUMN_USAGE,
        InformationSchemaRows::constraintColumnUsage);
    table(map, session, InformationSchemaRelations.TABLE_PRIVILEGES, InformationSchemaRows::tablePrivileges);
    table(map, session, InformationSchemaRelations.VIEWS, InformationSchemaRows::views);
    table(map, session, InformationSchemaRelations.REFERENTIAL_CONSTRAINTS,
        InformationSchemaRows::referentialConstraints);
    table(map, session, InformationSchemaRelations.CHARACTER_SETS, InformationSchemaRows::characterSets);
    table(map, session, InformationSchemaRelations.ROUTINES, InformationSchemaRows::routines);
    this.tables = Map.copyOf(map);
  }

  private static void table(Map<String, Table> map, PgSession session, PgRelation relation,
      Function<InformationSchemaRows, List<Object[]>> rows) {
    map.put(relation.name(), new PgCatalogTable(relation, session, s -> rows.apply(new InformationSchemaRows(s))));
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
