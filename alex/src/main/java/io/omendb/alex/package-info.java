/**
 * ALEX, the updatable adaptive learned index of Ding et al. (SIGMOD 2020), over primitive {@code long} keys and
 * payloads.
 *
 * <p>The public surface is {@link io.omendb.alex.AlexIndex} (with {@link io.omendb.alex.AlexParams},
 * {@link io.omendb.alex.AlexStats} and {@link io.omendb.alex.AlexCursor}) and {@link io.omendb.alex.KeyMapping}, which
 * maps the engine's other key types to order-preserving {@code long}s. Everything else is package-private machinery:
 * model nodes route with a linear model to children, data nodes are gapped arrays placed by their own linear model,
 * and a cost model decides fanouts at bulk load and expansion versus split at insert time. The package depends on
 * {@code java.*} only.
 */
package io.omendb.alex;
