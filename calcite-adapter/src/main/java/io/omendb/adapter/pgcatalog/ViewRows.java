package io.omendb.adapter.pgcatalog;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.AccessCatalog;
import io.omendb.engine.catalog.RelationNames;
import io.omendb.engine.catalog.ViewDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the system catalogs show of views beyond their {@code pg_class} and {@code pg_attribute} rows: the
 * {@code pg_views} rows and the definitions {@code pg_get_viewdef} returns. A definition is the query's text as the
 * parser read it (PostgreSQL instead prints its parse tree again, with qualified column names), between the space
 * and the semicolon PostgreSQL puts around it.
 */
final class ViewRows {
  private final PgSession session;

  ViewRows(PgSession session) {
    this.session = requireNonNull(session, "session");
  }

  /** {@code pg_views}: schemaname, viewname, viewowner, definition. */
  List<Object[]> pgViews() {
    AccessCatalog access = new AccessCatalog(session.engine(), session.user());
    List<Object[]> rows = new ArrayList<>();
    for (ViewDef view : session.engine().catalog().views().views()) {
      Map<String, Object> row = new HashMap<>();
      row.put("schemaname", RelationNames.schemaOf(view.name()));
      row.put("viewname", RelationNames.nameOf(view.name()));
      row.put("viewowner", access.owner(view.relation()).orElse(session.user()));
      row.put("definition", definition(view));
      rows.add(PgRelations.VIEWS.row(row));
    }
    return rows;
  }

  /** {@code pg_get_viewdef(oid)}: the definition of the view with this oid; null for any other oid. */
  String definition(int oid) {
    return view(view -> PgOids.table(view.relation()) == oid).map(ViewRows::definition).orElse(null);
  }

  /** {@code pg_get_viewdef(name)}: the name schema-qualified, or else in public. */
  String definition(String name) {
    int dot = name.indexOf('.');
    String engineName = dot < 0 ? name : RelationNames.qualify(name.substring(0, dot), name.substring(dot + 1));
    return session.engine().catalog().views().view(engineName).map(ViewRows::definition).orElseThrow(
        () -> new IllegalArgumentException("relation \"" + name + "\" does not exist"));
  }

  private Optional<ViewDef> view(java.util.function.Predicate<ViewDef> test) {
    return session.engine().catalog().views().views().stream().filter(test).findFirst();
  }

  static String definition(ViewDef view) {
    return " " + view.query() + ";";
  }
}
