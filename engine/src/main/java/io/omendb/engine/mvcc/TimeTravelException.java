package io.omendb.engine.mvcc;

import static java.util.Objects.requireNonNull;

/** An {@code AS OF} read asked for a time the engine cannot read at: before the history kept, or in the future. */
public final class TimeTravelException extends RuntimeException {
  /** Why the time cannot be read. */
  public enum Kind {
    /** Before the retention window: versions that time saw may already be collected. */
    SNAPSHOT_TOO_OLD,
    /** Later than now: commits at that time have not happened yet. */
    FUTURE_TIMESTAMP
  }

  private static final long serialVersionUID = 1L;
  private final Kind kind;

  public TimeTravelException(Kind kind, String message) {
    super(message);
    this.kind = requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }
}
