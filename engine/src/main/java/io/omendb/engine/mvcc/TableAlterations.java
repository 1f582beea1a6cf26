package io.omendb.engine.mvcc;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.ConstraintViolationException;
import io.omendb.engine.catalog.Catalog;
import io.omendb.engine.catalog.CatalogException;
import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.IndexDef;
import io.omendb.engine.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * ALTER TABLE in the engine. Each change runs under the commit lock and bumps the catalog version, so cached plans
 * are replanned. Adding, dropping and renaming columns rewrite no rows (see {@link io.omendb.engine.catalog.RowLayout});
 * setting NOT NULL validates the newest committed rows; adding or dropping a primary key re-keys the table
 * ({@link TableRewrite}); a UNIQUE constraint is a unique index built from the current rows.
 */
public final class TableAlterations {
  private final TransactionManager manager;
  private final Catalog catalog;

  TableAlterations(TransactionManager manager) {
    this.manager = requireNonNull(manager, "manager");
    this.catalog = manager.catalog();
  }

  /**
   * {@code ADD COLUMN}: a new last column; rows stored before it read NULL there.
   *
   * @throws CatalogException DUPLICATE_COLUMN if the table has a column of that name
   */
  public TableDef addColumn(String tableName, ColumnDef column) {
    requireNonNull(column, "column");
    return manager.locked(() -> {
      TableDef table = table(tableName);
      if (table.columnIndex(column.name()) >= 0) {
        throw new CatalogException(CatalogException.Kind.DUPLICATE_COLUMN,
            "column \"" + column.name() + "\" of relation \"" + tableName + "\" already exists");
      }
      List<ColumnDef> columns = new ArrayList<>(table.columns());
      columns.add(column);
      TableDef altered = table.withColumns(columns, table.primaryKey(), table.layout().withColumnAdded(column.type()));
      return catalog.alterTable(tableName, altered, catalog.indexes(tableName));
    });
  }

  /**
   * {@code DROP COLUMN}: as in PostgreSQL the indexes on the column go with it, and so does the primary key if the
   * column is part of it (the table is re-keyed by row id). The values stay in the stored rows, unread.
   *
   * @throws CatalogException UNDEFINED_COLUMN if there is no such column, INVALID_DEFINITION for the last column
   */
  public TableDef dropColumn(String tableName, String columnName) {
    return manager.locked(() -> {
      TableDef table = table(tableName);
      int dropped = column(table, columnName);
      if (table.columns().size() == 1) {
        throw new CatalogException(CatalogException.Kind.UNSUPPORTED,
            "cannot drop the last column \"" + columnName + "\" of table \"" + tableName + "\"");
      }
      for (int k : table.primaryKey()) {
        if (k == dropped) {
          table = manager.rekey(table, table.withPrimaryKey(new int[0], null));
          break;
        }
      }
      List<ColumnDef> columns = new ArrayList<>(table.columns());
      columns.remove(dropped);
      List<IndexDef> indexes = new ArrayList<>();
      for (IndexDef index : catalog.indexes(tableName)) {
        int[] kept = shiftAfterDrop(index.columns(), dropped);
        if (kept != null) {
          indexes.add(index.withTable(tableName, kept));
        }
      }
      TableDef altered = table.withColumns(columns, shiftAfterDrop(table.primaryKey(), dropped),
          table.layout().withColumnDropped(dropped));
      return catalog.alterTable(tableName, altered, indexes);
    });
  }

  /** {@code RENAME COLUMN a TO b}. */
  public TableDef renameColumn(String tableName, String from, String to) {
    return manager.locked(() -> {
      TableDef table = table(tableName);
      int column = column(table, from);
      if (table.columnIndex(to) >= 0) {
        throw new CatalogException(CatalogException.Kind.DUPLICATE_COLUMN,
            "column \"" + to + "\" of relation \"" + tableName + "\" already exists");
      }
      List<ColumnDef> columns = new ArrayList<>(table.columns());
      ColumnDef old = columns.get(column);
      columns.set(column, new ColumnDef(to, old.type(), old.precision(), old.scale(), old.nullable(),
          old.defaultExpression()));
      return catalog.alterTable(tableName, table.withColumns(columns, table.primaryKey(), table.layout()),
          catalog.indexes(tableName));
    });
  }

  /**
   * {@code RENAME TO}: the table keeps its id, rows, indexes and privileges.
   *
   * @throws CatalogException DUPLICATE_TABLE if a table or index has the new name
   */
  public TableDef renameTable(String tableName, String to) {
    return manager.locked(() -> {
      TableDef table = table(tableName);
      List<IndexDef> indexes = catalog.indexes(tableName).stream()
          .map(index -> index.withTable(to, index.columns()))
          .toList();
      return catalog.alterTable(tableName, table.withName(to), indexes);
    });
  }

  /**
   * {@code ALTER COLUMN c SET | DROP DEFAULT, SET | DROP NOT NULL}: replaces the column by {@code change}'s result
   * (same name and type); SET NOT NULL first checks that no row holds NULL there.
   *
   * @throws ConstraintViolationException NOT_NULL if NOT NULL is set and a row holds NULL (PostgreSQL's 23502)
   * @throws CatalogException INVALID_DEFINITION when dropping NOT NULL from a primary key column
   */
  public TableDef alterColumn(String tableName, String columnName, UnaryOperator<ColumnDef> change) {
    return alterColumn(tableName, columnName, change, true);
  }

  /**
   * As {@link #alterColumn(String, String, UnaryOperator)}; {@code validate} false skips the check for NULLs, for a
   * caller that has just filled the column in its own, not yet committed, transaction.
   */
  public TableDef alterColumn(String tableName, String columnName, UnaryOperator<ColumnDef> change,
      boolean validate) {
    return manager.locked(() -> {
      TableDef table = table(tableName);
      int column = column(table, columnName);
      ColumnDef old = table.columns().get(column);
      ColumnDef altered = change.apply(old);
      if (!altered.name().equals(old.name()) || altered.type() != old.type()) {
        throw new IllegalArgumentException("alterColumn keeps the name and type");
      }
      if (altered.nullable() && !old.nullable()) {
        for (int k : table.primaryKey()) {
          if (k == column) {
            throw new CatalogException(CatalogException.Kind.INVALID_DEFINITION,
                "column \"" + columnName + "\" is in a primary key");
          }
        }
      }
      if (validate && !altered.nullable() && old.nullable()) {
        manager.checkNoNulls(table, column);
      }
      List<ColumnDef> columns = new ArrayList<>(table.columns());
      columns.set(column, altered);
      return catalog.alterTable(tableName, table.withColumns(columns, table.primaryKey(), table.layout()),
          catalog.indexes(tableName));
    });
  }

  /**
   * {@code ADD [CONSTRAINT name] PRIMARY KEY (columns)}: re-keys the table's rows by the new key (whose columns
   * become NOT NULL).
   *
   * @throws CatalogException INVALID_DEFINITION if the table already has a primary key, UNDEFINED_COLUMN,
   *     DUPLICATE_TABLE if a relation is named {@code constraintName}
   * @throws ConstraintViolationException NOT_NULL for a NULL in a key column, UNIQUE for a duplicated key
   */
  public TableDef addPrimaryKey(String tableName, List<String> columnNames, String constraintName) {
    return manager.locked(() -> {
      TableDef table = table(tableName);
      if (!table.hasRowId()) {
        throw new CatalogException(CatalogException.Kind.INVALID_DEFINITION,
            "multiple primary keys for table \"" + tableName + "\" are not allowed");
      }
      String name = constraintName != null ? constraintName : tableName + "_pkey";
      catalog.checkIndexName(name);
      int[] key = new int[columnNames.size()];
      List<ColumnDef> columns = new ArrayList<>(table.columns());
      for (int i = 0; i < key.length; i++) {
        key[i] = column(table, columnNames.get(i));
        columns.set(key[i], columns.get(key[i]).withNullable(false));
      }
      TableDef keyed = table.withColumns(columns, new int[0], table.layout()).withPrimaryKey(key, name);
      return manager.rekey(table, keyed);
    });
  }

  /**
   * {@code ADD [CONSTRAINT name] UNIQUE (columns)}: a unique index, built from the current rows, that backs the
   * constraint.
   *
   * @throws ConstraintViolationException UNIQUE if two rows share non-null values
   */
  public IndexDef addUnique(String tableName, List<String> columnNames, String constraintName) {
    TableDef table = table(tableName);
    int[] columns = new int[columnNames.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = column(table, columnNames.get(i));
    }
    return manager.createIndex(new IndexDef(0, constraintName, tableName, columns, true, true));
  }

  /**
   * {@code DROP CONSTRAINT [IF EXISTS] name}: the primary key (the table is re-keyed by row id) or a UNIQUE
   * constraint's index. Returns false if there was none and {@code ifExists} is set.
   *
   * @throws CatalogException UNDEFINED_OBJECT if there is no such constraint and {@code ifExists} is not set
   */
  public boolean dropConstraint(String tableName, String constraintName, boolean ifExists) {
    return manager.locked(() -> {
      TableDef table = table(tableName);
      if (constraintName.equals(table.primaryKeyName())) {
        manager.rekey(table, table.withPrimaryKey(new int[0], null));
        return true;
      }
      for (IndexDef index : catalog.indexes(tableName)) {
        if (index.constraint() && index.name().equals(constraintName)) {
          catalog.dropIndex(constraintName, false);
          return true;
        }
      }
      if (ifExists) {
        return false;
      }
      throw new CatalogException(CatalogException.Kind.UNDEFINED_OBJECT,
          "constraint \"" + constraintName + "\" of relation \"" + tableName + "\" does not exist");
    });
  }

  private TableDef table(String name) {
    return catalog.table(requireNonNull(name, "name")).orElseThrow(() -> new CatalogException(
        CatalogException.Kind.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist"));
  }

  private static int column(TableDef table, String name) {
    int column = table.columnIndex(requireNonNull(name, "name"));
    if (column < 0) {
      throw new CatalogException(CatalogException.Kind.UNDEFINED_COLUMN,
          "column \"" + name + "\" of relation \"" + table.name() + "\" does not exist");
    }
    return column;
  }

  /** {@code columns} renumbered after column {@code dropped} is removed; null if it contained it. */
  private static int[] shiftAfterDrop(int[] columns, int dropped) {
    int[] shifted = new int[columns.length];
    for (int i = 0; i < columns.length; i++) {
      if (columns[i] == dropped) {
        return null;
      }
      shifted[i] = columns[i] > dropped ? columns[i] - 1 : columns[i];
    }
    return shifted;
  }
}
