package io.omendb.adapter;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.prepare.CalciteCatalogReader;

/**
 * The catalog reader of a statement planned in a session: unqualified names are looked up in each schema of the
 * session's search path in turn, then in the root schema (where {@code pg_catalog}'s relations are registered
 * too), and qualified names {@code s.t} in root schema {@code s}. Calcite's own reader knows one default schema.
 */
final class SearchPathCatalogReader extends CalciteCatalogReader {
  private SearchPathCatalogReader(CalciteCatalogReader standard, CalciteSchema root, List<List<String>> paths,
      CalcitePrepare.Context context) {
    super(root, standard.nameMatcher(), paths, context.getTypeFactory(), context.config());
  }

  /**
   * A reader over {@code context}'s schemas by the search path of the session whose store schema it holds; the
   * standard reader for a context without one.
   */
  static CalciteCatalogReader of(CalciteCatalogReader standard, CalcitePrepare.Context context) {
    CalciteSchema root = context.getRootSchema();
    CalciteSchema store = root.getSubSchema(StoreSchema.NAME, true);
    if (store == null || !(store.schema instanceof StoreSchema schema)) {
      return standard;
    }
    List<List<String>> paths = new ArrayList<>();
    for (String name : schema.searchPath()) {
      paths.add(List.of(name));
    }
    paths.add(List.of());
    return new SearchPathCatalogReader(standard, root, paths, context);
  }
}
