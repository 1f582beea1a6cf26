/**
 * Benchmarks of the MVCC engine against plain RocksDB on the same data: point reads and full scans
 * ({@link io.omendb.benchmarks.mvcc.MvccReadBenchmark}, interleaved by
 * {@link io.omendb.benchmarks.mvcc.MvccReadRatio}), durable commit throughput with group commit
 * ({@link io.omendb.benchmarks.mvcc.CommitBenchmark}) and a serial-commit driver for counting WAL syncs under
 * strace ({@link io.omendb.benchmarks.mvcc.SerialCommits}). Results and interpretation:
 * {@code docs/benchmarks/mvcc.md}.
 */
package io.omendb.benchmarks.mvcc;
