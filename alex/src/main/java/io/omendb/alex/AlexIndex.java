package io.omendb.alex;

import static java.util.Objects.requireNonNull;

import java.lang.invoke.VarHandle;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An ordered map from {@code long} keys to {@code long} payloads, implemented as ALEX (Ding et al., "ALEX: An
 * Updatable Adaptive Learned Index", SIGMOD 2020).
 *
 * <p>Model nodes route a key with a linear model straight to a child; data nodes are gapped arrays whose own linear
 * model predicts a key's slot, found by exponential search from the prediction. Inserts go where the model predicts
 * (shifting to the nearest gap if needed); full nodes expand or split as the {@link CostModel} decides; sparse nodes
 * contract. Keys are signed {@code long}s in natural order; use {@link KeyMapping} for other types.
 *
 * <p>Concurrency: reads never lock. Each data node has a sequence lock; a reader descends from the root, reads the
 * node optimistically and validates its version, retrying from the root if a writer interfered or the node was
 * retired by a split. Writers are serialised by one lock, build replacement nodes aside and publish them with release
 * stores. Reads are linearizable; cursors are weakly consistent (see {@link AlexCursor}).
 */
public final class AlexIndex {

  private final Tree tree;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final WritePath path = new WritePath();
  private volatile long size;

  private AlexIndex(AlexParams params) {
    this.tree = new Tree(params);
  }

  /** An empty index with default parameters. */
  public static AlexIndex create() {
    return new AlexIndex(AlexParams.defaults());
  }

  /** An empty index with {@code params}. */
  public static AlexIndex create(AlexParams params) {
    return new AlexIndex(requireNonNull(params, "params"));
  }

  // ---- reads (lock-free, optimistic) ----

  /** The payload of {@code key}, or {@code absent} if the key is not present. */
  public long get(long key, long absent) {
    while (true) {
      DataNode d = tree.leafFor(key);
      int v = d.version;
      if ((v & 1) == 0) {
        long[] s = d.slots;
        int pos = DataNode.locate(s, d.bitmap, s.length >>> 1, d.base, d.slope, d.intercept, key);
        long result = pos >= 0 ? s[(pos << 1) + 1] : absent;
        VarHandle.loadLoadFence();
        if (d.version == v) {
          return result;
        }
      }
      Thread.onSpinWait();
    }
  }

  /** Whether {@code key} is present. */
  public boolean containsKey(long key) {
    while (true) {
      DataNode d = tree.leafFor(key);
      int v = d.version;
      if ((v & 1) == 0) {
        long[] s = d.slots;
        boolean found = DataNode.locate(s, d.bitmap, s.length >>> 1, d.base, d.slope, d.intercept, key) >= 0;
        VarHandle.loadLoadFence();
        if (d.version == v) {
          return found;
        }
      }
      Thread.onSpinWait();
    }
  }

  /** The smallest key {@code >= key}, if any. */
  public OptionalLong ceilingKey(long key) {
    AlexCursor c = cursor().seek(key, Long.MAX_VALUE);
    return c.next() ? OptionalLong.of(c.key()) : OptionalLong.empty();
  }

  /** The largest key {@code <= key}, if any. */
  public OptionalLong floorKey(long key) {
    AlexCursor c = cursor().seekDescending(key, Long.MIN_VALUE);
    return c.next() ? OptionalLong.of(c.key()) : OptionalLong.empty();
  }

  /** An ascending cursor from the smallest key {@code >= key} (the lower bound) to the end. */
  public AlexCursor lowerBound(long key) {
    return cursor().seek(key, Long.MAX_VALUE);
  }

  /** A descending cursor from the largest key {@code <= key} (the upper bound) to the start. */
  public AlexCursor upperBound(long key) {
    return cursor().seekDescending(key, Long.MIN_VALUE);
  }

  /** An ascending cursor over {@code [fromInclusive, toInclusive]}. */
  public AlexCursor range(long fromInclusive, long toInclusive) {
    return cursor().seek(fromInclusive, toInclusive);
  }

  /** An unpositioned cursor, to be positioned (and reused) with {@link AlexCursor#seek}. */
  public AlexCursor cursor() {
    return new AlexCursor(tree);
  }

  /** Number of keys. */
  public long size() {
    return size;
  }

  /** Whether the index has no keys. */
  public boolean isEmpty() {
    return size == 0;
  }

  // ---- writes (serialised) ----

  /** Maps {@code key} to {@code payload}; returns true if the key was absent. */
  public boolean put(long key, long payload) {
    writeLock.lock();
    try {
      while (true) {
        path.descend(tree.root, key);
        DataNode d = path.leaf;
        int pos = d.find(key);
        if (pos >= 0) {
          d.setPayload(pos, payload);
          return false;
        }
        if (d.hasRoomForInsert(tree.params.maxDensity())) {
          d.insert(key, payload);
          size = size + 1;
          return true;
        }
        tree.makeRoom(path, key);
      }
    } finally {
      writeLock.unlock();
    }
  }

  /** Removes {@code key}; returns true if it was present. */
  public boolean remove(long key) {
    writeLock.lock();
    try {
      path.descend(tree.root, key);
      DataNode d = path.leaf;
      int pos = d.find(key);
      if (pos < 0) {
        return false;
      }
      d.removeAt(pos);
      size = size - 1;
      tree.maybeContract(path);
      return true;
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Replaces the contents with {@code keys[i] -> payloads[i]}; keys must be strictly increasing. Fanouts and node
   * sizes are chosen by the cost model.
   */
  public void bulkLoad(long[] keys, long[] payloads) {
    requireNonNull(keys, "keys");
    requireNonNull(payloads, "payloads");
    if (keys.length != payloads.length) {
      throw new IllegalArgumentException("keys and payloads differ in length: " + keys.length + " vs "
          + payloads.length);
    }
    for (int i = 1; i < keys.length; i++) {
      if (keys[i - 1] >= keys[i]) {
        throw new IllegalArgumentException("keys must be strictly increasing, but keys[" + (i - 1) + "] = "
            + keys[i - 1] + " >= keys[" + i + "] = " + keys[i]);
      }
    }
    writeLock.lock();
    try {
      tree.bulkLoad(keys, payloads, keys.length);
      size = keys.length;
    } finally {
      writeLock.unlock();
    }
  }

  // ---- introspection ----

  /**
   * Estimated heap bytes of the index: node arrays counted from their lengths, node objects from their field
   * layout on a 64-bit JVM with compressed references.
   */
  public long memoryBytes() {
    return stats().memoryBytes();
  }

  /** The current shape and the counts of structural changes. */
  public AlexStats stats() {
    writeLock.lock();
    try {
      return TreeWalker.stats(tree, size);
    } finally {
      writeLock.unlock();
    }
  }

  /** The parameters of this index. */
  public AlexParams params() {
    return tree.params;
  }

  Tree tree() {
    return tree;
  }

  ReentrantLock writeLock() {
    return writeLock;
  }
}
