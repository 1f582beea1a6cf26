package io.omendb.engine.mvcc;

/** A forward cursor over rows; must be closed. */
public interface RowCursor extends AutoCloseable {

  /** The next row (values in column order), or null when there are no more. */
  Object[] next();

  @Override
  void close();
}
