package io.omendb.engine.catalog;

import static java.util.Objects.requireNonNull;

/** A catalog operation refused: a missing or duplicate object, or a definition the engine cannot store. */
public final class CatalogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong; the SQL layer maps each kind to a SQLSTATE. */
  public enum Kind {
    UNDEFINED_TABLE, DUPLICATE_TABLE, DUPLICATE_COLUMN, INVALID_DEFINITION, UNSUPPORTED,
    /** A column named by a statement does not exist (42703). */
    UNDEFINED_COLUMN,
    /** An object other than a table (an index) does not exist (42704). */
    UNDEFINED_OBJECT
  }

  private final Kind kind;

  public CatalogException(Kind kind, String message) {
    super(message);
    this.kind = requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }
}
