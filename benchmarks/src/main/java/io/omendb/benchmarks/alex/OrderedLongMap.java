package io.omendb.benchmarks.alex;

import io.omendb.alex.AlexCursor;
import io.omendb.alex.AlexIndex;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The operations the ALEX benchmarks measure, over each structure compared.
 *
 * <p>Each JMH fork uses one implementation, so calls through this interface stay monomorphic.
 */
public interface OrderedLongMap {

  /** Payload of {@code key}, or -1. */
  long get(long key);

  /** Inserts or replaces. */
  void put(long key, long payload);

  /** Sum of the payloads of up to {@code count} entries from the smallest key {@code >= from}. */
  long scan(long from, int count);

  /** Heap bytes computed from the structure's own arrays, or -1 where the structure cannot tell. */
  long structureBytes();

  /** The structures compared. */
  enum Kind {
    ALEX, BTREE, TREEMAP, SKIPLIST, ARRAY;

    /** Builds the structure from strictly increasing keys (bulk load where the structure has one). */
    OrderedLongMap build(long[] keys, long[] payloads) {
      return switch (this) {
        case ALEX -> new Alex(keys, payloads);
        case BTREE -> new BTree(keys, payloads);
        case TREEMAP -> new JdkMap(new TreeMap<>(), keys, payloads);
        case SKIPLIST -> new JdkMap(new ConcurrentSkipListMap<>(), keys, payloads);
        case ARRAY -> new SortedArray(keys, payloads);
      };
    }
  }

  /** {@link AlexIndex}. */
  final class Alex implements OrderedLongMap {
    final AlexIndex index = AlexIndex.create();
    private final AlexCursor cursor;

    Alex(long[] keys, long[] payloads) {
      index.bulkLoad(keys, payloads);
      cursor = index.cursor();
    }

    @Override
    public long get(long key) {
      return index.get(key, -1);
    }

    @Override
    public void put(long key, long payload) {
      index.put(key, payload);
    }

    @Override
    public long scan(long from, int count) {
      AlexCursor c = cursor.seek(from, Long.MAX_VALUE);
      long sum = 0;
      for (int i = 0; i < count && c.next(); i++) {
        sum += c.payload();
      }
      return sum;
    }

    @Override
    public long structureBytes() {
      return index.memoryBytes();
    }
  }

  /** {@link BPlusTree}. */
  final class BTree implements OrderedLongMap {
    private final BPlusTree tree;

    BTree(long[] keys, long[] payloads) {
      tree = BPlusTree.bulkLoad(keys, payloads);
    }

    @Override
    public long get(long key) {
      return tree.get(key, -1);
    }

    @Override
    public void put(long key, long payload) {
      tree.put(key, payload);
    }

    @Override
    public long scan(long from, int count) {
      return tree.scan(from, count);
    }

    @Override
    public long structureBytes() {
      return tree.memoryBytes();
    }
  }

  /** {@code TreeMap<Long, Long>} or {@code ConcurrentSkipListMap<Long, Long>}, filled in key order. */
  final class JdkMap implements OrderedLongMap {
    private final NavigableMap<Long, Long> map;

    JdkMap(NavigableMap<Long, Long> map, long[] keys, long[] payloads) {
      this.map = map;
      for (int i = 0; i < keys.length; i++) {
        map.put(keys[i], payloads[i]);
      }
    }

    @Override
    public long get(long key) {
      Long v = map.get(key);
      return v == null ? -1 : v;
    }

    @Override
    public void put(long key, long payload) {
      map.put(key, payload);
    }

    @Override
    public long scan(long from, int count) {
      long sum = 0;
      Iterator<Map.Entry<Long, Long>> it = map.tailMap(from, true).entrySet().iterator();
      for (int i = 0; i < count && it.hasNext(); i++) {
        sum += it.next().getValue();
      }
      return sum;
    }

    @Override
    public long structureBytes() {
      return -1;
    }
  }

  /** A sorted {@code long[]} searched with {@link Arrays#binarySearch}; read-only. */
  final class SortedArray implements OrderedLongMap {
    private final long[] keys;
    private final long[] payloads;

    SortedArray(long[] keys, long[] payloads) {
      this.keys = keys.clone();
      this.payloads = payloads.clone();
    }

    @Override
    public long get(long key) {
      int i = Arrays.binarySearch(keys, key);
      return i >= 0 ? payloads[i] : -1;
    }

    @Override
    public void put(long key, long payload) {
      throw new UnsupportedOperationException("the sorted array is a read-only yardstick");
    }

    @Override
    public long scan(long from, int count) {
      int i = Arrays.binarySearch(keys, from);
      i = i >= 0 ? i : -i - 1;
      long sum = 0;
      for (int end = Math.min(keys.length, i + count); i < end; i++) {
        sum += payloads[i];
      }
      return sum;
    }

    @Override
    public long structureBytes() {
      return 16L * keys.length + 32;
    }
  }
}
