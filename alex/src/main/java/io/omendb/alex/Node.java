package io.omendb.alex;

/**
 * A node of the ALEX tree: either a {@link ModelNode} that routes or a {@link DataNode} that stores.
 *
 * <p>The hierarchy is sealed with exactly two final subclasses so that the lookup path is a type test and a field
 * load per level, never a virtual call.
 */
abstract sealed class Node permits ModelNode, DataNode {
}
