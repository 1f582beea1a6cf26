/**
 * Benchmarks of the query plans the Calcite rules choose, through the embedded JDBC driver: primary-key point
 * selects on the ALEX path and on the RocksDB-seek path (ALEX directories off), absent keys, 100-row ranges,
 * secondary-index equality and the full scan they avoid ({@link io.omendb.benchmarks.planning.PlanningBenchmark},
 * interleaved by {@link io.omendb.benchmarks.planning.PlanningRatio}). Results and interpretation:
 * {@code docs/benchmarks/planning.md}.
 */
package io.omendb.benchmarks.planning;
