package io.omendb.engine;

import static java.util.Objects.requireNonNull;

/** A write refused because it would break a constraint; the SQL layer maps each kind to its SQLSTATE. */
public final class ConstraintViolationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Which constraint was violated. */
  public enum Kind { UNIQUE, NOT_NULL }

  private final Kind kind;
  private final String detail;

  public ConstraintViolationException(Kind kind, String message, String detail) {
    super(message);
    this.kind = requireNonNull(kind, "kind");
    this.detail = detail;
  }

  public Kind kind() {
    return kind;
  }

  /** Further detail for the client, e.g. {@code Key (id)=(1) already exists.}, or null. */
  public String detail() {
    return detail;
  }
}
