package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import java.util.Iterator;
import java.util.List;

/** A small result computed by the session itself (SHOW): its columns and rows in memory. */
final class RowsResult implements StatementResult {
  private final CommandKind kind;
  private final List<ColumnMeta> columns;
  private final Iterator<Object[]> rows;
  private long rowCount;

  RowsResult(CommandKind kind, List<ColumnMeta> columns, List<Object[]> rows) {
    this.kind = requireNonNull(kind, "kind");
    this.columns = List.copyOf(columns);
    this.rows = List.copyOf(rows).iterator();
  }

  /** A result of text columns with the given names. */
  static RowsResult text(CommandKind kind, List<String> names, List<Object[]> rows) {
    return new RowsResult(kind,
        names.stream().map(n -> new ColumnMeta(n, java.sql.Types.VARCHAR, "VARCHAR", -1, -1, null, true)).toList(),
        rows);
  }

  @Override
  public CommandKind kind() {
    return kind;
  }

  @Override
  public boolean hasRows() {
    return true;
  }

  @Override
  public List<ColumnMeta> columns() {
    return columns;
  }

  @Override
  public Object[] next() {
    if (!rows.hasNext()) {
      return null;
    }
    rowCount++;
    return rows.next();
  }

  @Override
  public long rowCount() {
    return rowCount;
  }

  @Override
  public void close() {}
}
