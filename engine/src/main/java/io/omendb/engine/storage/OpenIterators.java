package io.omendb.engine.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Tracks open cursors so that closing the store closes any a caller forgot. */
final class OpenIterators {
  private final Set<KvCursor> open = ConcurrentHashMap.newKeySet();

  void add(KvCursor cursor) {
    open.add(cursor);
  }

  boolean remove(KvCursor cursor) {
    return open.remove(cursor);
  }

  void closeAll() {
    List<KvCursor> all = new ArrayList<>(open);
    open.clear();
    all.forEach(KvCursor::closeNative);
  }
}
