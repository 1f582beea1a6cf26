package io.omendb.adapter;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexTableInputRef;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Metadata of store scans and seeks that read only some columns. Calcite's handlers for a {@code TableScan} assume
 * its fields are the table's columns (keys, collations, column origins, lineage); a store table hands Calcite these
 * handlers instead (through {@link StoreTable#unwrap}), which translate output fields to table columns.
 */
final class StoreScanMetadata {
  private StoreScanMetadata() {}

  /** The handler of {@code kind} for store rels, or null if Calcite's own is right for them. */
  static MetadataHandler<?> handler(Class<?> kind) {
    if (kind == BuiltInMetadata.ColumnUniqueness.Handler.class) {
      return new Uniqueness();
    }
    if (kind == BuiltInMetadata.UniqueKeys.Handler.class) {
      return new Keys();
    }
    if (kind == BuiltInMetadata.Collation.Handler.class) {
      return new Collations();
    }
    if (kind == BuiltInMetadata.ColumnOrigin.Handler.class) {
      return new Origins();
    }
    if (kind == BuiltInMetadata.ExpressionLineage.Handler.class) {
      return new Lineage();
    }
    return null;
  }

  private static int[] columns(RelNode rel) {
    return StoreColumns.of(rel);
  }

  /** Whether the output fields are unique: whether the table columns they read contain a key. */
  private static final class Uniqueness implements BuiltInMetadata.ColumnUniqueness.Handler {
    @Override
    public Boolean areColumnsUnique(RelNode rel, RelMetadataQuery mq, ImmutableBitSet fields, boolean ignoreNulls) {
      int[] columns = columns(rel);
      ImmutableBitSet.Builder tableColumns = ImmutableBitSet.builder();
      fields.forEach(field -> tableColumns.set(StoreColumns.tableColumn(columns, field)));
      return rel.getTable().isKey(tableColumns.build());
    }
  }

  /** The table's keys whose columns are all read, as output fields. */
  private static final class Keys implements BuiltInMetadata.UniqueKeys.Handler {
    @Override
    public Set<ImmutableBitSet> getUniqueKeys(RelNode rel, RelMetadataQuery mq, boolean ignoreNulls) {
      int[] columns = columns(rel);
      List<ImmutableBitSet> keys = rel.getTable().getKeys();
      Set<ImmutableBitSet> result = new HashSet<>();
      for (ImmutableBitSet key : keys == null ? List.<ImmutableBitSet>of() : keys) {
        ImmutableBitSet.Builder fields = ImmutableBitSet.builder();
        boolean all = true;
        for (int column : key) {
          int position = StoreColumns.position(columns, column);
          all &= position >= 0;
          if (position >= 0) {
            fields.set(position);
          }
        }
        if (all) {
          result.add(fields.build());
        }
      }
      return result;
    }
  }

  /** The rel's own collation trait (already translated to output fields). */
  private static final class Collations implements BuiltInMetadata.Collation.Handler {
    @Override
    public ImmutableList<RelCollation> collations(RelNode rel, RelMetadataQuery mq) {
      return ImmutableList.copyOf(rel.getTraitSet().getCollations());
    }
  }

  /** Each output field comes from one table column. */
  private static final class Origins implements BuiltInMetadata.ColumnOrigin.Handler {
    @Override
    public Set<RelColumnOrigin> getColumnOrigins(RelNode rel, RelMetadataQuery mq, int field) {
      return Set.of(new RelColumnOrigin(rel.getTable(), StoreColumns.tableColumn(columns(rel), field), false));
    }
  }

  /** An expression over the output fields, rewritten over the table's columns. */
  private static final class Lineage implements BuiltInMetadata.ExpressionLineage.Handler {
    @Override
    public Set<RexNode> getExpressionLineage(RelNode rel, RelMetadataQuery mq, RexNode expression) {
      int[] columns = columns(rel);
      RelOptTable table = rel.getTable();
      RexTableInputRef.RelTableRef ref = RexTableInputRef.RelTableRef.of(table, 0);
      return Set.of(expression.accept(new RexShuttle() {
        @Override
        public RexNode visitInputRef(RexInputRef input) {
          return RexTableInputRef.of(ref, RexInputRef.of(StoreColumns.tableColumn(columns, input.getIndex()),
              table.getRowType().getFieldList()));
        }
      }));
    }
  }
}
