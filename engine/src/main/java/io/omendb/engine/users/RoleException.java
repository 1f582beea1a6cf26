package io.omendb.engine.users;

import static java.util.Objects.requireNonNull;

/** A role or privilege operation refused: a missing or duplicate role, a role still owning objects, a bad grant. */
public final class RoleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong; the SQL layer maps each kind to a SQLSTATE. */
  public enum Kind {
    /** The role does not exist (42704). */
    UNDEFINED_ROLE,
    /** A role of that name exists (42710). */
    DUPLICATE_ROLE,
    /** The role owns tables, so it cannot be dropped (2BP01). */
    DEPENDENT_OBJECTS,
    /** A membership that would make a role a member of itself (0LP01). */
    INVALID_GRANT,
    /** A reserved role name such as {@code public} (42939). */
    RESERVED_NAME
  }

  private final Kind kind;

  public RoleException(Kind kind, String message) {
    super(message);
    this.kind = requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }
}
