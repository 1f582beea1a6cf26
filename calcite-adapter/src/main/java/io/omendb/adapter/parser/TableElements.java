package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.ddl.SqlDdlNodes;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Collects the column definitions and primary key of one {@code CREATE TABLE} as the grammar
 * parses them, checks them, and emits Calcite's DDL nodes in one canonical form.
 *
 * <p>The canonical form: one {@code SqlColumnDeclaration} per column, in declaration order,
 * whose data type always carries its nullability ({@code getNullable()} is never null) and
 * whose strategy is {@link ColumnStrategy#DEFAULT} when a default is given, else
 * {@code NULLABLE} or {@code NOT_NULLABLE}; then, if the table has a primary key, one
 * {@code SqlKeyConstraint} after the columns, whether the key was written inline ({@code id INT
 * PRIMARY KEY}) or at table level. Primary-key columns are always NOT NULL, as in PostgreSQL.
 *
 * <p>Violations are thrown as {@code CalciteContextException}s, which the parser turns into a
 * {@code SqlParseException} carrying the position.
 */
final class TableElements {

  private final SqlIdentifier tableName;
  private final Map<String, Column> columns = new LinkedHashMap<>();
  private PrimaryKey primaryKey;
  private final List<SqlNode> uniques = new ArrayList<>();

  private TableElements(SqlIdentifier tableName) {
    this.tableName = requireNonNull(tableName, "tableName");
  }

  static TableElements create(SqlIdentifier tableName) {
    return new TableElements(tableName);
  }

  /** Declares a column; its constraints are then set on the returned {@link Column}. */
  Column addColumn(SqlIdentifier name, SqlDataTypeSpec type) {
    requireNonNull(type, "type");
    final String simpleName = name.getSimple();
    if (columns.containsKey(simpleName)) {
      throw SqlUtil.newContextException(name.getParserPosition(),
          OmenParserResource.INSTANCE.duplicateColumn(simpleName));
    }
    final Column column = new Column(name, type);
    columns.put(simpleName, column);
    return column;
  }

  /** Declares the table's primary key; a table has at most one. */
  void addPrimaryKey(SqlParserPos pos, SqlIdentifier constraintName, SqlNodeList columnNames) {
    requireNonNull(columnNames, "columnNames");
    if (primaryKey != null) {
      throw SqlUtil.newContextException(pos,
          OmenParserResource.INSTANCE.multiplePrimaryKeys(tableName.toString()));
    }
    final Set<String> seen = new HashSet<>();
    for (SqlNode node : columnNames) {
      final SqlIdentifier id = (SqlIdentifier) node;
      if (!seen.add(id.getSimple())) {
        throw SqlUtil.newContextException(id.getParserPosition(),
            OmenParserResource.INSTANCE.duplicatePrimaryKeyColumn(id.getSimple()));
      }
    }
    primaryKey = new PrimaryKey(pos, constraintName, columnNames);
  }

  /** Declares a UNIQUE constraint (named, or named by the executor as PostgreSQL would). */
  void addUnique(SqlParserPos pos, SqlIdentifier constraintName, SqlNodeList columnNames) {
    uniques.add(SqlDdlNodes.unique(pos, constraintName, requireNonNull(columnNames, "columnNames")));
  }

  /** Returns the column declarations followed by the primary key, if any, then the UNIQUE constraints. */
  SqlNodeList toNodeList() {
    final Set<String> keyColumns = new HashSet<>();
    if (primaryKey != null) {
      for (SqlNode node : primaryKey.columnNames) {
        final SqlIdentifier id = (SqlIdentifier) node;
        if (!columns.containsKey(id.getSimple())) {
          throw SqlUtil.newContextException(id.getParserPosition(),
              OmenParserResource.INSTANCE.primaryKeyColumnNotFound(id.getSimple()));
        }
        keyColumns.add(id.getSimple());
      }
    }
    final List<SqlNode> nodes = new ArrayList<>(columns.size() + 1);
    for (Column column : columns.values()) {
      nodes.add(column.toNode(keyColumns.contains(column.name.getSimple())));
    }
    if (primaryKey != null) {
      nodes.add(SqlDdlNodes.primary(primaryKey.pos, primaryKey.constraintName,
          primaryKey.columnNames));
    }
    nodes.addAll(uniques);
    return new SqlNodeList(nodes, SqlParserPos.sum(nodes));
  }

  /** A column definition being parsed; its setters reject conflicting constraints. */
  final class Column {
    private final SqlIdentifier name;
    private final SqlDataTypeSpec type;
    private SqlParserPos pos;
    /** Explicit {@code NULL} (true) or {@code NOT NULL} (false); null if neither was written. */
    private Boolean nullable;
    private SqlNode defaultExpr;
    private SqlIdentitySpec identity;
    private boolean inlinePrimaryKey;

    private Column(SqlIdentifier name, SqlDataTypeSpec type) {
      this.name = name;
      this.type = type;
      this.pos = name.getParserPosition().plus(type.getParserPosition());
    }

    void setNullable(SqlParserPos constraintPos, boolean nullable) {
      final boolean conflicts = (this.nullable != null && this.nullable != nullable)
          || (nullable && inlinePrimaryKey);
      if (conflicts) {
        throw SqlUtil.newContextException(constraintPos,
            OmenParserResource.INSTANCE.conflictingNullability(name.getSimple()));
      }
      this.nullable = nullable;
      pos = pos.plus(constraintPos);
    }

    /** {@code GENERATED ... AS IDENTITY}: a NOT NULL column whose default is its own sequence. */
    void setIdentity(SqlIdentitySpec spec) {
      if (defaultExpr != null || identity != null) {
        throw SqlUtil.newContextException(spec.getParserPosition(),
            ObjectParserResource.INSTANCE.identityWithDefault(name.getSimple()));
      }
      identity = requireNonNull(spec, "spec");
      pos = pos.plus(spec.getParserPosition());
    }

    void setDefault(SqlNode expr) {
      if (identity != null) {
        throw SqlUtil.newContextException(expr.getParserPosition(),
            ObjectParserResource.INSTANCE.identityWithDefault(name.getSimple()));
      }
      if (defaultExpr != null) {
        throw SqlUtil.newContextException(expr.getParserPosition(),
            OmenParserResource.INSTANCE.multipleDefaults(name.getSimple()));
      }
      defaultExpr = requireNonNull(expr, "expr");
      pos = pos.plus(expr.getParserPosition());
    }

    void setPrimaryKey(SqlParserPos constraintPos, SqlIdentifier constraintName) {
      if (Boolean.TRUE.equals(nullable)) {
        throw SqlUtil.newContextException(constraintPos,
            OmenParserResource.INSTANCE.conflictingNullability(name.getSimple()));
      }
      addPrimaryKey(constraintPos, constraintName,
          new SqlNodeList(List.of(name), name.getParserPosition()));
      inlinePrimaryKey = true;
      pos = pos.plus(constraintPos);
    }

    private SqlNode toNode(boolean inPrimaryKey) {
      if (identity != null) {
        return SqlDdlNodes.column(pos, name, type.withNullable(false), identity, ColumnStrategy.DEFAULT);
      }
      final boolean effectiveNullable = !inPrimaryKey && !Boolean.FALSE.equals(nullable);
      final ColumnStrategy strategy;
      if (defaultExpr != null) {
        strategy = ColumnStrategy.DEFAULT;
      } else if (effectiveNullable) {
        strategy = ColumnStrategy.NULLABLE;
      } else {
        strategy = ColumnStrategy.NOT_NULLABLE;
      }
      return SqlDdlNodes.column(pos, name, type.withNullable(effectiveNullable), defaultExpr,
          strategy);
    }
  }

  /** A primary key as written; validated against the columns in {@link #toNodeList()}. */
  private record PrimaryKey(
      SqlParserPos pos, SqlIdentifier constraintName, SqlNodeList columnNames) {
  }
}
