package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.IndexDef;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.Engine;
import io.omendb.engine.mvcc.KeyBound;
import io.omendb.engine.mvcc.RowCursor;
import io.omendb.engine.mvcc.Transaction;
import io.omendb.engine.users.TablePrivilege;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.util.BuiltInMethod;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TemporalTable;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql2rel.InitializerExpressionFactory;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A table of the engine as Calcite sees it. Scans become {@link StoreTableScan}; generated code calls back into
 * {@link #scan} and {@link #insert} (see {@link StoreMethod}) inside the session's current transaction.
 */
public final class StoreTable extends AbstractTable implements TranslatableTable, TemporalTable {
  private final Engine engine;
  private final TableDef def;
  private final TransactionSource transactions;
  private final List<ColumnType> types;
  /** The views this table is read through (outermost first; empty when a statement names it itself). */
  private final List<ViewExpansion.Ref> views;

  StoreTable(Engine engine, TableDef def, TransactionSource transactions) {
    this(engine, def, transactions, List.of());
  }

  private StoreTable(Engine engine, TableDef def, TransactionSource transactions, List<ViewExpansion.Ref> views) {
    this.engine = requireNonNull(engine, "engine");
    this.def = requireNonNull(def, "def");
    this.transactions = requireNonNull(transactions, "transactions");
    this.types = def.columns().stream().map(ColumnDef::type).toList();
    this.views = List.copyOf(views);
  }

  /**
   * This table as the query of views {@code viewIds} (outermost first, named {@code viewNames}) reads it, whose
   * privileges are checked against the views' owners; called from generated code.
   */
  public StoreTable throughViews(int[] viewIds, String[] viewNames) {
    List<ViewExpansion.Ref> chain = new java.util.ArrayList<>();
    for (int i = 0; i < viewIds.length; i++) {
      chain.add(new ViewExpansion.Ref(viewIds[i], viewNames[i]));
    }
    return new StoreTable(engine, def, transactions, chain);
  }

  /** The views this table is read through, outermost first; empty when the statement names it itself. */
  List<ViewExpansion.Ref> views() {
    return views;
  }

  /** Checks that the session may read this table, directly or through its views. */
  void checkRead() {
    if (views.isEmpty()) {
      transactions.access().checkRead(def);
    } else {
      transactions.access().checkReadThroughViews(views, def);
    }
  }

  TableDef def() {
    return def;
  }

  /** Whether primary-key point lookups go through the engine's ALEX key directory. */
  boolean usesAlex() {
    return engine.hasAlexDirectory(def);
  }

  /**
   * Rows one value of the first {@code prefixLength} columns of {@code index} is expected to match: one for a whole
   * unique key, else the live rows divided by the engine's distinct-value estimate of that prefix.
   */
  double rowsPerKey(IndexDef index, int prefixLength) {
    if (index.unique() && prefixLength == index.columns().length) {
      return 1;
    }
    return Math.max(1, (double) engine.estimatedRowCount(def) / engine.distinctValues(index, prefixLength));
  }

  /**
   * Row count, keys and collation for Calcite's metadata. Keys are the primary key and every unique index whose
   * columns are all NOT NULL (a unique index admits several NULLs, so a nullable one is no key).
   */
  @Override
  public Statistic getStatistic() {
    int[] pk = def.primaryKey();
    List<ImmutableBitSet> keys = new java.util.ArrayList<>();
    if (pk.length > 0) {
      keys.add(ImmutableBitSet.of(pk));
    }
    for (IndexDef index : indexes()) {
      boolean notNull = java.util.Arrays.stream(index.columns()).noneMatch(c -> def.columns().get(c).nullable());
      if (index.unique() && notNull) {
        keys.add(ImmutableBitSet.of(index.columns()));
      }
    }
    List<RelFieldCollation> fields = new java.util.ArrayList<>();
    for (int k : pk) {
      fields.add(new RelFieldCollation(k));
    }
    List<RelCollation> collations = pk.length == 0 ? List.of() : List.of(RelCollations.of(fields));
    return Statistics.of(engine.estimatedRowCount(def), keys, collations);
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (ColumnDef column : def.columns()) {
      builder.add(column.name(), ColumnTypes.toRelType(typeFactory, column));
    }
    return builder.build();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    ViewExpansion expansion = transactions.access().views();
    expansion.reads(def.id());
    List<ViewExpansion.Ref> chain = expansion.chain();
    if (chain.isEmpty() || !views.isEmpty()) {
      return new StoreTableScan(context.getCluster(), relOptTable);
    }
    // inside a view: a table of its own, whose name (and so the scan's digest) shows the views read through
    List<String> names = relOptTable.getQualifiedName();
    List<String> shown = new java.util.ArrayList<>(names.subList(0, names.size() - 1));
    chain.forEach(view -> shown.add(view.name()));
    shown.add(names.get(names.size() - 1));
    StoreTable through = new StoreTable(engine, def, transactions, chain);
    RelOptTable table = org.apache.calcite.prepare.RelOptTableImpl.create(relOptTable.getRelOptSchema(),
        relOptTable.getRowType(), shown, through, (org.apache.calcite.linq4j.tree.Expression) null);
    return new StoreTableScan(context.getCluster(), table);
  }

  @Override
  public <C extends Object> @Nullable C unwrap(Class<C> aClass) {
    if (aClass == InitializerExpressionFactory.class) {
      return aClass.cast(new DefaultValues(def));
    }
    Object metadata = StoreScanMetadata.handler(aClass);
    if (metadata != null) {
      return aClass.cast(metadata);
    }
    return super.unwrap(aClass);
  }

  /**
   * The expression by which generated code reaches the {@code StoreTable} behind {@code table}:
   * {@code (StoreTable) root.getRootSchema().getSubSchema(schema).getTable(name)}.
   */
  static Expression expression(RelOptTable table, Expression root) {
    List<String> names = table.getQualifiedName();
    StoreTable store = table.unwrap(StoreTable.class);
    List<ViewExpansion.Ref> views = store == null ? List.of() : store.views();
    if (!views.isEmpty()) {
      // the name shows the views between the schema and the table (see toRel); the schema holds the table itself
      List<String> shown = names;
      names = new java.util.ArrayList<>(shown.subList(0, shown.size() - 1 - views.size()));
      names.add(shown.get(shown.size() - 1));
    }
    Expression schema = Expressions.call(root, BuiltInMethod.DATA_CONTEXT_GET_ROOT_SCHEMA.method);
    for (String name : names.subList(0, names.size() - 1)) {
      schema = Expressions.call(schema, BuiltInMethod.SCHEMA_GET_SUB_SCHEMA.method, Expressions.constant(name));
    }
    Expression direct = Expressions.convert_(
        Expressions.call(schema, BuiltInMethod.SCHEMA_GET_TABLE.method, Expressions.constant(names.get(names.size() - 1))),
        StoreTable.class);
    if (views.isEmpty()) {
      return direct;
    }
    return Expressions.call(direct, StoreMethod.THROUGH_VIEWS.method,
        Expressions.newArrayInit(int.class,
            views.stream().map(view -> (Expression) Expressions.constant(view.id())).toList()),
        Expressions.newArrayInit(String.class,
            views.stream().map(view -> (Expression) Expressions.constant(view.name())).toList()));
  }

  /**
   * All rows, in primary-key order, as the values of {@code columns} (null: every column; see {@link #project});
   * called from generated code. The cursor opens when enumeration starts.
   */
  public Enumerable<Object[]> scan(DataContext root, int[] columns) {
    checkRead();
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new RowEnumerator(transactions.current().scan(def, columns), columns);
      }
    };
  }

  /**
   * No such column: the engine keeps versions by commit timestamp, not in columns. Calcite asks a table to be a
   * {@link TemporalTable} before it accepts {@code FOR SYSTEM_TIME AS OF} on it, and reads nothing else of it.
   */
  @Override
  public String getSysStartFieldName() {
    return "$commit_from";
  }

  /** No such column either; see {@link #getSysStartFieldName}. */
  @Override
  public String getSysEndFieldName() {
    return "$commit_to";
  }

  /**
   * All rows as of the time {@code asOf} yields (one row: a timestamp in Calcite's internal milliseconds, of the
   * session's time zone if {@code local}, else UTC), in primary-key order, read in a read-only transaction at that
   * snapshot that lives as long as the enumerator; called from generated code.
   */
  public Enumerable<Object[]> scanAsOf(DataContext root, Enumerable<?> asOf, boolean local) {
    checkRead();
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        long micros = AsOfTime.fromCalcite(root, asOf, local);
        Transaction transaction = engine.beginAsOf(micros);
        try {
          RowCursor cursor = transaction.scan(def);
          return new RowEnumerator(cursor, null) {
            @Override
            public void close() {
              try {
                super.close();
              } finally {
                transaction.rollback();
              }
            }
          };
        } catch (RuntimeException e) {
          transaction.rollback();
          throw e;
        }
      }
    };
  }

  /**
   * Rows whose primary key lies in one of {@code ranges}; called from generated code. Each range is
   * {@code [Object[] lower, Boolean lowerInclusive, Object[] upper, Boolean upperInclusive, Boolean point]}, bounds
   * being key prefixes (empty: unbounded). A null key value (a NULL parameter) matches nothing, as in SQL. Rows are
   * the values of {@code columns} (null: all).
   */
  public Enumerable<Object[]> seek(DataContext root, Object[][] ranges, int[] columns) {
    checkRead();
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        Transaction transaction = transactions.current();
        if (java.util.Arrays.stream(ranges).allMatch(range -> (Boolean) range[4])) {
          // point lookups: one batch, sorted by key and without duplicates, so rows come out in key order
          List<Object[]> keys = new java.util.ArrayList<>();
          for (Object[] range : ranges) {
            Object[] key = engineValues((Object[]) range[0]);
            if (key != null) {
              keys.add(key);
            }
          }
          List<Object[]> rows = transaction.getAll(def, keys, columns);
          rows.replaceAll(row -> project(row, columns));
          return Linq4j.enumerator(rows);
        }
        return new SeekEnumerator(transaction, ranges, columns);
      }
    };
  }

  /** Streams the rows of each range in turn: a point is one lookup, a range one cursor, open only while read. */
  private final class SeekEnumerator implements Enumerator<Object[]> {
    private final Transaction transaction;
    private final Object[][] ranges;
    private final int[] columns;
    private final java.util.Set<java.util.List<Object>> pointsSeen = new java.util.HashSet<>();
    private int next;
    private RowCursor cursor;
    private Object[] current;

    SeekEnumerator(Transaction transaction, Object[][] ranges, int[] columns) {
      this.transaction = transaction;
      this.ranges = ranges;
      this.columns = columns;
    }

    @Override
    public Object[] current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      while (true) {
        if (cursor != null) {
          Object[] row = cursor.next();
          if (row != null) {
            current = project(row, columns);
            return true;
          }
          cursor.close();
          cursor = null;
        }
        if (next >= ranges.length) {
          current = null;
          return false;
        }
        Object[] range = ranges[next++];
        Object[] lower = engineValues((Object[]) range[0]);
        Object[] upper = engineValues((Object[]) range[2]);
        if (lower == null || upper == null) {
          continue;
        }
        if ((Boolean) range[4]) {
          Object[] row = pointsSeen.add(java.util.Arrays.asList(lower)) ? transaction.get(def, lower, columns) : null;
          if (row != null) {
            current = project(row, columns);
            return true;
          }
          continue;
        }
        KeyBound from = lower.length == 0 ? null : new KeyBound(lower, (Boolean) range[1]);
        KeyBound to = upper.length == 0 ? null : new KeyBound(upper, (Boolean) range[3]);
        cursor = transaction.scanRange(def, from, to, columns);
      }
    }

    @Override
    public void reset() {
      throw new UnsupportedOperationException("store cursors cannot be reset");
    }

    @Override
    public void close() {
      if (cursor != null) {
        cursor.close();
        cursor = null;
      }
    }
  }

  /**
   * Rows whose key in secondary index {@code indexName} lies in one of {@code ranges} (as for {@link #seek}); called
   * from generated code. Every hit is re-checked by the engine against the row version the transaction sees. Rows
   * are the values of {@code columns} (null: all); when the index covers them the engine scans the index only.
   */
  public Enumerable<Object[]> seekIndex(DataContext root, String indexName, Object[][] ranges, int[] columns) {
    checkRead();
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        Transaction transaction = transactions.current();
        IndexDef index = engine.catalog().index(indexName).orElseThrow(
            () -> new SqlStateException("42704", "index \"" + indexName + "\" does not exist"));
        List<Object[]> rows = new java.util.ArrayList<>();
        for (Object[] range : ranges) {
          Object[] lower = indexValues(index, (Object[]) range[0]);
          Object[] upper = indexValues(index, (Object[]) range[2]);
          if (lower == null || upper == null) {
            continue;
          }
          KeyBound from = lower.length == 0 ? null : new KeyBound(lower, (Boolean) range[1]);
          KeyBound to = upper.length == 0 ? null : new KeyBound(upper, (Boolean) range[3]);
          try (RowCursor cursor = transaction.scanIndex(def, index, from, to, columns)) {
            for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
              rows.add(project(row, columns));
            }
          }
        }
        return Linq4j.enumerator(rows);
      }
    };
  }

  /**
   * The rows of {@code left} joined with columns {@code rightColumns} of this table's rows whose primary key (or, with
   * {@code indexName}, the leading columns of that secondary index) equals the values of columns {@code leftKeys} of
   * the left row; called from generated code for a lookup join. With {@code leftOuter}, a left row without a match is
   * emitted with NULLs for this table's columns. Index hits are re-checked by the engine against the row version the
   * transaction sees.
   */
  public Enumerable<Object[]> lookupJoin(DataContext root, Enumerable<?> left, int[] leftKeys, int[] rightColumns,
      int leftWidth, boolean leftOuter, String indexName) {
    checkRead();
    int width = rightColumns.length;
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        Transaction transaction = transactions.current();
        IndexDef index = indexName == null ? null : engine.catalog().index(indexName).orElseThrow(
            () -> new SqlStateException("42704", "index \"" + indexName + "\" does not exist"));
        int[] keyColumns = index == null ? def.primaryKey() : index.columns();
        Enumerator<?> input = left.enumerator();
        return new Enumerator<>() {
          private Object[] current;
          private Object[] leftRow;
          private final java.util.ArrayDeque<Object[]> matches = new java.util.ArrayDeque<>();

          @Override
          public Object[] current() {
            return current;
          }

          @Override
          public boolean moveNext() {
            while (true) {
              Object[] match = matches.poll();
              if (match != null) {
                current = joined(leftRow, match);
                return true;
              }
              if (!input.moveNext()) {
                current = null;
                return false;
              }
              Object item = input.current();
              leftRow = item instanceof Object[] array ? array : new Object[] {item};
              lookUp(transaction, index, keyColumns, leftRow, matches);
              if (matches.isEmpty() && leftOuter) {
                current = joined(leftRow, null);
                return true;
              }
            }
          }

          private Object[] joined(Object[] leftRow, Object[] match) {
            Object[] joined = java.util.Arrays.copyOf(leftRow, leftWidth + width);
            if (match != null) {
              for (int c = 0; c < width; c++) {
                joined[leftWidth + c] = ColumnTypes.toCalcite(types.get(rightColumns[c]), match[rightColumns[c]]);
              }
            }
            return joined;
          }

          @Override
          public void reset() {
            throw new UnsupportedOperationException("lookup joins cannot be reset");
          }

          @Override
          public void close() {
            input.close();
          }
        };
      }

      /** Adds this table's rows matching {@code leftRow}'s key values to {@code matches}; none for a NULL value. */
      private void lookUp(Transaction transaction, IndexDef index, int[] keyColumns, Object[] leftRow,
          java.util.Collection<Object[]> matches) {
        Object[] key = new Object[leftKeys.length];
        for (int i = 0; i < leftKeys.length; i++) {
          Object value = leftRow[leftKeys[i]];
          if (value == null) {
            return;
          }
          key[i] = ColumnTypes.toEngine(types.get(keyColumns[i]), value);
        }
        if (index == null) {
          Object[] match = transaction.get(def, key);
          if (match != null) {
            matches.add(match);
          }
          return;
        }
        KeyBound bound = new KeyBound(key, true);
        try (RowCursor cursor = transaction.scanIndex(def, index, bound, bound)) {
          for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
            matches.add(row);
          }
        }
      }
    };
  }

  /** Secondary indexes of this table. */
  List<IndexDef> indexes() {
    return engine.catalog().indexes(def.name());
  }

  private Object[] indexValues(IndexDef index, Object[] values) {
    Object[] converted = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        return null;
      }
      converted[i] = ColumnTypes.toEngine(types.get(index.columns()[i]), values[i]);
    }
    return converted;
  }

  /** Key values as the engine stores them, or null if one is NULL (matches no row). */
  private Object[] engineValues(Object[] values) {
    Object[] converted = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        return null;
      }
      converted[i] = ColumnTypes.toEngine(types.get(def.primaryKey()[i]), values[i]);
    }
    return converted;
  }

  private Object[] toCalcite(Object[] row) {
    for (int i = 0; i < row.length; i++) {
      row[i] = ColumnTypes.toCalcite(types.get(i), row[i]);
    }
    return row;
  }

  /**
   * The values of {@code columns} of a full-width engine row, converted to Calcite's runtime classes; the whole row
   * when {@code columns} is null.
   */
  private Object[] project(Object[] row, int[] columns) {
    if (columns == null) {
      return toCalcite(row);
    }
    Object[] projected = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      projected[i] = ColumnTypes.toCalcite(types.get(columns[i]), row[columns[i]]);
    }
    return projected;
  }

  /** Inserts every row of {@code rows} and yields the count; called from generated code. */
  public Enumerable<Long> insert(DataContext root, Enumerable<?> rows) {
    transactions.access().check(def, TablePrivilege.INSERT);
    return new Writing(rows, (transaction, row, matcher) -> {
      transaction.insert(def, row);
      return row;
    });
  }

  /** Deletes every row of {@code rows} (full old rows) and yields the count; called from generated code. */
  public Enumerable<Long> delete(DataContext root, Enumerable<?> rows) {
    transactions.access().check(def, TablePrivilege.DELETE);
    return new Writing(rows, (transaction, row, matcher) -> (def.hasRowId()
        ? transaction.deleteKey(matcher.take(row))
        : transaction.delete(def, def.keyOf(row))) ? row : null);
  }

  /**
   * Updates rows and yields the count; called from generated code. Each input row is the old row followed by the
   * new values of {@code targetColumns}.
   */
  public Enumerable<Long> update(DataContext root, Enumerable<?> rows, int[] targetColumns) {
    transactions.access().check(def, TablePrivilege.UPDATE);
    int width = def.columns().size();
    return new Writing(rows, (transaction, row, matcher) -> {
      Object[] old = java.util.Arrays.copyOf(row, width);
      Object[] updated = old.clone();
      for (int j = 0; j < targetColumns.length; j++) {
        updated[targetColumns[j]] = row[width + j];
      }
      boolean written = def.hasRowId()
          ? transaction.updateKey(def, matcher.take(old), updated)
          : transaction.update(def, def.keyOf(old), updated);
      return written ? updated : null;
    });
  }

  /**
   * Inserts every row of {@code rows} under an ON CONFLICT clause (see {@link ConflictWriter}) and yields the count
   * of rows inserted or updated; called from generated code. {@code indexName} names the target unique index (null:
   * the primary key); {@code updateColumns} is null for DO NOTHING.
   */
  public Enumerable<Long> upsert(DataContext root, Enumerable<?> rows, String indexName, boolean anyConstraint,
      int[] keyColumns, int[] updateColumns, boolean hasCondition) {
    transactions.access().check(def, TablePrivilege.INSERT);
    if (updateColumns != null) {
      transactions.access().check(def, TablePrivilege.UPDATE);
    }
    IndexDef index = indexName == null ? null : engine.catalog().index(indexName).orElseThrow(
        () -> new SqlStateException("42704", "index \"" + indexName + "\" does not exist"));
    ConflictWriter writer = new ConflictWriter(def, indexes(), index, anyConstraint, keyColumns, updateColumns,
        hasCondition);
    return new Writing(rows, writer::write);
  }

  /**
   * The rows written by {@code write} (a result of {@link #insert}, {@link #update} or {@link #delete}) instead of
   * their count, for RETURNING, which also needs SELECT on the table as in PostgreSQL; called from generated code.
   */
  public Enumerable<Object[]> returning(Enumerable<Long> write) {
    transactions.access().check(def, TablePrivilege.SELECT);
    return ((Writing) write).rows();
  }

  /** One row's write inside a {@link Writing}; returns the row as written (for DELETE the old row), or null. */
  @FunctionalInterface
  private interface RowWrite {
    Object[] apply(Transaction transaction, Object[] row, RowIdMatcher matcher);
  }

  /**
   * Applies a {@link RowWrite} to every input row (converted to engine values) when enumerated and yields the count
   * of rows written, or with {@link #rows()} the written rows.
   */
  private final class Writing extends AbstractEnumerable<Long> {
    private final Enumerable<?> rows;
    private final RowWrite write;

    Writing(Enumerable<?> rows, RowWrite write) {
      this.rows = rows;
      this.write = write;
    }

    @Override
    public Enumerator<Long> enumerator() {
      long[] count = {0};
      run(row -> count[0]++);
      return Linq4j.singletonEnumerable(count[0]).enumerator();
    }

    /** The written rows, in Calcite's values; every row is written before the first is returned. */
    Enumerable<Object[]> rows() {
      return new AbstractEnumerable<>() {
        @Override
        public Enumerator<Object[]> enumerator() {
          List<Object[]> written = new java.util.ArrayList<>();
          run(row -> written.add(toCalcite(row.clone())));
          return Linq4j.enumerator(written);
        }
      };
    }

    private void run(java.util.function.Consumer<Object[]> onWritten) {
      Transaction transaction = transactions.current();
      RowIdMatcher matcher = new RowIdMatcher(transaction, def);
      try (Enumerator<?> input = rows.enumerator()) {
        while (input.moveNext()) {
          Object current = input.current();
          Object[] row = current instanceof Object[] array ? array.clone() : new Object[] {current};
          for (int i = 0; i < row.length; i++) {
            row[i] = ColumnTypes.toEngine(i < types.size() ? types.get(i) : null, row[i]);
          }
          Object[] written = write.apply(transaction, row, matcher);
          if (written != null) {
            onWritten.accept(written);
          }
        }
      }
    }
  }

  /** Adapts a {@link RowCursor} to Calcite, converting values to Calcite's runtime classes. */
  private class RowEnumerator implements Enumerator<Object[]> {
    private final RowCursor cursor;
    private final int[] columns;
    private Object[] current;

    RowEnumerator(RowCursor cursor, int[] columns) {
      this.cursor = cursor;
      this.columns = columns;
    }

    @Override
    public Object[] current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      Object[] row = cursor.next();
      if (row == null) {
        current = null;
        return false;
      }
      current = project(row, columns);
      return true;
    }

    @Override
    public void reset() {
      throw new UnsupportedOperationException("store cursors cannot be reset");
    }

    @Override
    public void close() {
      cursor.close();
    }
  }
}
