package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.catalog.Catalog;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;

/**
 * A session's prepared statements by SQL text, least recently used evicted, all dropped when the catalog changes.
 * Also prepares statements with their literals lifted into parameters (see {@link LiteralParameterizer}), so
 * statements that differ only in constants share one plan.
 */
final class StatementCache implements AutoCloseable {
  private static final int CAPACITY = 64;

  private final Connection connection;
  private final Catalog catalog;
  private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
      if (size() > CAPACITY) {
        closeQuietly(eldest.getValue());
        return true;
      }
      return false;
    }
  };
  /** Parameterized statement texts that did not plan; they are planned as written instead. */
  private final Set<String> unparameterizable = new HashSet<>();
  private long catalogVersion;
  /** The session's schemas, whose search path the cached plans were resolved by; null for a cache without. */
  private final StoreSchemas schemas;
  private List<String> searchPath = List.of();

  StatementCache(Connection connection, Catalog catalog) {
    this(connection, catalog, null);
  }

  /** A cache whose plans hold only while the search path of {@code schemas} stays as it was when they were made. */
  StatementCache(Connection connection, Catalog catalog, StoreSchemas schemas) {
    this.connection = requireNonNull(connection, "connection");
    this.catalog = requireNonNull(catalog, "catalog");
    this.catalogVersion = catalog.version();
    this.schemas = schemas;
  }

  /** The catalog whose changes invalidate this cache. */
  Catalog catalog() {
    return catalog;
  }

  /** The prepared statement for {@code sql}, planned now or reused. */
  PreparedStatement prepare(String sql) throws SQLException {
    if (schemas != null) {
      // the same text resolves by the search path: plans made under another path are dropped
      schemas.sync();
      List<String> path = schemas.searchPath();
      if (!path.equals(searchPath)) {
        clear();
        searchPath = path;
      }
    }
    long version = catalog.version();
    if (version != catalogVersion) {
      clear();
      catalogVersion = version;
    }
    PreparedStatement prepared = statements.get(sql);
    if (prepared == null) {
      prepared = connection.prepareStatement(sql);
      statements.put(sql, prepared);
    }
    return prepared;
  }

  /**
   * The cached plan of {@code node} with its literals lifted into parameters, bound to this statement's literals;
   * null when the statement has no literal to lift, or its parameterized form does not plan or bind (then the
   * caller plans the statement as written).
   */
  PreparedStatement prepareParameterized(SqlNode node) throws SQLException {
    if (mayOverflowString(node)) {
      return null;
    }
    LiteralParameterizer.Parameterized parameterized = LiteralParameterizer.parameterize(node);
    if (parameterized == null || unparameterizable.contains(parameterized.sql())) {
      return null;
    }
    PreparedStatement prepared;
    try {
      prepared = prepare(parameterized.sql());
    } catch (SQLException e) {
      unparameterizable.add(parameterized.sql());
      return null;
    }
    ParameterMetaData metaData = prepared.getParameterMetaData();
    List<SqlLiteral> literals = parameterized.literals();
    for (int i = 0; i < literals.size(); i++) {
      Object value = ParameterValues.convert(literals.get(i), metaData.getParameterType(i + 1));
      if (value == null) {
        return null;
      }
      prepared.setObject(i + 1, value);
    }
    return prepared;
  }

  /**
   * Whether {@code node} writes a string literal longer than a bounded string column of its table: planned as written,
   * it fails with 22001 as in PostgreSQL (see StringAssignment), where a lifted parameter would be shortened.
   */
  private boolean mayOverflowString(SqlNode node) {
    SqlNode target = node instanceof org.apache.calcite.sql.SqlInsert insert ? insert.getTargetTable()
        : node instanceof org.apache.calcite.sql.SqlUpdate update ? update.getTargetTable() : null;
    if (!(target instanceof org.apache.calcite.sql.SqlIdentifier name)) {
      return false;
    }
    if (name.names.size() > 2 || !name.isSimple() && !catalog.schemas().exists(name.names.get(0))) {
      return false;
    }
    // the target as Calcite resolves it: in the schema named, or the first along the search path
    String engineName = new DdlNames(catalog, schemas == null ? List.of(StoreSchema.NAME) : schemas.searchPath())
        .table(name);
    int shortest = catalog.table(engineName).stream()
        .flatMap(table -> table.columns().stream())
        .filter(c -> (c.type() == io.omendb.engine.catalog.ColumnType.VARCHAR
            || c.type() == io.omendb.engine.catalog.ColumnType.CHAR) && c.precision() > 0)
        .mapToInt(io.omendb.engine.catalog.ColumnDef::precision).min().orElse(Integer.MAX_VALUE);
    if (shortest == Integer.MAX_VALUE) {
      return false;
    }
    Boolean found = node.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Boolean>() {
      @Override
      public Boolean visit(org.apache.calcite.sql.SqlLiteral literal) {
        return literal instanceof org.apache.calcite.sql.SqlCharStringLiteral text
            && text.getValueAs(String.class).codePointCount(0, text.getValueAs(String.class).length()) > shortest;
      }

      @Override
      public Boolean visit(org.apache.calcite.sql.SqlCall call) {
        for (SqlNode operand : call.getOperandList()) {
          if (operand != null && Boolean.TRUE.equals(operand.accept(this))) {
            return true;
          }
        }
        return false;
      }

      @Override
      public Boolean visit(org.apache.calcite.sql.SqlNodeList list) {
        for (SqlNode item : list) {
          if (item != null && Boolean.TRUE.equals(item.accept(this))) {
            return true;
          }
        }
        return false;
      }
    });
    return Boolean.TRUE.equals(found);
  }

  /** Closes and forgets every statement. */
  void clear() {
    statements.values().forEach(StatementCache::closeQuietly);
    statements.clear();
    unparameterizable.clear();
  }

  @Override
  public void close() {
    clear();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // a cached statement of a session that is ending or whose catalog changed; nothing to report to
    }
  }
}
