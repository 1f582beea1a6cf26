package io.omendb.adapter.pgcatalog;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.TableFunctionImpl;

/**
 * The virtual {@code pg_catalog} schema of one session: PostgreSQL's system catalog relations, computed from the
 * engine catalog on every scan, and the catalog functions, which {@link #register} also makes reachable
 * unqualified, as PostgreSQL's search path does; {@link #register} adds {@link InformationSchema} beside it.
 */
public final class PgCatalogSchema extends AbstractSchema {
  /** The schema's name. */
  public static final String NAME = "pg_catalog";

  private final PgSession session;
  private final Map<String, Table> tables;

  private PgCatalogSchema(PgSession session) {
    this.session = requireNonNull(session, "session");
    Map<String, Table> map = new HashMap<>();
    table(map, PgRelations.NAMESPACE, CatalogRows::namespaces);
    table(map, PgRelations.CLASS, CatalogRows::classes);
    table(map, PgRelations.ATTRIBUTE, CatalogRows::attributes);
    table(map, PgRelations.ATTRDEF, CatalogRows::attributeDefaults);
    table(map, PgRelations.INDEX, CatalogRows::indexes);
    table(map, PgRelations.CONSTRAINT, CatalogRows::constraints);
    table(map, PgRelations.AM, CatalogRows::accessMethods);
    table(map, PgRelations.TYPE, CatalogRows::types);
    table(map, PgRelations.DATABASE, CatalogRows::databases);
    table(map, PgRelations.ROLES, CatalogRows::roles);
    table(map, PgRelations.USER, CatalogRows::users);
    table(map, PgRelations.AUTHID, CatalogRows::authIds);
    table(map, PgRelations.AUTH_MEMBERS, CatalogRows::authMembers);
    table(map, PgRelations.TABLESPACE, CatalogRows::tablespaces);
    table(map, PgRelations.COLLATION, CatalogRows::collations);
    table(map, PgRelations.SEQUENCE, CatalogRows::sequences);
    table(map, PgRelations.SETTINGS, CatalogRows::settings);
    table(map, PgRelations.DESCRIPTION, CatalogRows::descriptions);
    map.put(PgRelations.VIEWS.name(), new PgCatalogTable(PgRelations.VIEWS, session, s -> new ViewRows(s).pgViews()));
    map.put(PgRelations.DEPEND.name(), new PgCatalogTable(PgRelations.DEPEND, session, PgDepend::rows));
    for (PgRelation empty : List.of(PgRelations.SHDESCRIPTION,
        PgRelations.INHERITS, PgRelations.POLICY, PgRelations.STATISTIC_EXT, PgRelations.TRIGGER,
        PgRelations.REWRITE, PgRelations.PUBLICATION, PgRelations.PUBLICATION_NAMESPACE,
        PgRelations.PUBLICATION_REL, PgRelations.EXTENSION, PgRelations.FOREIGN_TABLE,
        PgRelations.PARTITIONED_TABLE, PgRelations.PROC)) {
      table(map, empty, rows -> List.of());
    }
    this.tables = Map.copyOf(map);
  }

  private void table(Map<String, Table> map, PgRelation relation,
      java.util.function.Function<CatalogRows, List<Object[]>> rows) {
    map.put(relation.name(), new PgCatalogTable(relation, session, s -> rows.apply(new CatalogRows(s))));
  }

  /**
   * Adds a session's {@code pg_catalog} schema under {@code root}, and its functions both there and in
   * {@code root} itself.
   */
  public static void register(SchemaPlus root, PgSession session) {
    PgCatalogSchema catalog = new PgCatalogSchema(session);
    SchemaPlus schema = root.add(NAME, catalog);
    // pg_catalog is on every search path: its relations resolve unqualified too (a table in public comes first)
    catalog.tables.forEach(root::add);
    for (Method method : PgFunctions.class.getDeclaredMethods()) {
      if (!Modifier.isPublic(method.getModifiers()) || !Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      Function function = PgFunction.of(method);
      schema.add(method.getName(), function);
      root.add(method.getName(), function);
    }
    root.add(InformationSchema.NAME, new InformationSchema(session));
    Function series = TableFunctionImpl.create(SeriesTable.class, "generate_series");
    schema.add("generate_series", series);
    root.add("generate_series", series);
  }

  PgSession session() {
    return session;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
