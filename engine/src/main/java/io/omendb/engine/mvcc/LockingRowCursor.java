package io.omendb.engine.mvcc;

import static java.util.Objects.requireNonNull;

/** A {@link RowCursor} that locks each row it returns in its transaction ({@code SELECT ... FOR UPDATE}). */
final class LockingRowCursor implements RowCursor {
  private final RowCursor rows;
  private final Transaction transaction;
  private final boolean exclusive;

  LockingRowCursor(RowCursor rows, Transaction transaction, boolean exclusive) {
    this.rows = requireNonNull(rows, "rows");
    this.transaction = requireNonNull(transaction, "transaction");
    this.exclusive = exclusive;
  }

  @Override
  public Object[] next() {
    Object[] row = rows.next();
    if (row != null) {
      transaction.lock(rows.rowKey(), exclusive);
    }
    return row;
  }

  @Override
  public byte[] rowKey() {
    return rows.rowKey();
  }

  @Override
  public void close() {
    rows.close();
  }
}
