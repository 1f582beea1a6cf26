package io.omendb.alex;

/**
 * A snapshot of an {@link AlexIndex}'s shape and of the structural changes it has made since it was created.
 *
 * @param size number of keys
 * @param modelNodes number of model (inner) nodes
 * @param dataNodes number of data (leaf) nodes
 * @param maxDepth depth of the deepest data node (a lone root data node has depth 0)
 * @param averageDepth key-weighted average depth of data nodes
 * @param dataSlots total capacity of all data nodes, in slots
 * @param memoryBytes estimated heap footprint (see {@link AlexIndex#memoryBytes()})
 * @param expansions data node expansions that kept (scaled) the model
 * @param retrains data node rebuilds that refitted the model (expansions or contractions with retraining)
 * @param sidewaysSplits data node splits into two siblings under the same parent
 * @param downwardSplits data node splits that replaced the node by a new model node
 * @param modelExpansions model node fanout doublings
 * @param contractions data node shrinks after deletes
 */
public record AlexStats(
    long size,
    int modelNodes,
    int dataNodes,
    int maxDepth,
    double averageDepth,
    long dataSlots,
    long memoryBytes,
    long expansions,
    long retrains,
    long sidewaysSplits,
    long downwardSplits,
    long modelExpansions,
    long contractions) {
}
