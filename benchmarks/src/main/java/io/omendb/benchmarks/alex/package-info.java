/**
 * JMH benchmarks of the ALEX learned index against {@code TreeMap}, {@code ConcurrentSkipListMap}, a sorted
 * {@code long[]} and a primitive B+tree; see {@link io.omendb.benchmarks.alex.AlexBenchmark}.
 */
package io.omendb.benchmarks.alex;
