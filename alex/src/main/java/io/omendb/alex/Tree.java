package io.omendb.alex;

import java.util.ArrayList;
import java.util.List;

/**
 * The ALEX tree's root and its structural modifications: expansion, retraining, contraction and splits.
 *
 * <p>Every method except {@link #leafFor} runs under the index's writer lock. Structural changes build new nodes
 * aside, publish them with release stores, then retire what they replaced, so optimistic readers see either the old
 * or the new structure and retry on retired nodes.
 *
 * <p>When a data node is full and most of its recent inserts were appends (new maxima or minima), it is rebuilt
 * with its keys packed at one end. Otherwise the cost model decides: if its measured insert cost is within
 * {@link AlexParams#costDeviationTolerance()} of the expected cost it expands with its model scaled; otherwise it
 * is retrained, and if even the retrained layout would cost more than tolerated (or the node is at its size limit)
 * it splits: sideways into two siblings when its parent has duplicate pointers to it (doubling the parent's fanout
 * first if needed) and the split is balanced, else downwards into a new model node chosen by the bulk loader.
 */
final class Tree {

  /** Inserts a node must see before its measured cost is trusted. */
  static final int MIN_INSERTS_FOR_DEVIATION = 64;
  /** Inserts a node must see before its append pattern is trusted. */
  static final int MIN_INSERTS_FOR_APPENDS = 16;
  /** How far a downward split at an edge extends the domain, in multiples of the index's key span. */
  static final double APPEND_GROWTH = 2.0;
  /** Smallest share of keys either half of a sideways split must get; otherwise the node splits downwards. */
  static final double MIN_SPLIT_SHARE = 0.125;
  /**
   * Expected costs below this floor count as this floor when testing for deviation: an insert of a new key lands a
   * slot or two from its prediction even in a perfectly placed node, which costs about three search iterations.
   */
  static final double COST_FLOOR = 3 * CostModel.SEARCH_ITERATION_WEIGHT;

  final AlexParams params;
  final DataNodeBuilder nodes;
  final BulkLoader loader;

  volatile Node root;

  long expansions;
  long retrains;
  long sidewaysSplits;
  long downwardSplits;
  long modelExpansions;
  long contractions;

  private long[] scratchKeys = new long[0];
  private long[] scratchPayloads = new long[0];

  Tree(AlexParams params) {
    this.params = params;
    this.nodes = new DataNodeBuilder(params);
    this.loader = new BulkLoader(params, nodes);
    this.root = nodes.empty(0, 0);
  }

  /** The data node that owns {@code key} (reader side: may be retired by the time it is read). */
  DataNode leafFor(long key) {
    Node n = root;
    while (n instanceof ModelNode m) {
      n = m.child(key);
    }
    return (DataNode) n;
  }

  /** Replaces the whole tree by one bulk-loaded from sorted, distinct keys. */
  void bulkLoad(long[] keys, long[] payloads, int n) {
    List<DataNode> leaves = new ArrayList<>();
    Node fresh = loader.build(keys, payloads, 0, n, false, BulkLoader.Edge.NONE, leaves);
    linkChain(leaves, null, null);
    Node old = root;
    root = fresh;
    retireAll(old);
  }

  /** Makes room in the full leaf of {@code path} for {@code key}; the caller retries the insert afterwards. */
  void makeRoom(WritePath path, long key) {
    DataNode d = path.leaf;
    int n = d.numKeys;
    long expandedCapacity = (long) Math.ceil((n + 1) / params.minDensity());
    boolean fits = expandedCapacity <= params.maxDataNodeSlots();
    double tolerated = Math.max(d.expectedCost, COST_FLOOR) * params.costDeviationTolerance();
    boolean deviates = d.insertsSinceBuild >= MIN_INSERTS_FOR_DEVIATION
        && d.empiricalCost(params.insertFraction()) > tolerated;
    BulkLoader.Edge appending = appendEdge(d);
    if (fits && appending != BulkLoader.Edge.NONE) {
      int cap = (int) expandedCapacity;
      loadScratch(d);
      rebuildInPlace(d, cap, nodes.appendModel(scratchKeys, 0, n, cap, appending == BulkLoader.Edge.LEFT), n);
      retrains++;
      return;
    }
    if (fits && !deviates) {
      int cap = (int) expandedCapacity;
      rebuildInPlace(d, cap, d.model().scaled((double) cap / d.capacity()));
      expansions++;
      return;
    }
    loadScratch(d);
    if (fits) {
      int cap = (int) expandedCapacity;
      LinearModel model = DataNodeBuilder.fit(scratchKeys, 0, n, cap);
      double retrainedCost = nodes.expectedCost(scratchKeys, 0, n, cap, model);
      if (retrainedCost <= tolerated) {
        rebuildInPlace(d, cap, model, n);
        retrains++;
        return;
      }
    }
    split(path, key, n);
  }

  /** The side at which most of a node's recent inserts extended its key range, if any. */
  private static BulkLoader.Edge appendEdge(DataNode d) {
    if (d.insertsSinceBuild < MIN_INSERTS_FOR_APPENDS) {
      return BulkLoader.Edge.NONE;
    }
    if (2 * d.appendsRightSinceBuild > d.insertsSinceBuild) {
      return BulkLoader.Edge.RIGHT;
    }
    return 2 * d.appendsLeftSinceBuild > d.insertsSinceBuild ? BulkLoader.Edge.LEFT : BulkLoader.Edge.NONE;
  }

  /** A data node over scratch keys {@code [from, to)}, laid out for appends at {@code edge} if it is not NONE. */
  private DataNode buildLeaf(int from, int to, BulkLoader.Edge edge) {
    return edge == BulkLoader.Edge.NONE ? nodes.build(scratchKeys, scratchPayloads, from, to)
        : nodes.buildForAppends(scratchKeys, scratchPayloads, from, to, edge == BulkLoader.Edge.LEFT);
  }

  /** Shrinks the leaf of {@code path} if deletes left it too sparse. */
  void maybeContract(WritePath path) {
    DataNode d = path.leaf;
    int cap = d.capacity();
    if (cap <= AlexParams.MIN_DATA_NODE_SLOTS || d.numKeys >= cap * params.contractDensity()) {
      return;
    }
    int n = d.numKeys;
    int newCap = nodes.capacityFor(n, params.initDensity());
    if (newCap >= cap) {
      return;
    }
    loadScratch(d);
    rebuildInPlace(d, newCap, DataNodeBuilder.fit(scratchKeys, 0, n, newCap), n);
    contractions++;
  }

  private void loadScratch(DataNode d) {
    int n = d.numKeys;
    if (scratchKeys.length < n) {
      scratchKeys = new long[Math.max(n, scratchKeys.length * 2)];
      scratchPayloads = new long[scratchKeys.length];
    }
    d.copyTo(scratchKeys, scratchPayloads, 0);
  }

  private void rebuildInPlace(DataNode d, int capacity, LinearModel model) {
    loadScratch(d);
    rebuildInPlace(d, capacity, model, d.numKeys);
  }

  /** Re-lays the scratch keys into {@code d} with a new capacity and model; readers see old or new, never a mix. */
  private void rebuildInPlace(DataNode d, int capacity, LinearModel model, int n) {
    DataNode fresh = nodes.build(scratchKeys, scratchPayloads, 0, n, capacity, model);
    d.beginWrite();
    d.slots = fresh.slots;
    d.bitmap = fresh.bitmap;
    d.base = fresh.base;
    d.slope = fresh.slope;
    d.intercept = fresh.intercept;
    d.endWrite();
    d.expectedCost = fresh.expectedCost;
    d.insertsSinceBuild = 0;
    d.searchIterationsSinceBuild = 0;
    d.shiftsSinceBuild = 0;
    d.appendsRightSinceBuild = 0;
    d.appendsLeftSinceBuild = 0;
  }

  /** Splits the full leaf of {@code path}, whose {@code n} keys are in the scratch arrays. */
  private void split(WritePath path, long key, int n) {
    DataNode d = path.leaf;
    if (path.depth > 0) {
      ModelNode parent = path.parents[path.depth - 1];
      int slot = path.slots[path.depth - 1];
      int from = parent.runStart(slot, d);
      int to = parent.runEnd(slot, d);
      if (to - from >= 2) {
        int median = parent.route(scratchKeys[n / 2]);
        int boundary = Math.max(from + 1, Math.min(median, to - 1));
        int left = countRoutedBelow(parent.base, parent.slope, parent.intercept, parent.children.length, boundary, n);
        if (balanced(left, n)) {
          splitSideways(parent, from, boundary, to, d, left, n);
          return;
        }
      } else if (parent.children.length * 2 <= params.maxModelFanout()) {
        int boundary = 2 * from + 1;
        int left = countRoutedBelow(parent.base, parent.slope * 2, parent.intercept * 2, parent.children.length * 2,
            boundary, n);
        if (balanced(left, n)) {
          ModelNode doubled = parent.doubled();
          replaceModelNode(path, path.depth - 1, doubled);
          modelExpansions++;
          splitSideways(doubled, 2 * from, boundary, 2 * from + 2, d, left, n);
          return;
        }
      }
    }
    splitDownward(path, key, n);
  }

  private static boolean balanced(int left, int n) {
    return Math.min(left, n - left) >= n * MIN_SPLIT_SHARE;
  }

  /** Number of scratch keys a model node would route to slots below {@code boundary}. */
  private int countRoutedBelow(double base, double slope, double intercept, int fanout, int boundary, int n) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ModelNode.route(scratchKeys[mid], base, slope, intercept, fanout) < boundary) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private void splitSideways(ModelNode parent, int from, int boundary, int to, DataNode d, int left, int n) {
    BulkLoader.Edge appending = appendEdge(d);
    DataNode l = left > 0 ? buildLeaf(0, left, appending == BulkLoader.Edge.LEFT ? appending : BulkLoader.Edge.NONE)
        : nodes.empty((long) parent.keyAt(from), (long) parent.keyAt(boundary));
    DataNode r = left < n ? buildLeaf(left, n, appending == BulkLoader.Edge.RIGHT ? appending : BulkLoader.Edge.NONE)
        : nodes.empty((long) parent.keyAt(boundary), (long) parent.keyAt(to));
    List<DataNode> chain = List.of(l, r);
    linkChain(chain, d.prev, d.next);
    parent.setChildren(from, boundary, l);
    parent.setChildren(boundary, to, r);
    unlinkReplaced(d, l, r);
    sidewaysSplits++;
  }

  private void splitDownward(WritePath path, long key, int n) {
    DataNode d = path.leaf;
    BulkLoader.Edge edge = BulkLoader.Edge.NONE;
    if (d.next == null && n > 0 && key > scratchKeys[n - 1]) {
      edge = BulkLoader.Edge.RIGHT;
    } else if (d.prev == null && n > 0 && key < scratchKeys[0]) {
      edge = BulkLoader.Edge.LEFT;
    }
    List<DataNode> leaves = new ArrayList<>();
    Node subtree;
    if (edge == BulkLoader.Edge.NONE) {
      subtree = loader.build(scratchKeys, scratchPayloads, 0, n, true, edge, leaves);
    } else {
      // Appends: extend the domain by APPEND_GROWTH times the whole index's key span beyond the edge.
      double span = (double) scratchKeys[n - 1] - (double) scratchKeys[0];
      span = Math.max(span, edge == BulkLoader.Edge.RIGHT ? (double) scratchKeys[n - 1] - (double) firstKey()
          : (double) lastKey() - (double) scratchKeys[0]);
      double growth = Math.max(span, n) * APPEND_GROWTH;
      long lo = edge == BulkLoader.Edge.RIGHT ? scratchKeys[0] : saturate((double) scratchKeys[0] - growth);
      long hi = edge == BulkLoader.Edge.RIGHT ? saturate((double) scratchKeys[n - 1] + growth) : scratchKeys[n - 1];
      subtree = loader.buildForAppends(scratchKeys, scratchPayloads, 0, n, lo, hi, edge, leaves);
    }
    linkChain(leaves, d.prev, d.next);
    if (path.depth == 0) {
      root = subtree;
    } else {
      ModelNode parent = path.parents[path.depth - 1];
      parent.replaceChild(path.slots[path.depth - 1], d, subtree);
    }
    unlinkReplaced(d, leaves.get(0), leaves.get(leaves.size() - 1));
    downwardSplits++;
  }

  private static long saturate(double key) {
    return key >= 0x1p63 ? Long.MAX_VALUE : key <= -0x1p63 ? Long.MIN_VALUE : (long) key;
  }

  /** Smallest key in the index, or {@code Long.MAX_VALUE} if the leftmost leaf is empty. */
  private long firstKey() {
    Node node = root;
    while (node instanceof ModelNode m) {
      node = m.children[0];
    }
    return ((DataNode) node).minKey();
  }

  /** Largest key in the index, or {@code Long.MIN_VALUE} if the rightmost leaf is empty. */
  private long lastKey() {
    Node node = root;
    while (node instanceof ModelNode m) {
      node = m.children[m.children.length - 1];
    }
    return ((DataNode) node).maxKey();
  }

  /** Puts {@code replacement} where the model node at {@code level} of {@code path} is. */
  private void replaceModelNode(WritePath path, int level, ModelNode replacement) {
    ModelNode old = path.parents[level];
    if (level == 0) {
      root = replacement;
    } else {
      path.parents[level - 1].replaceChild(path.slots[level - 1], old, replacement);
    }
    path.parents[level] = replacement;
  }

  /** Links {@code chain} in order between {@code prev} and {@code next} (the outer links are set later). */
  private static void linkChain(List<DataNode> chain, DataNode prev, DataNode next) {
    for (int i = 0; i < chain.size(); i++) {
      DataNode node = chain.get(i);
      node.prev = i == 0 ? prev : chain.get(i - 1);
      node.next = i == chain.size() - 1 ? next : chain.get(i + 1);
    }
  }

  /** Points {@code d}'s neighbours at its replacements, then retires {@code d}. */
  private static void unlinkReplaced(DataNode d, DataNode first, DataNode last) {
    if (d.prev != null) {
      d.prev.next = first;
    }
    if (d.next != null) {
      d.next.prev = last;
    }
    d.retire();
  }

  private static void retireAll(Node node) {
    if (node instanceof DataNode d) {
      d.retire();
      return;
    }
    ModelNode m = (ModelNode) node;
    Node previous = null;
    for (Node child : m.children) {
      if (child != previous) {
        retireAll(child);
        previous = child;
      }
    }
  }
}
