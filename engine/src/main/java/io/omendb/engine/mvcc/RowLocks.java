package io.omendb.engine.mvcc;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.TreeMap;

/**
 * The exclusive row locks ({@code SELECT ... FOR UPDATE}) of recent commits: a lock writes no row version, so a
 * transaction that writes or locks the same row, and whose snapshot is older than the locker's commit, learns of
 * the conflict here (first committer wins). Entries at or before every snapshot in use can conflict with no one and
 * are pruned.
 */
final class RowLocks {
  /** The keys one commit locked. */
  private record Committed(long commitTs, List<byte[]> keys) {}

  /** For each locked row key: the newest commit timestamp that held a lock on it. */
  private final TreeMap<byte[], Long> lockedAt = new TreeMap<>(Arrays::compareUnsigned);
  private final Deque<Committed> commits = new ArrayDeque<>();

  /** Records that a commit at {@code commitTs} held exclusive locks on {@code keys}. */
  synchronized void record(List<byte[]> keys, long commitTs) {
    if (keys.isEmpty()) {
      return;
    }
    for (byte[] key : keys) {
      lockedAt.put(key, commitTs);
    }
    commits.addLast(new Committed(commitTs, keys));
  }

  /** Whether a commit after {@code readTs} held an exclusive lock on {@code key}. */
  synchronized boolean lockedAfter(byte[] key, long readTs) {
    Long ts = lockedAt.get(key);
    return ts != null && ts > readTs;
  }

  /** Forgets the locks of commits at or before {@code oldestSnapshot}, which no transaction can conflict with. */
  synchronized void prune(long oldestSnapshot) {
    while (!commits.isEmpty() && commits.peekFirst().commitTs() <= oldestSnapshot) {
      Committed done = commits.removeFirst();
      for (byte[] key : done.keys()) {
        lockedAt.remove(key, done.commitTs());
      }
    }
  }

  /** Number of rows whose lock is still remembered; for tests. */
  synchronized int size() {
    return lockedAt.size();
  }
}
