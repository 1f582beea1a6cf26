package io.omendb.engine.mvcc;

import io.omendb.engine.storage.KvStore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Shares WAL syncs among concurrent committers. Commits reach the WAL in timestamp order without a sync; each
 * committer then waits until a sync covers its timestamp. One waiter at a time (the leader) runs the sync, outside
 * the lock, covering every commit written before it started; commits written meanwhile share the next sync. So N
 * committers arriving together cost about two fsyncs, not N.
 */
final class GroupCommit {
  private final KvStore store;
  private final TimestampOracle oracle;
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong syncs = new AtomicLong();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition progress = lock.newCondition();
  private long synced;
  private boolean syncing;

  GroupCommit(KvStore store, TimestampOracle oracle) {
    this.store = store;
    this.oracle = oracle;
  }

  /** Records that the commit at {@code ts} is in the WAL; called under the commit lock, in timestamp order. */
  void written(long ts) {
    written.set(ts);
  }

  /** The newest commit timestamp in the WAL, durable or not. */
  long written() {
    return written.get();
  }

  /** Returns once the commit at {@code ts} is durable, and makes it (and every earlier commit) visible. */
  void awaitDurable(long ts) {
    lock.lock();
    try {
      while (synced < ts) {
        if (syncing) {
          progress.awaitUninterruptibly();
          continue;
        }
        syncing = true;
        long target = written.get();
        boolean ok = false;
        lock.unlock();
        try {
          store.syncWal();
          ok = true;
        } finally {
          lock.lock();
          syncing = false;
          if (ok) {
            synced = Math.max(synced, target);
            syncs.incrementAndGet();
            oracle.publish(synced);
          }
          progress.signalAll();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Makes a commit visible without a sync (relaxed durability). */
  void publishUnsynced(long ts) {
    lock.lock();
    try {
      synced = Math.max(synced, ts);
      oracle.publish(synced);
    } finally {
      lock.unlock();
    }
  }

  /** Number of WAL syncs performed. */
  long syncCount() {
    return syncs.get();
  }
}
