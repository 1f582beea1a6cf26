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
    UNDEFINED_OBJECT,
    /** A schema named by a statement does not exist (3F000). */
    UNDEFINED_SCHEMA,
    /** A schema of that name already exists (42P06). */
    DUPLICATE_SCHEMA,
    /** An object cannot be dropped while others depend on it (2BP01). */
    DEPENDENT_OBJECTS,
    /** A name reserved for system objects, such as a schema name starting {@code pg_} (42939). */
    RESERVED_NAME
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
