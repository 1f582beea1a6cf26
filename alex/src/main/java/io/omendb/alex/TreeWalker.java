package io.omendb.alex;

/**
 * Walks an ALEX tree to compute its {@link AlexStats}; runs under the writer lock.
 */
final class TreeWalker {

  private int modelNodes;
  private int dataNodes;
  private int maxDepth;
  private double weightedDepth;
  private long keys;
  private long slots;
  private long bytes;

  private TreeWalker() {
  }

  static AlexStats stats(Tree tree, long size) {
    TreeWalker w = new TreeWalker();
    w.visit(tree.root, 0);
    return new AlexStats(size, w.modelNodes, w.dataNodes, w.maxDepth, w.keys == 0 ? 0 : w.weightedDepth / w.keys,
        w.slots, w.bytes, tree.expansions, tree.retrains, tree.sidewaysSplits, tree.downwardSplits,
        tree.modelExpansions, tree.contractions);
  }

  private void visit(Node node, int depth) {
    if (node instanceof DataNode d) {
      dataNodes++;
      maxDepth = Math.max(maxDepth, depth);
      weightedDepth += (double) depth * d.numKeys;
      keys += d.numKeys;
      slots += d.capacity();
      bytes += d.memoryBytes();
      return;
    }
    ModelNode m = (ModelNode) node;
    modelNodes++;
    bytes += m.memoryBytes();
    Node previous = null;
    for (Node child : m.children) {
      if (child != previous) {
        visit(child, depth + 1);
        previous = child;
      }
    }
  }
}
