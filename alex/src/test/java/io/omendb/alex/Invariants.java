package io.omendb.alex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Structural invariants of an ALEX tree, checked by the tests after every batch of operations. */
final class Invariants {

  private Invariants() {
  }

  /** Asserts every invariant of {@code index}; the index must not be modified concurrently. */
  static void check(AlexIndex index) {
    Tree tree = index.tree();
    AlexParams params = tree.params;
    List<DataNode> inOrder = new ArrayList<>();
    collect(tree.root, inOrder, new IdentityHashMap<>());
    long total = 0;
    long previousKey = Long.MIN_VALUE;
    boolean first = true;
    for (int n = 0; n < inOrder.size(); n++) {
      DataNode d = inOrder.get(n);
      assertThat(d.isRetired()).as("reachable node retired").isFalse();
      assertThat(d.version & 1).as("node version even").isZero();
      assertThat(d.prev).as("prev link").isSameAs(n == 0 ? null : inOrder.get(n - 1));
      assertThat(d.next).as("next link").isSameAs(n == inOrder.size() - 1 ? null : inOrder.get(n + 1));
      int cap = d.capacity();
      assertThat(d.bitmap.length).isEqualTo(GappedArray.bitmapWords(cap));
      assertThat(cap).isLessThanOrEqualTo(Math.max(params.maxDataNodeSlots(), d.numKeys + 1));
      int occupied = 0;
      long nextKey = Long.MAX_VALUE;
      long[] gapKeys = new long[cap];
      for (int i = cap - 1; i >= 0; i--) {
        long k = d.slots[i << 1];
        if (GappedArray.isOccupied(d.bitmap, i)) {
          require(occupied == 0 || k < nextKey, "occupied keys strictly increase at slot %d", i);
          nextKey = k;
          occupied++;
        } else {
          gapKeys[i] = k;
        }
      }
      int firstOccupied = GappedArray.nextOccupied(d.bitmap, 0, cap);
      long next = Long.MAX_VALUE;
      for (int i = cap - 1; i >= 0; i--) {
        if (GappedArray.isOccupied(d.bitmap, i)) {
          next = d.slots[i << 1];
        } else {
          long want = firstOccupied >= 0 && i < firstOccupied ? Long.MIN_VALUE : next;
          require(gapKeys[i] == want, "gap %d holds %d, not %d", i, gapKeys[i], want);
        }
      }
      require(occupied == d.numKeys, "numKeys %d matches the bitmap (%d)", d.numKeys, occupied);
      for (int i = 0; i < cap; i++) {
        if (GappedArray.isOccupied(d.bitmap, i)) {
          long k = d.slots[i << 1];
          require(first || k > previousKey, "keys increase across nodes at %d", k);
          first = false;
          previousKey = k;
          require(tree.leafFor(k) == d, "key %d routes to its node", k);
          require(d.find(k) == i, "key %d is found at its slot", k);
        }
      }
      total += d.numKeys;
    }
    assertThat(total).as("size").isEqualTo(index.size());
  }

  private static void require(boolean condition, String message, Object... args) {
    if (!condition) {
      throw new AssertionError(String.format(java.util.Locale.ROOT, message, args));
    }
  }

  private static void collect(Node node, List<DataNode> out, Map<Node, Boolean> seen) {
    assertThat(seen.put(node, Boolean.TRUE)).as("node reachable once").isNull();
    if (node instanceof DataNode d) {
      out.add(d);
      return;
    }
    ModelNode m = (ModelNode) node;
    Node previous = null;
    for (Node child : m.children) {
      assertThat(child).isNotNull();
      if (child != previous) {
        collect(child, out, seen);
        previous = child;
      }
    }
  }
}
