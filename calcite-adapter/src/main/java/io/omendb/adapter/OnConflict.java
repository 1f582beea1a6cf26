package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.parser.SqlUpsert;
import io.omendb.engine.catalog.IndexDef;
import io.omendb.engine.catalog.TableDef;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An INSERT's {@code ON CONFLICT} clause resolved against its table: the constraint that decides a conflict (the
 * primary key, a unique index, or, for DO NOTHING without a target, any of them) and the action.
 *
 * @param index the unique index named or inferred as the target; null for the primary key or for any constraint
 * @param anyConstraint whether any unique constraint is a conflict (DO NOTHING without a target)
 * @param keyColumns the target constraint's columns; empty when {@code anyConstraint}
 * @param updateColumns the columns DO UPDATE assigns, in the order of its SET list; null for DO NOTHING
 * @param hasCondition whether DO UPDATE has a WHERE condition
 */
record OnConflict(@Nullable String index, boolean anyConstraint, int[] keyColumns, int @Nullable [] updateColumns,
    boolean hasCondition) {

  OnConflict {
    requireNonNull(keyColumns, "keyColumns");
  }

  /** Whether the action is DO UPDATE. */
  boolean doUpdate() {
    return updateColumns != null;
  }

  /**
   * Resolves {@code upsert}'s clause against {@code table} and its {@code indexes}.
   *
   * @throws SqlStateException 42P10 when no primary key or unique index matches the target columns, 42704 for an
   *     unknown constraint name, 42601 for DO UPDATE without a target, 42703 for an unknown column
   */
  static OnConflict resolve(TableDef table, List<IndexDef> indexes, SqlUpsert upsert) {
    String index = null;
    boolean any = false;
    int[] key;
    if (upsert.targetColumns() != null) {
      TreeSet<Integer> columns = new TreeSet<>();
      for (SqlNode column : upsert.targetColumns()) {
        columns.add(column(table, column));
      }
      key = null;
      if (table.primaryKey().length > 0 && sameColumns(columns, table.primaryKey())) {
        key = table.primaryKey();
      } else {
        for (IndexDef candidate : indexes) {
          if (candidate.unique() && sameColumns(columns, candidate.columns())) {
            index = candidate.name();
            key = candidate.columns();
            break;
          }
        }
      }
      if (key == null) {
        throw new SqlStateException("42P10",
            "there is no unique or exclusion constraint matching the ON CONFLICT specification");
      }
    } else if (upsert.constraint() != null) {
      String name = upsert.constraint().getSimple();
      if (table.primaryKey().length > 0 && name.equals(table.primaryKeyName())) {
        key = table.primaryKey();
      } else {
        IndexDef named = indexes.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow(
            () -> new SqlStateException("42704",
                "constraint \"" + name + "\" for table \"" + table.name() + "\" does not exist"));
        if (!named.unique()) {
          throw new SqlStateException("42809", "constraint in ON CONFLICT clause has no associated index");
        }
        index = named.name();
        key = named.columns();
      }
    } else {
      if (upsert.doUpdate()) {
        throw new SqlStateException("42601",
            "ON CONFLICT DO UPDATE requires inference specification or constraint name");
      }
      any = true;
      key = new int[0];
    }
    int[] update = null;
    if (upsert.doUpdate()) {
      update = new int[upsert.updateColumns().size()];
      for (int i = 0; i < update.length; i++) {
        update[i] = column(table, upsert.updateColumns().get(i));
      }
    }
    return new OnConflict(index, any, key.clone(), update, upsert.condition() != null);
  }

  private static int column(TableDef table, SqlNode node) {
    String name = ((SqlIdentifier) node).getSimple();
    for (int i = 0; i < table.columns().size(); i++) {
      if (table.columns().get(i).name().equals(name)) {
        return i;
      }
    }
    throw new SqlStateException("42703",
        "column \"" + name + "\" of relation \"" + table.name() + "\" does not exist");
  }

  private static boolean sameColumns(TreeSet<Integer> columns, int[] constraint) {
    return columns.equals(new TreeSet<>(Arrays.stream(constraint).boxed().toList()));
  }

  @Override
  public String toString() {
    String target = anyConstraint ? "any" : index != null ? index : "primary key";
    return String.format(Locale.ROOT, "%s %s", target, doUpdate() ? "DO UPDATE" : "DO NOTHING");
  }
}
