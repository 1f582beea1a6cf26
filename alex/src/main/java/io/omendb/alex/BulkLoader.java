package io.omendb.alex;

import java.util.List;

/**
 * Builds an ALEX subtree from sorted keys, choosing each model node's fanout with the {@link CostModel}.
 *
 * <p>For {@code n} keys the loader compares one data node (if the keys fit) against model nodes of fanout
 * {@code 2^k}, starting from the smallest fanout whose average child fits in a data node and doubling while the cost
 * improves. A candidate's cost is the model node's traversal and size cost plus the key-weighted expected cost of its
 * children. Adjacent children with few keys share one data node through duplicated pointers; children that are too
 * large become model nodes recursively. Data nodes are collected in key order so the caller can link them.
 */
final class BulkLoader {

  /** Which side of a subtree expects out-of-range keys (appends), so its model leaves room there. */
  enum Edge { NONE, LEFT, RIGHT }

  /** Adjacent children with at most this many keys in total share a data node. */
  static final int MERGE_KEYS = 64;
  /** Fanouts tried above the smallest feasible one: {@code 2^MAX_FANOUT_DOUBLINGS} times it at most. */
  static final int MAX_FANOUT_DOUBLINGS = 10;
  /** Consecutive non-improving fanouts after which the search stops. */
  static final int PATIENCE = 2;
  /** Above this many keys, fanouts are costed on an evenly spaced sample of about this many keys. */
  static final int SAMPLE_KEYS = 1 << 19;

  private final AlexParams params;
  private final DataNodeBuilder nodes;

  BulkLoader(AlexParams params, DataNodeBuilder nodes) {
    this.params = params;
    this.nodes = nodes;
  }

  /**
   * Builds a subtree for {@code keys[from, to)}, appending its data nodes in key order to {@code leaves}.
   *
   * @param forceModel whether the root of the subtree must be a model node (a downward split)
   */
  Node build(long[] keys, long[] payloads, int from, int to, boolean forceModel, Edge edge, List<DataNode> leaves) {
    int n = to - from;
    if (n == 0 && !forceModel) {
      DataNode empty = nodes.empty(0, 0);
      leaves.add(empty);
      return empty;
    }
    int fanout = chooseFanout(keys, from, to, forceModel, edge);
    if (fanout == 0) {
      DataNode leaf = nodes.build(keys, payloads, from, to);
      leaves.add(leaf);
      return leaf;
    }
    return buildModel(keys, payloads, from, to, fanout, edge, leaves);
  }

  /**
   * The fanout of the cheapest model node for the keys, or 0 if one data node is cheaper. Large key sets are costed
   * on an evenly spaced sample, with the node size limits scaled down by the sampling step.
   */
  int chooseFanout(long[] keys, int from, int to, boolean forceModel, Edge edge) {
    int n = to - from;
    int maxKeys = params.maxKeysPerDataNode();
    double best = Double.MAX_VALUE;
    int bestFanout = 0;
    if (!forceModel && n <= maxKeys) {
      best = nodes.expectedCost(keys, from, to);
      if (best <= CostModel.TRAVERSAL_WEIGHT || n < 2 * MERGE_KEYS) {
        return 0;
      }
    }
    long[] costed = keys;
    int costedFrom = from;
    int costedTo = to;
    int step = 1;
    if (n > 2 * SAMPLE_KEYS) {
      step = n / SAMPLE_KEYS;
      costed = new long[(n + step - 1) / step];
      for (int i = 0; i < costed.length; i++) {
        costed[i] = keys[from + i * step];
      }
      costedFrom = 0;
      costedTo = costed.length;
    }
    long needed = Math.max(2, (n + (long) maxKeys - 1) / maxKeys);
    int lowest = (int) Math.min(params.maxModelFanout(), Long.highestOneBit(needed - 1) << 1);
    lowest = Math.max(2, lowest);
    int worse = 0;
    for (int f = lowest; f <= params.maxModelFanout() && f <= (long) lowest << MAX_FANOUT_DOUBLINGS; f <<= 1) {
      double cost = modelCost(costed, costedFrom, costedTo, f, edge, Math.max(1, maxKeys / step),
          Math.max(1, MERGE_KEYS / step));
      if (cost < best) {
        best = cost;
        bestFanout = f;
        worse = 0;
      } else if (++worse >= PATIENCE) {
        break;
      }
      if (f >= n) {
        break;
      }
    }
    return bestFanout == 0 && forceModel ? lowest : bestFanout;
  }

  private double modelCost(long[] keys, int from, int to, int fanout, Edge edge, int maxKeys, int mergeKeys) {
    ModelNode shape = routingModel(keys, from, to, fanout, edge);
    int[] bounds = partition(keys, from, to, shape);
    double total = 0;
    int start = 0;
    while (start < fanout) {
      int end = groupEnd(bounds, start, mergeKeys);
      int ks = bounds[start];
      int ke = bounds[end];
      int count = ke - ks;
      if (count > 0) {
        double c = count <= maxKeys ? nodes.expectedCost(keys, ks, ke)
            : CostModel.TRAVERSAL_WEIGHT + oversizedCost(keys, ks, ke);
        total += c * count;
      }
      start = end;
    }
    return CostModel.modelNodeCost(fanout) + total / (to - from);
  }

  private double oversizedCost(long[] keys, int from, int to) {
    int cap = (int) Math.min(Integer.MAX_VALUE - 8, (long) Math.ceil((to - from) / params.initDensity()));
    return nodes.expectedCost(keys, from, to, cap, DataNodeBuilder.fit(keys, from, to, cap));
  }

  /**
   * Builds a model node whose domain {@code [domainLo, domainHi]} extends well beyond {@code keys[from, to)}, for a
   * node that receives appends at one edge: the keys take the first (or last) children and the rest of the domain
   * waits, empty, for future keys. The fanout gives the keys about half-full data nodes and the empty part
   * proportionally many slots.
   */
  Node buildForAppends(long[] keys, long[] payloads, int from, int to, long domainLo, long domainHi, Edge edge,
      List<DataNode> leaves) {
    int n = to - from;
    double keySpan = Math.max(1.0, (double) keys[to - 1] - (double) keys[from]);
    double domainSpan = Math.max(keySpan, (double) domainHi - (double) domainLo);
    double wanted = Math.ceil(2.0 * n / params.maxKeysPerDataNode()) * domainSpan / keySpan;
    int fanout = (int) Math.min(params.maxModelFanout(), Math.max(2, Long.highestOneBit((long) wanted - 1) << 1));
    ModelNode shape = new ModelNode((double) domainLo, fanout / domainSpan, 0, new Node[fanout]);
    return populate(shape, keys, payloads, from, to, edge, leaves);
  }

  private Node buildModel(long[] keys, long[] payloads, int from, int to, int fanout, Edge edge,
      List<DataNode> leaves) {
    return populate(routingModel(keys, from, to, fanout, edge), keys, payloads, from, to, edge, leaves);
  }

  /** Sets the children of {@code shape} to nodes built over the keys it routes to each. */
  private Node populate(ModelNode shape, long[] keys, long[] payloads, int from, int to, Edge edge,
      List<DataNode> leaves) {
    int fanout = shape.children.length;
    int[] bounds = partition(keys, from, to, shape);
    Node[] children = shape.children;
    int start = 0;
    while (start < fanout) {
      int end = groupEnd(bounds, start, MERGE_KEYS);
      int ks = bounds[start];
      int ke = bounds[end];
      Node child;
      if (ke - ks == 0) {
        DataNode empty = nodes.empty((long) shape.keyAt(start), (long) shape.keyAt(end));
        leaves.add(empty);
        child = empty;
      } else if (ke - ks <= params.maxKeysPerDataNode()) {
        boolean appendsHere = (edge == Edge.RIGHT && ke == to) || (edge == Edge.LEFT && ks == from);
        DataNode leaf = appendsHere ? nodes.buildForAppends(keys, payloads, ks, ke, edge == Edge.LEFT)
            : nodes.build(keys, payloads, ks, ke);
        leaves.add(leaf);
        child = leaf;
      } else {
        Edge childEdge = (edge == Edge.RIGHT && end == fanout) || (edge == Edge.LEFT && start == 0) ? edge : Edge.NONE;
        child = build(keys, payloads, ks, ke, true, childEdge, leaves);
      }
      for (int i = start; i < end; i++) {
        children[i] = child;
      }
      start = end;
    }
    return shape;
  }

  /**
   * A model node (children not yet set) routing {@code keys[from, to)} over {@code fanout} children by least squares,
   * or by the key span if least squares would put every key into one child.
   */
  private static ModelNode routingModel(long[] keys, int from, int to, int fanout, Edge edge) {
    int n = to - from;
    double scale = (double) fanout / Math.max(1, n);
    double shift = 0;
    if (edge != Edge.NONE) {
      scale /= 2;
      shift = edge == Edge.LEFT ? fanout / 2.0 : 0;
    }
    LinearModel ls = LinearModel.fit(keys, from, to, scale);
    ModelNode node = new ModelNode((double) ls.base(), ls.slope(), ls.intercept() + shift, new Node[fanout]);
    if (n >= 2 && node.route(keys[from]) == node.route(keys[to - 1])) {
      double span = (double) keys[to - 1] - (double) keys[from];
      double width = edge == Edge.NONE ? fanout : fanout / 2.0;
      node = new ModelNode((double) keys[from], width / span, shift, new Node[fanout]);
    }
    return node;
  }

  /** {@code bounds[i]} is the first key index routed to child {@code i} or later; {@code bounds[fanout] == to}. */
  private static int[] partition(long[] keys, int from, int to, ModelNode node) {
    int fanout = node.children.length;
    int[] bounds = new int[fanout + 1];
    double base = node.base;
    double slope = node.slope;
    double intercept = node.intercept;
    int child = 0;
    for (int i = from; i < to; i++) {
      int r = ModelNode.route(keys[i], base, slope, intercept, fanout);
      while (child < r) {
        bounds[++child] = i;
      }
    }
    while (child < fanout) {
      bounds[++child] = to;
    }
    bounds[0] = from;
    return bounds;
  }

  /**
   * One past the last child of the group starting at {@code start}: small neighbours share a data node. Empty
   * children next to a large one form their own (empty) node, which keeps room for out-of-range inserts (appends)
   * out of the large one.
   */
  private static int groupEnd(int[] bounds, int start, int mergeKeys) {
    int fanout = bounds.length - 1;
    int total = bounds[start + 1] - bounds[start];
    int end = start + 1;
    while (end < fanout) {
      int count = bounds[end + 1] - bounds[end];
      if (total + count <= mergeKeys || (total == 0 && count == 0)) {
        total += count;
        end++;
      } else {
        break;
      }
    }
    return end;
  }
}
