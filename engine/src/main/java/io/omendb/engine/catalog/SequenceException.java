package io.omendb.engine.catalog;

import static java.util.Objects.requireNonNull;

/** A sequence operation refused: a limit reached, a value out of bounds or contradictory options. */
public final class SequenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong; the SQL layer maps each kind to a SQLSTATE. */
  public enum Kind {
    /** nextval ran past the end of a non-cycling sequence (2200H). */
    LIMIT_REACHED,
    /** setval or RESTART outside the bounds, or bounds that contradict each other (22003 / 22023). */
    OUT_OF_BOUNDS,
    /** Options that make no sequence (22023). */
    INVALID_PARAMETER
  }

  private final Kind kind;

  public SequenceException(Kind kind, String message) {
    super(message);
    this.kind = requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }
}
