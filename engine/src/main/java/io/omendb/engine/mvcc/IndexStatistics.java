package io.omendb.engine.mvcc;

import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.IndexDef;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.catalog.TableKeys;
import io.omendb.engine.codec.KeyCodec;
import io.omendb.engine.storage.KvCursor;
import io.omendb.engine.storage.KvStore;
import io.omendb.engine.storage.Space;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Distinct-value estimates of secondary-index keys (of each leading-column prefix), for the planner: sampled from the
 * index's entries when first asked for and again once the table's live row count has moved by more than a fifth.
 *
 * <p>Entries are stored in key order, so counting the distinct values of a prefix is counting where the prefix
 * changes between neighbouring entries. Up to {@link #SAMPLE_ENTRIES} entries are read from the start of the index;
 * when the index has more, the count is extrapolated linearly to the table's live rows (it assumes the density of
 * distinct values in the first part of the key space holds for the rest). Stale entries (of superseded row versions
 * not yet collected) are counted too, so the estimate errs high after heavy updates until garbage collection.
 */
public final class IndexStatistics {
  /** Entries read per sample: bounded so that a plan never waits for a long scan. */
  static final int SAMPLE_ENTRIES = 100_000;
  /** Relative change of the live row count after which a sample is taken again. */
  private static final double RESAMPLE_CHANGE = 0.2;

  /** What one sample found: distinct counts of each prefix length (index 0 = first column) at a row count. */
  private record Sample(long[] distinct, long entries, boolean complete, long liveRows) {}

  private final KvStore store;
  private final Map<Integer, Sample> samples = new ConcurrentHashMap<>();

  /** Statistics over the index entries of {@code store}. */
  public IndexStatistics(KvStore store) {
    this.store = java.util.Objects.requireNonNull(store, "store");
  }

  /**
   * The estimated number of distinct values of the first {@code prefixLength} columns of {@code index} among the
   * {@code liveRows} rows of {@code table}; at least 1 and at most {@code max(liveRows, 1)}.
   */
  public long distinctValues(TableDef table, IndexDef index, int prefixLength, long liveRows) {
    if (prefixLength < 1 || prefixLength > index.columns().length) {
      throw new IllegalArgumentException("prefix length " + prefixLength + " of index " + index.name());
    }
    Sample sample = samples.get(index.id());
    if (sample == null || Math.abs(liveRows - sample.liveRows()) > RESAMPLE_CHANGE * Math.max(sample.liveRows(), 1)) {
      sample = sample(table, index, liveRows);
      samples.put(index.id(), sample);
    }
    long distinct = sample.distinct()[prefixLength - 1];
    if (!sample.complete() && sample.entries() > 0) {
      distinct = (long) Math.ceil((double) distinct * liveRows / sample.entries());
    }
    return Math.max(1, Math.min(distinct, Math.max(liveRows, 1)));
  }

  /** Forgets the sample of a dropped index. */
  public void forget(int indexId) {
    samples.remove(indexId);
  }

  private Sample sample(TableDef table, IndexDef index, long liveRows) {
    List<ColumnType> types = IndexMaintenance.types(table, index);
    int columns = types.size();
    long[] distinct = new long[columns];
    byte[] previous = null;
    int[] previousEnds = new int[columns];
    int[] ends = new int[columns];
    long entries = 0;
    boolean complete = true;
    try (KvCursor cursor = store.scan(null, Space.INDEX, TableKeys.indexPrefix(index.id()),
        TableKeys.indexPrefix(index.id() + 1))) {
      while (cursor.next()) {
        if (entries == SAMPLE_ENTRIES) {
          complete = false;
          break;
        }
        byte[] entry = cursor.key();
        int offset = TableKeys.PREFIX_LENGTH;
        for (int c = 0; c < columns; c++) {
          offset = KeyCodec.skip(types.subList(c, c + 1), entry, offset);
          ends[c] = offset;
        }
        // a prefix is new when it differs from the previous entry's; then every longer prefix is new as well
        boolean changed = previous == null;
        for (int c = 0; c < columns; c++) {
          changed = changed || !Arrays.equals(entry, 0, ends[c], previous, 0, previousEnds[c]);
          if (changed) {
            distinct[c]++;
          }
        }
        previous = entry;
        System.arraycopy(ends, 0, previousEnds, 0, columns);
        entries++;
      }
    }
    return new Sample(distinct, entries, complete, liveRows);
  }
}
