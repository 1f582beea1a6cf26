/**
 * End-to-end COPY over the PostgreSQL protocol, through pgjdbc and psql, against OmenDB in-process or any server a
 * JDBC URL names ({@link io.omendb.benchmarks.copy.CopyWorkload}). Results: {@code docs/benchmarks/copy.md}.
 */
package io.omendb.benchmarks.copy;
