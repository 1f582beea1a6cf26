package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.parser.SqlReturning;
import io.omendb.adapter.parser.SqlUpsert;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.ViewExpanders;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's SQL-to-relational conversion plus PostgreSQL's DML clauses, both becoming a {@link LogicalStoreModify}:
 * {@code RETURNING}, the projection of its items over the modify (which yields the rows it wrote) in place of the
 * scan of the table the items were validated against; and {@code ON CONFLICT}, whose DO UPDATE input pairs each
 * proposed row with the existing row of the same key (a left join) and the SET values and WHERE condition computed
 * over both.
 */
final class StoreSqlToRelConverter extends SqlToRelConverter {
  /** The name PostgreSQL gives the proposed row in DO UPDATE. */
  private static final String EXCLUDED = "excluded";

  StoreSqlToRelConverter(RelOptTable.ViewExpander viewExpander, SqlValidator validator,
      Prepare.CatalogReader catalogReader, RelOptCluster cluster, SqlRexConvertletTable convertletTable,
      Config config) {
    super(viewExpander, validator, catalogReader, cluster, convertletTable, config);
  }

  @Override
  protected RelRoot convertQueryRecursive(SqlNode query, boolean top, @Nullable RelDataType targetRowType) {
    if (query instanceof SqlUpsert upsert) {
      return RelRoot.of(convertUpsert(upsert), query.getKind());
    }
    if (query instanceof SqlUpdate sqlUpdate) {
      RelDataType tableType = getTargetTable(sqlUpdate).getRowType();
      List<RelDataType> targets = new ArrayList<>();
      for (SqlNode column : sqlUpdate.getTargetColumnList()) {
        RelDataTypeField field = tableType.getField(((SqlIdentifier) column).getSimple(), true, false);
        targets.add(field == null ? null : field.getType());
      }
      StringAssignment.checkLiterals(sqlUpdate.getSourceExpressionList().getList(), targets);
      RelRoot update = super.convertQueryRecursive(query, top, targetRowType);
      return update.withRel(assignUpdatedStrings(update.rel));
    }
    if (!(query instanceof SqlReturning returning)) {
      // an INSERT's source: values keep their length, checked by StringAssignment (see convertInsert)
      return super.convertQueryRecursive(query, top,
          targetRowType == null ? null : StringAssignment.widen(getCluster().getTypeFactory(), targetRowType));
    }
    RelRoot items = super.convertQueryRecursive(query, top, targetRowType);
    SqlNode dml = validator().validate(returning.dml());
    RelNode written = convertQueryRecursive(dml, false, null).rel;
    LogicalStoreModify rows;
    if (written instanceof LogicalStoreModify modify) {
      rows = modify.returningRows();
    } else if (written instanceof TableModify modify) {
      rows = LogicalStoreModify.of(modify, modify.getInput(), true, null);
    } else {
      throw new IllegalStateException("RETURNING over " + written.getRelTypeName());
    }
    List<String> target = rows.getTable().getQualifiedName();
    RelNode replaced = items.rel.accept(new RelShuttleImpl() {
      private boolean done;

      @Override
      public RelNode visit(TableScan scan) {
        if (!done && scan.getTable().getQualifiedName().equals(target)) {
          done = true;
          return rows;
        }
        return scan;
      }
    });
    return items.withRel(replaced);
  }

  /** Calcite's INSERT with the values for bounded string columns checked as PostgreSQL assigns them. */
  @Override
  protected RelNode convertInsert(SqlInsert call) {
    checkInsertedLiterals(call);
    RelNode converted = super.convertInsert(call);
    if (!(converted instanceof TableModify modify)) {
      return converted;
    }
    List<RelDataTypeField> columns = modify.getTable().getRowType().getFieldList();
    List<Integer> positions = new ArrayList<>();
    List<RelDataType> targets = new ArrayList<>();
    for (RelDataTypeField column : columns) {
      positions.add(column.getIndex());
      targets.add(column.getType());
    }
    RelNode input = StringAssignment.wrap(getRexBuilder(), modify.getInput(), positions, targets);
    return input == modify.getInput() ? modify : modify.copy(modify.getTraitSet(), List.of(input));
  }

  /** The string literals of an INSERT's VALUES rows, checked against their columns' lengths. */
  private void checkInsertedLiterals(SqlInsert call) {
    SqlNode source = call.getSource();
    if (source instanceof SqlSelect select && select.getFrom() != null) {
      source = select.getFrom(); // the validator turns VALUES into SELECT * FROM (VALUES ...) AS alias
      if (source.getKind() == org.apache.calcite.sql.SqlKind.AS) {
        source = ((org.apache.calcite.sql.SqlCall) source).operand(0);
      }
    }
    if (source.getKind() != org.apache.calcite.sql.SqlKind.VALUES) {
      return;
    }
    RelDataType tableType = getTargetTable(call).getRowType();
    List<RelDataType> targets = new ArrayList<>();
    if (call.getTargetColumnList() == null) {
      tableType.getFieldList().forEach(field -> targets.add(field.getType()));
    } else {
      for (SqlNode column : call.getTargetColumnList()) {
        RelDataTypeField field = tableType.getField(((SqlIdentifier) column).getSimple(), true, false);
        targets.add(field == null ? null : field.getType());
      }
    }
    for (SqlNode row : ((org.apache.calcite.sql.SqlCall) source).getOperandList()) {
      if (row instanceof org.apache.calcite.sql.SqlCall rowCall) {
        StringAssignment.checkLiterals(rowCall.getOperandList(), targets);
      }
    }
  }

  /** An UPDATE's new values for bounded string columns checked as PostgreSQL assigns them. */
  private RelNode assignUpdatedStrings(RelNode converted) {
    if (!(converted instanceof TableModify modify) || modify.getUpdateColumnList() == null) {
      return converted;
    }
    RelDataType tableType = modify.getTable().getRowType();
    int width = tableType.getFieldCount();
    List<Integer> positions = new ArrayList<>();
    List<RelDataType> targets = new ArrayList<>();
    List<String> updated = modify.getUpdateColumnList();
    for (int j = 0; j < updated.size(); j++) {
      positions.add(width + j);
      targets.add(requireNonNull(tableType.getField(updated.get(j), true, false), "column").getType());
    }
    RelNode input = StringAssignment.wrap(getRexBuilder(), modify.getInput(), positions, targets);
    return input == modify.getInput() ? modify : modify.copy(modify.getTraitSet(), List.of(input));
  }

  private SqlValidator validator() {
    return requireNonNull(validator, "validator");
  }

  /** An INSERT with ON CONFLICT: Calcite's INSERT, its input extended for DO UPDATE. */
  private RelNode convertUpsert(SqlUpsert upsert) {
    RelNode converted = super.convertQueryRecursive(upsert, false, null).rel;
    TableModify insert = (TableModify) converted;
    StoreTable table = insert.getTable().unwrap(StoreTable.class);
    if (table == null) {
      throw new SqlStateException("0A000", "ON CONFLICT is supported on tables only");
    }
    OnConflict conflict = OnConflict.resolve(table.def(), table.indexes(), upsert);
    RelNode input = insert.getInput();
    if (conflict.doUpdate()) {
      input = updateInput(upsert, insert, conflict);
    }
    return LogicalStoreModify.of(insert, input, false, conflict);
  }

  /**
   * The input of DO UPDATE: each proposed row, the existing row with the same key (NULLs if none), whether there is
   * one, the SET values (cast to their columns' types) and, if given, the WHERE condition.
   */
  private RelNode updateInput(SqlUpsert upsert, TableModify insert, OnConflict conflict) {
    RelOptTable table = insert.getTable();
    RelNode proposed = insert.getInput();
    int width = table.getRowType().getFieldCount();
    RexBuilder rex = getRexBuilder();
    RelNode existing = table.toRel(ViewExpanders.simpleContext(getCluster()));
    List<RexNode> keyMatch = new ArrayList<>();
    for (int k : conflict.keyColumns()) {
      keyMatch.add(rex.makeCall(SqlStdOperatorTable.EQUALS,
          new RexInputRef(k, proposed.getRowType().getFieldList().get(k).getType()),
          new RexInputRef(width + k, existing.getRowType().getFieldList().get(k).getType())));
    }
    RelNode join = LogicalJoin.create(proposed, existing, List.of(), RexUtil.composeConjunction(rex, keyMatch),
        java.util.Set.of(), JoinRelType.LEFT);
    List<RexNode> projects = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (RelDataTypeField field : join.getRowType().getFieldList()) {
      projects.add(new RexInputRef(field.getIndex(), field.getType()));
      names.add("f" + field.getIndex());
    }
    int key = conflict.keyColumns()[0];
    projects.add(rex.makeCall(SqlStdOperatorTable.IS_NOT_NULL,
        new RexInputRef(width + key, join.getRowType().getFieldList().get(width + key).getType())));
    names.add("present");
    List<RexNode> assigned = assignments(upsert, table, join.getRowType());
    for (int i = 0; i < assigned.size(); i++) {
      RexNode value = assigned.get(i);
      if (i < conflict.updateColumns().length) {
        RelDataType type = table.getRowType().getFieldList().get(conflict.updateColumns()[i]).getType();
        value = StringAssignment.bounded(type) ? StringAssignment.assignment(rex, value, type)
            : rex.makeCast(getCluster().getTypeFactory().createTypeWithNullability(type, true), value, true, false);
      }
      projects.add(value);
      names.add("v" + i);
    }
    return LogicalProject.create(join, List.of(), projects, names, java.util.Set.of());
  }

  /**
   * DO UPDATE's SET values then WHERE condition as expressions over {@code input}, (proposed row, existing row):
   * validated as {@code SELECT values, condition FROM table AS excluded FULL JOIN table AS target ON TRUE}, so that,
   * as in PostgreSQL, a column name must be qualified by the table or EXCLUDED (42702 otherwise).
   */
  private List<RexNode> assignments(SqlUpsert upsert, RelOptTable table, RelDataType input) {
    SqlNode targetTable = upsert.getTargetTable();
    String alias = table.getQualifiedName().get(table.getQualifiedName().size() - 1);
    SqlNodeList items = new SqlNodeList(SqlParserPos.ZERO);
    for (SqlNode value : upsert.updateValues()) {
      items.add(value);
    }
    if (upsert.condition() != null) {
      items.add(upsert.condition());
    }
    SqlNode target = SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, targetTable.clone(SqlParserPos.ZERO),
        new SqlIdentifier(alias, SqlParserPos.ZERO));
    SqlNode excluded = SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, targetTable.clone(SqlParserPos.ZERO),
        new SqlIdentifier(EXCLUDED, SqlParserPos.ZERO));
    // (excluded, target), the order of the DO UPDATE input; a full join types every column as nullable, so the
    // expressions stay valid over the input's own types, where the existing row's columns are NULL when it is absent
    SqlNode join = new SqlJoin(SqlParserPos.ZERO, excluded, SqlLiteral.createBoolean(false, SqlParserPos.ZERO),
        JoinType.FULL.symbol(SqlParserPos.ZERO), target, JoinConditionType.ON.symbol(SqlParserPos.ZERO),
        SqlLiteral.createBoolean(true, SqlParserPos.ZERO));
    SqlSelect select = new SqlSelect(SqlParserPos.ZERO, null, items, join, null, null, null, null, null, null,
        null, null);
    RelNode converted = convertQuery(select, true, false).rel;
    if (!(converted instanceof Project project) || !(project.getInput() instanceof Join)) {
      throw new SqlStateException("0A000", "subqueries in ON CONFLICT DO UPDATE are not supported");
    }
    RexShuttle retype = new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(ref.getIndex(), input.getFieldList().get(ref.getIndex()).getType());
      }
    };
    List<RexNode> result = new ArrayList<>();
    for (RexNode expression : project.getProjects()) {
      if (expression instanceof org.apache.calcite.rex.RexSubQuery) {
        throw new SqlStateException("0A000", "subqueries in ON CONFLICT DO UPDATE are not supported");
      }
      result.add(expression.accept(retype));
    }
    return result;
  }
}
