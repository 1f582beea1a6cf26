package io.omendb.alex;

import java.lang.invoke.VarHandle;

/**
 * An ordered cursor over a key interval of an {@link AlexIndex}, ascending or descending, reusable via
 * {@link #seek} and {@link #seekDescending}.
 *
 * <p>The cursor copies up to {@link #BATCH} entries of one data node at a time under an optimistic read and moves
 * along the leaf chain. It is weakly consistent: each batch is a consistent snapshot of its node, entries changed
 * after a batch was copied may or may not be seen, and no entry is returned twice. Not thread-safe.
 */
public final class AlexCursor {

  /** Entries copied per optimistic read. */
  static final int BATCH = 128;

  private final Tree tree;
  private final long[] buffer = new long[2 * BATCH];
  private int count;
  private int position;
  private boolean ascending;
  private boolean exhausted;
  private long nextFrom;
  private long limit;
  private DataNode current;
  private long key;
  private long payload;

  AlexCursor(Tree tree) {
    this.tree = tree;
    this.exhausted = true;
  }

  /** Positions the cursor before the keys in {@code [fromInclusive, toInclusive]}, ascending. */
  public AlexCursor seek(long fromInclusive, long toInclusive) {
    return reset(true, fromInclusive, toInclusive, fromInclusive > toInclusive);
  }

  /** Positions the cursor before the keys in {@code [toInclusive, fromInclusive]}, descending from the top. */
  public AlexCursor seekDescending(long fromInclusive, long toInclusive) {
    return reset(false, fromInclusive, toInclusive, fromInclusive < toInclusive);
  }

  private AlexCursor reset(boolean ascending, long from, long to, boolean empty) {
    this.ascending = ascending;
    this.nextFrom = from;
    this.limit = to;
    this.exhausted = empty;
    this.count = 0;
    this.position = 0;
    this.current = null;
    return this;
  }

  /** Advances to the next entry; false when the interval is exhausted. */
  public boolean next() {
    if (position >= count && (exhausted || !(ascending ? fillAscending() : fillDescending()))) {
      return false;
    }
    key = buffer[position << 1];
    payload = buffer[(position << 1) + 1];
    position++;
    return true;
  }

  /** The current entry's key. */
  public long key() {
    return key;
  }

  /** The current entry's payload. */
  public long payload() {
    return payload;
  }

  private boolean fillAscending() {
    count = 0;
    position = 0;
    while (true) {
      DataNode d = current != null ? current : tree.leafFor(nextFrom);
      int v = d.version;
      if ((v & 1) != 0) {
        current = v == DataNode.RETIRED ? null : d;
        Thread.onSpinWait();
        continue;
      }
      long[] s = d.slots;
      long[] bm = d.bitmap;
      int cap = s.length >>> 1;
      int start = nextFrom == Long.MIN_VALUE ? 0
          : GappedArray.upperBound(s, cap, DataNode.predict(nextFrom - 1, d.base, d.slope, d.intercept, cap),
              nextFrom - 1);
      int c = 0;
      boolean nodeDone = true;
      boolean limitHit = false;
      scan:
      for (int w = start >>> 6; w < bm.length; w++) {
        long bits = bm[w];
        if (w == start >>> 6) {
          bits &= -1L << start;
        }
        while (bits != 0) {
          int j = (w << 6) + Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
          if (j >= cap) {
            break scan;
          }
          long k = s[j << 1];
          if (k > limit) {
            limitHit = true;
            break scan;
          }
          if (c == BATCH) {
            nodeDone = false;
            break scan;
          }
          buffer[c << 1] = k;
          buffer[(c << 1) + 1] = s[(j << 1) + 1];
          c++;
        }
      }
      DataNode following = d.next;
      VarHandle.loadLoadFence();
      if (d.version != v) {
        current = d;
        continue;
      }
      if (c > 0) {
        long last = buffer[(c - 1) << 1];
        count = c;
        current = nodeDone ? following : d;
        exhausted = limitHit || last == limit || (nodeDone && following == null);
        nextFrom = last + 1;
        return true;
      }
      if (limitHit || following == null) {
        exhausted = true;
        return false;
      }
      current = following;
    }
  }

  private boolean fillDescending() {
    count = 0;
    position = 0;
    while (true) {
      DataNode d = current != null ? current : tree.leafFor(nextFrom);
      int v = d.version;
      if ((v & 1) != 0) {
        current = v == DataNode.RETIRED ? null : d;
        Thread.onSpinWait();
        continue;
      }
      long[] s = d.slots;
      long[] bm = d.bitmap;
      int cap = s.length >>> 1;
      int start = nextFrom == Long.MAX_VALUE ? cap - 1
          : GappedArray.upperBound(s, cap, DataNode.predict(nextFrom, d.base, d.slope, d.intercept, cap),
              nextFrom) - 1;
      start = Math.min(start, (bm.length << 6) - 1);
      int c = 0;
      boolean nodeDone = true;
      boolean limitHit = false;
      scan:
      for (int w = start >> 6; w >= 0; w--) {
        long bits = bm[w];
        if (w == start >>> 6) {
          bits &= -1L >>> (63 - (start & 63));
        }
        while (bits != 0) {
          int j = (w << 6) + 63 - Long.numberOfLeadingZeros(bits);
          bits &= ~(1L << j);
          if (j >= cap) {
            continue;
          }
          long k = s[j << 1];
          if (k < limit) {
            limitHit = true;
            break scan;
          }
          if (c == BATCH) {
            nodeDone = false;
            break scan;
          }
          buffer[c << 1] = k;
          buffer[(c << 1) + 1] = s[(j << 1) + 1];
          c++;
        }
      }
      DataNode preceding = d.prev;
      VarHandle.loadLoadFence();
      if (d.version != v) {
        current = d;
        continue;
      }
      if (c > 0) {
        long last = buffer[(c - 1) << 1];
        count = c;
        current = nodeDone ? preceding : d;
        exhausted = limitHit || last == limit || (nodeDone && preceding == null);
        nextFrom = last - 1;
        return true;
      }
      if (limitHit || preceding == null) {
        exhausted = true;
        return false;
      }
      current = preceding;
    }
  }
}
