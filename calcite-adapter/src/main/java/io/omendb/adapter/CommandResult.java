package io.omendb.adapter;

import java.util.List;

/** The result of a statement that returns no rows: just its kind and the number of rows it affected. */
record CommandResult(CommandKind kind, long rowCount) implements StatementResult {

  static CommandResult of(CommandKind kind, long rowCount) {
    return new CommandResult(kind, rowCount);
  }

  @Override
  public boolean hasRows() {
    return false;
  }

  @Override
  public List<ColumnMeta> columns() {
    return List.of();
  }

  @Override
  public Object[] next() {
    return null;
  }

  @Override
  public void close() {}
}
