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

  StatementCache(Connection connection, Catalog catalog) {
    this.connection = requireNonNull(connection, "connection");
    this.catalog = requireNonNull(catalog, "catalog");
    this.catalogVersion = catalog.version();
  }

  /** The catalog whose changes invalidate this cache. */
  Catalog catalog() {
    return catalog;
  }

  /** The prepared statement for {@code sql}, planned now or reused. */
  PreparedStatement prepare(String sql) throws SQLException {
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
