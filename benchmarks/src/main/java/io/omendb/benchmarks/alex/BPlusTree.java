package io.omendb.benchmarks.alex;

import java.util.Arrays;

/**
 * A B+tree over primitive {@code long} keys and payloads: the fair baseline for ALEX.
 *
 * <p>Nodes hold primitive arrays with a fanout of {@value #FANOUT}; bulk loading packs leaves and inner nodes full;
 * leaves are chained for range scans; nodes are a sealed pair of final classes so the descent has no virtual calls.
 * Inserts split full nodes in half. Single-threaded.
 */
public final class BPlusTree {

  /** Keys per leaf and children per inner node. */
  public static final int FANOUT = 64;

  private abstract static sealed class Node permits Inner, Leaf {
  }

  private static final class Inner extends Node {
    /** {@code keys[i]} is the smallest key of {@code children[i + 1]}. */
    final long[] keys = new long[FANOUT - 1];
    final Node[] children = new Node[FANOUT];
    int count;
  }

  private static final class Leaf extends Node {
    final long[] keys = new long[FANOUT];
    final long[] payloads = new long[FANOUT];
    int count;
    Leaf next;
  }

  private Node root = new Leaf();
  private long size;

  /** A tree holding {@code keys[i] -> payloads[i]} for strictly increasing keys, every node full. */
  public static BPlusTree bulkLoad(long[] keys, long[] payloads) {
    BPlusTree tree = new BPlusTree();
    int n = keys.length;
    if (n == 0) {
      return tree;
    }
    int leafCount = (n + FANOUT - 1) / FANOUT;
    Node[] level = new Node[leafCount];
    long[] mins = new long[leafCount];
    Leaf previous = null;
    for (int l = 0; l < leafCount; l++) {
      Leaf leaf = new Leaf();
      int from = l * FANOUT;
      int count = Math.min(FANOUT, n - from);
      System.arraycopy(keys, from, leaf.keys, 0, count);
      System.arraycopy(payloads, from, leaf.payloads, 0, count);
      leaf.count = count;
      if (previous != null) {
        previous.next = leaf;
      }
      previous = leaf;
      level[l] = leaf;
      mins[l] = keys[from];
    }
    while (level.length > 1) {
      int parents = (level.length + FANOUT - 1) / FANOUT;
      Node[] up = new Node[parents];
      long[] upMins = new long[parents];
      for (int p = 0; p < parents; p++) {
        Inner inner = new Inner();
        int from = p * FANOUT;
        int count = Math.min(FANOUT, level.length - from);
        System.arraycopy(level, from, inner.children, 0, count);
        System.arraycopy(mins, from + 1, inner.keys, 0, count - 1);
        inner.count = count;
        up[p] = inner;
        upMins[p] = mins[from];
      }
      level = up;
      mins = upMins;
    }
    tree.root = level[0];
    tree.size = n;
    return tree;
  }

  /** Index of the child of {@code inner} that may hold {@code key}. */
  private static int childIndex(Inner inner, long key) {
    long[] k = inner.keys;
    int lo = 0;
    int hi = inner.count - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (k[mid] <= key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private Leaf leafFor(long key) {
    Node n = root;
    while (n instanceof Inner inner) {
      n = inner.children[childIndex(inner, key)];
    }
    return (Leaf) n;
  }

  /** The payload of {@code key}, or {@code absent}. */
  public long get(long key, long absent) {
    Leaf leaf = leafFor(key);
    int i = Arrays.binarySearch(leaf.keys, 0, leaf.count, key);
    return i >= 0 ? leaf.payloads[i] : absent;
  }

  /** Sums the payloads of up to {@code count} entries from the smallest key {@code >= from}. */
  public long scan(long from, int count) {
    Leaf leaf = leafFor(from);
    int i = Arrays.binarySearch(leaf.keys, 0, leaf.count, from);
    i = i >= 0 ? i : -i - 1;
    long sum = 0;
    int seen = 0;
    while (leaf != null && seen < count) {
      for (; i < leaf.count && seen < count; i++, seen++) {
        sum += leaf.payloads[i];
      }
      leaf = leaf.next;
      i = 0;
    }
    return sum;
  }

  public long size() {
    return size;
  }

  /** Maps {@code key} to {@code payload}; true if the key was new. */
  public boolean put(long key, long payload) {
    Object split = insert(root, key, payload);
    if (split == REPLACED) {
      return false;
    }
    size++;
    if (split != null) {
      Split s = (Split) split;
      Inner newRoot = new Inner();
      newRoot.children[0] = root;
      newRoot.children[1] = s.right;
      newRoot.keys[0] = s.separator;
      newRoot.count = 2;
      root = newRoot;
    }
    return true;
  }

  private static final Object REPLACED = new Object();

  private record Split(long separator, Node right) {
  }

  /** Inserts into the subtree; returns null, {@link #REPLACED}, or the {@link Split} the parent must absorb. */
  private static Object insert(Node node, long key, long payload) {
    if (node instanceof Leaf leaf) {
      int i = Arrays.binarySearch(leaf.keys, 0, leaf.count, key);
      if (i >= 0) {
        leaf.payloads[i] = payload;
        return REPLACED;
      }
      i = -i - 1;
      if (leaf.count < FANOUT) {
        insertAt(leaf, i, key, payload);
        return null;
      }
      Leaf right = new Leaf();
      int half = FANOUT / 2;
      System.arraycopy(leaf.keys, half, right.keys, 0, FANOUT - half);
      System.arraycopy(leaf.payloads, half, right.payloads, 0, FANOUT - half);
      right.count = FANOUT - half;
      leaf.count = half;
      right.next = leaf.next;
      leaf.next = right;
      if (i <= half) {
        insertAt(leaf, i, key, payload);
      } else {
        insertAt(right, i - half, key, payload);
      }
      return new Split(right.keys[0], right);
    }
    Inner inner = (Inner) node;
    int c = childIndex(inner, key);
    Object result = insert(inner.children[c], key, payload);
    if (!(result instanceof Split s)) {
      return result;
    }
    if (inner.count < FANOUT) {
      addChild(inner, c + 1, s.separator(), s.right());
      return null;
    }
    Inner right = new Inner();
    int half = FANOUT / 2;
    long up = inner.keys[half - 1];
    System.arraycopy(inner.children, half, right.children, 0, FANOUT - half);
    System.arraycopy(inner.keys, half, right.keys, 0, FANOUT - half - 1);
    right.count = FANOUT - half;
    inner.count = half;
    Arrays.fill(inner.children, half, FANOUT, null);
    if (c + 1 <= half) {
      addChild(inner, c + 1, s.separator(), s.right());
    } else {
      addChild(right, c + 1 - half, s.separator(), s.right());
    }
    return new Split(up, right);
  }

  private static void insertAt(Leaf leaf, int i, long key, long payload) {
    System.arraycopy(leaf.keys, i, leaf.keys, i + 1, leaf.count - i);
    System.arraycopy(leaf.payloads, i, leaf.payloads, i + 1, leaf.count - i);
    leaf.keys[i] = key;
    leaf.payloads[i] = payload;
    leaf.count++;
  }

  /** Adds {@code child} at child position {@code at} with {@code separator} as its smallest key. */
  private static void addChild(Inner inner, int at, long separator, Node child) {
    System.arraycopy(inner.children, at, inner.children, at + 1, inner.count - at);
    System.arraycopy(inner.keys, at - 1, inner.keys, at, inner.count - at);
    inner.children[at] = child;
    inner.keys[at - 1] = separator;
    inner.count++;
  }

  /** Heap bytes of nodes and arrays (64-bit JVM, compressed references). */
  public long memoryBytes() {
    return memoryBytes(root);
  }

  private static long memoryBytes(Node node) {
    if (node instanceof Leaf) {
      return 2 * (16 + 8L * FANOUT) + 24;
    }
    Inner inner = (Inner) node;
    long bytes = (16 + 8L * (FANOUT - 1)) + (16 + 4L * FANOUT) + 24;
    for (int i = 0; i < inner.count; i++) {
      bytes += memoryBytes(inner.children[i]);
    }
    return bytes;
  }
}
