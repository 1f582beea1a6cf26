package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.ViewDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A view as Calcite sees it: its stored query, parsed, validated and converted again wherever the view is used, in
 * place of the view (so filters reach the scans of its tables). Its columns keep the names and types they had when
 * the view was created; the tables its query reads are checked against the view owner's privileges
 * ({@link ViewExpansion}).
 */
final class StoreView extends AbstractTable implements TranslatableTable {
  private final ViewDef def;
  private final TransactionSource transactions;

  StoreView(ViewDef def, TransactionSource transactions) {
    this.def = requireNonNull(def, "def");
    this.transactions = requireNonNull(transactions, "transactions");
  }

  ViewDef def() {
    return def;
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
  public Schema.TableType getJdbcTableType() {
    return Schema.TableType.VIEW;
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    ViewExpansion expansion = transactions.access().views();
    ViewExpansion.Ref ref = new ViewExpansion.Ref(def.id(),
        io.omendb.engine.catalog.RelationNames.nameOf(def.name()));
    expansion.reads(def.id());
    if (expansion.expanding(def.id())) {
      throw new SqlStateException("42P17", "infinite recursion detected in rules for relation \"" + ref.name() + "\"");
    }
    transactions.access().checkViewRead(expansion.chain(), ref);
    List<String> names = relOptTable.getQualifiedName();
    RelRoot root;
    expansion.enter(ref);
    try {
      root = context.expandView(relOptTable.getRowType(), def.query(), names.subList(0, names.size() - 1), names);
    } finally {
      expansion.exit();
    }
    RelNode rel = root.project();
    RelDataType rowType = relOptTable.getRowType();
    int width = rowType.getFieldCount();
    if (rel.getRowType().getFieldCount() > width) {
      // the query's "*" now also finds columns added to its table after the view was made; the view keeps its own
      List<RexNode> first = new ArrayList<>();
      List<String> firstNames = new ArrayList<>();
      for (int i = 0; i < width; i++) {
        first.add(RexInputRef.of(i, rel.getRowType()));
        firstNames.add(rel.getRowType().getFieldNames().get(i));
      }
      rel = LogicalProject.create(rel, List.of(), first, firstNames, java.util.Set.of());
    } else if (rel.getRowType().getFieldCount() < width) {
      throw new SqlStateException("0A000", "view \"" + ref.name() + "\" no longer matches the columns of the "
          + "relations it reads; recreate it");
    }
    return RelOptUtil.createCastRel(rel, rowType, true);
  }
}
