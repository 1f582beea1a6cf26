package io.omendb.adapter;

/**
 * A {@code COPY ... TO STDOUT}, returned by {@link Session#execute}: its rows are read with {@link #next()} like a
 * query's, and the protocol edge writes them in {@link #format()}. The command tag is {@code COPY n}.
 */
public interface CopyOut extends StatementResult {

  /** How the rows are to be written. */
  CopyFormat format();
}
