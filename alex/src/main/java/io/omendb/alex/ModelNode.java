package io.omendb.alex;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An inner node of the ALEX tree: a linear model that maps a key straight to one of its children.
 *
 * <p>A child covering several model outputs appears in several consecutive slots ("duplicated pointers", as in the
 * paper), so splitting it sideways only rewrites pointers. The model is immutable; only child slots change, published
 * with release stores and read with acquire loads. Routing is monotone in the key, so children partition the key
 * space in order.
 */
final class ModelNode extends Node {

  private static final VarHandle CHILDREN = MethodHandles.arrayElementVarHandle(Node[].class);

  final double base;
  final double slope;
  final double intercept;
  final Node[] children;

  ModelNode(double base, double slope, double intercept, Node[] children) {
    this.base = base;
    this.slope = slope;
    this.intercept = intercept;
    this.children = children;
  }

  /** A model node over {@code fanout} children, routing with {@code model}. */
  static ModelNode create(LinearModel model, Node[] children) {
    return new ModelNode((double) model.base(), model.slope(), model.intercept(), children);
  }

  /** The child slot for {@code key}. */
  static int route(long key, double base, double slope, double intercept, int fanout) {
    int p = (int) (slope * ((double) key - base) + intercept);
    return p < 0 ? 0 : (p >= fanout ? fanout - 1 : p);
  }

  int route(long key) {
    return route(key, base, slope, intercept, children.length);
  }

  /** The child for {@code key}. */
  Node child(long key) {
    Node[] c = children;
    return (Node) CHILDREN.getAcquire(c, route(key, base, slope, intercept, c.length));
  }

  Node childAt(int i) {
    return (Node) CHILDREN.getAcquire(children, i);
  }

  /** Publishes {@code child} in slots {@code [from, to)}. */
  void setChildren(int from, int to, Node child) {
    for (int i = from; i < to; i++) {
      CHILDREN.setRelease(children, i, child);
    }
  }

  /** Replaces every slot holding {@code old} with {@code replacement}, scanning around slot {@code hint}. */
  void replaceChild(int hint, Node old, Node replacement) {
    int from = runStart(hint, old);
    int to = runEnd(hint, old);
    setChildren(from, to, replacement);
  }

  /** First slot of the run of slots holding {@code child} that contains {@code i}. */
  int runStart(int i, Node child) {
    while (i > 0 && children[i - 1] == child) {
      i--;
    }
    return i;
  }

  /** One past the last slot of the run of slots holding {@code child} that contains {@code i}. */
  int runEnd(int i, Node child) {
    while (i < children.length && children[i] == child) {
      i++;
    }
    return i;
  }

  /** This node with twice the fanout: every child appears twice as often and routes the same keys. */
  ModelNode doubled() {
    Node[] c = new Node[children.length * 2];
    for (int i = 0; i < children.length; i++) {
      c[2 * i] = children[i];
      c[2 * i + 1] = children[i];
    }
    return new ModelNode(base, slope * 2, intercept * 2, c);
  }

  /** The smallest key routed to slot {@code i} or later, approximately (for models of new empty children). */
  double keyAt(double i) {
    return slope == 0 ? base : (i - intercept) / slope + base;
  }

  long memoryBytes() {
    return MemoryLayout.referenceArray(children.length) + MemoryLayout.MODEL_NODE;
  }
}
