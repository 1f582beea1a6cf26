package io.omendb.engine.storage;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An ordered list of puts and deletes that the store applies atomically. */
public final class KvBatch {

  /**
   * One operation: a put, a delete (null value), or a range delete of {@code [key, rangeEnd)} when
   * {@code rangeEnd} is not null.
   */
  public record Op(Space space, byte[] key, byte[] value, byte[] rangeEnd) {
    public Op {
      requireNonNull(space, "space");
      requireNonNull(key, "key");
    }
  }

  private final List<Op> ops = new ArrayList<>();

  public KvBatch put(Space space, byte[] key, byte[] value) {
    ops.add(new Op(space, key, requireNonNull(value, "value"), null));
    return this;
  }

  public KvBatch delete(Space space, byte[] key) {
    ops.add(new Op(space, key, null, null));
    return this;
  }

  /** Deletes every key in {@code [from, to)}. */
  public KvBatch deleteRange(Space space, byte[] from, byte[] to) {
    ops.add(new Op(space, from, null, requireNonNull(to, "to")));
    return this;
  }

  public List<Op> ops() {
    return Collections.unmodifiableList(ops);
  }

  public boolean isEmpty() {
    return ops.isEmpty();
  }
}
