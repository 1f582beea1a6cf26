package io.omendb.adapter;

import java.sql.SQLException;
import java.util.List;

/**
 * A {@code COPY ... FROM STDIN} in progress, returned by {@link Session#execute}: the client's rows are inserted one
 * by one, all in one transaction (the open block's, or the COPY's own). {@link #close()} ends the COPY, committing
 * its own transaction; {@link #abort} or a failed {@link #insert} rolls it back, so a COPY loads all rows or none.
 * {@link #columns()} are the target columns, in the order the data gives them.
 */
public interface CopyIn extends StatementResult {

  /** How the client's data is laid out. */
  CopyFormat format();

  /**
   * Inserts one row given as text fields, null for NULL, converted as parameter values are.
   *
   * @throws SQLException 22P04 if the field count is wrong, or the conversion or insert error; the COPY is then
   *     rolled back
   */
  void insert(List<String> fields) throws SQLException;

  /** Ends the COPY without committing anything (the client sent CopyFail, or its data was malformed). */
  void abort();
}
