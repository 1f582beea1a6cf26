package io.omendb.alex;

import java.util.Arrays;

/**
 * The root-to-leaf path of the key a writer is working on: model nodes, the child slot taken in each, and the leaf.
 *
 * <p>Owned by the single active writer and reused across operations.
 */
final class WritePath {

  ModelNode[] parents = new ModelNode[16];
  int[] slots = new int[16];
  int depth;
  DataNode leaf;

  /** Descends from {@code root} towards {@code key}. */
  void descend(Node root, long key) {
    depth = 0;
    Node n = root;
    while (n instanceof ModelNode m) {
      if (depth == parents.length) {
        parents = Arrays.copyOf(parents, depth * 2);
        slots = Arrays.copyOf(slots, depth * 2);
      }
      int i = m.route(key);
      parents[depth] = m;
      slots[depth] = i;
      depth++;
      n = m.children[i];
    }
    leaf = (DataNode) n;
  }
}
