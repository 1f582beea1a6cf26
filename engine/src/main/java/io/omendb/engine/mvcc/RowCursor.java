package io.omendb.engine.mvcc;

/** A forward cursor over rows; must be closed. */
public interface RowCursor extends AutoCloseable {

  /** The next row (values in column order), or null when there are no more. */
  Object[] next();

  /** The storage key of the row last returned by {@link #next()}: an opaque handle for deleteKey/updateKey. */
  byte[] rowKey();

  @Override
  void close();
}
