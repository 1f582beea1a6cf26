package io.omendb.adapter.pgcatalog;

import io.omendb.engine.catalog.Catalog;
import io.omendb.engine.catalog.SequenceDef;
import io.omendb.engine.catalog.TableDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of {@code pg_depend} that psql reads: a sequence owned by a column depends on it automatically
 * ({@code deptype 'a'}, serial) or internally ({@code 'i'}, identity), which {@code \d sequence} prints as "Owned
 * by"; a primary key's index depends internally on its constraint.
 */
final class PgDepend {
  private PgDepend() {
  }

  static List<Object[]> rows(PgSession session) {
    Catalog catalog = session.engine().catalog();
    List<Object[]> rows = new ArrayList<>();
    for (SequenceDef sequence : catalog.sequences().sequences()) {
      if (sequence.ownedByTable() == null || sequence.ownedByColumn() == null) {
        continue;
      }
      Optional<TableDef> table = catalog.table(sequence.ownedByTable());
      if (table.isEmpty()) {
        continue;
      }
      int column = table.get().columnIndex(sequence.ownedByColumn());
      if (column < 0) {
        continue;
      }
      rows.add(row(PgOids.sequence(sequence), PgOids.PG_CLASS_RELATION, PgOids.table(table.get()), column + 1,
          sequence.identity() == SequenceDef.Identity.NONE ? "a" : "i"));
    }
    for (TableDef table : catalog.tables()) {
      if (!table.hasRowId()) {
        rows.add(row(PgOids.primaryKeyIndex(table), PgOids.PG_CONSTRAINT_RELATION,
            PgOids.primaryKeyConstraint(table), 0, "i"));
      }
    }
    return rows;
  }

  private static Object[] row(int objid, int refclassid, int refobjid, int refobjsubid, String deptype) {
    Map<String, Object> row = new HashMap<>();
    row.put("classid", PgOids.PG_CLASS_RELATION);
    row.put("objid", objid);
    row.put("objsubid", 0);
    row.put("refclassid", refclassid);
    row.put("refobjid", refobjid);
    row.put("refobjsubid", refobjsubid);
    row.put("deptype", deptype);
    return PgRelations.DEPEND.row(row);
  }
}
