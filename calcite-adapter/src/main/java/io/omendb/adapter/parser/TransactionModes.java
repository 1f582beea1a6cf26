package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import org.apache.calcite.sql.SqlWriter;

/**
 * The transaction modes written after {@code BEGIN}, {@code START TRANSACTION} or {@code SET
 * TRANSACTION}; each is null when the statement does not mention it.
 *
 * <p>As in PostgreSQL, when a mode is written more than once the last one wins ({@code BEGIN
 * READ ONLY, READ WRITE} is read-write).
 *
 * @param isolationLevel the {@code ISOLATION LEVEL}, or null
 * @param readOnly true for {@code READ ONLY}, false for {@code READ WRITE}, or null
 * @param deferrable true for {@code DEFERRABLE}, false for {@code NOT DEFERRABLE}, or null
 */
public record TransactionModes(IsolationLevel isolationLevel, Boolean readOnly,
    Boolean deferrable) {

  private static final TransactionModes NONE = new TransactionModes(null, null, null);

  /** Returns the modes of a statement that names none. */
  public static TransactionModes none() {
    return NONE;
  }

  public TransactionModes withIsolationLevel(IsolationLevel isolationLevel) {
    requireNonNull(isolationLevel, "isolationLevel");
    return new TransactionModes(isolationLevel, readOnly, deferrable);
  }

  public TransactionModes withReadOnly(boolean readOnly) {
    return new TransactionModes(isolationLevel, readOnly, deferrable);
  }

  public TransactionModes withDeferrable(boolean deferrable) {
    return new TransactionModes(isolationLevel, readOnly, deferrable);
  }

  /** Returns whether no mode is given. */
  public boolean isEmpty() {
    return isolationLevel == null && readOnly == null && deferrable == null;
  }

  /** Writes the modes, comma-separated, in the order isolation level, access mode, deferrable. */
  void unparse(SqlWriter writer) {
    final SqlWriter.Frame frame = writer.startList("", "");
    if (isolationLevel != null) {
      writer.sep(",");
      writer.keyword("ISOLATION LEVEL");
      writer.keyword(isolationLevel.sqlName().toUpperCase(Locale.ROOT));
    }
    if (readOnly != null) {
      writer.sep(",");
      writer.keyword(readOnly ? "READ ONLY" : "READ WRITE");
    }
    if (deferrable != null) {
      writer.sep(",");
      writer.keyword(deferrable ? "DEFERRABLE" : "NOT DEFERRABLE");
    }
    writer.endList(frame);
  }
}
