package io.omendb.engine.mvcc;

import io.omendb.alex.AlexCursor;
import io.omendb.alex.AlexIndex;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.catalog.TableKeys;
import io.omendb.engine.codec.KeyCodec;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The ALEX primary-key directory of one table whose primary key is a single integer-like column: key (as a
 * {@code long}, the engine's own value, so order is kept) → commit timestamp of the row's newest version, negated for
 * a tombstone. Written only under the commit lock (commits, and garbage collection of tombstones); read lock-free.
 *
 * <p>A NULL key cannot be represented; lookups of it answer {@link #UNKNOWN} and callers read the store.
 */
final class PrimaryKeyDirectory {
  /** The payload of a key not in the directory: no version of the row exists (commit timestamps are positive). */
  static final long ABSENT = 0;
  /** The answer for a key the directory cannot represent (NULL): read the store. */
  static final long UNKNOWN = Long.MIN_VALUE;

  private static final Set<ColumnType> INTEGER_LIKE = EnumSet.of(ColumnType.SMALLINT, ColumnType.INTEGER,
      ColumnType.BIGINT, ColumnType.DATE, ColumnType.TIME, ColumnType.TIMESTAMP,
      ColumnType.TIMESTAMPTZ, ColumnType.INTERVAL_DAY_TIME, ColumnType.INTERVAL_YEAR_MONTH);

  private final AlexIndex index = AlexIndex.create();
  private final ColumnType keyType;

  PrimaryKeyDirectory(ColumnType keyType) {
    this.keyType = keyType;
  }

  /** Whether {@code table} gets a directory: a declared primary key of one integer-like column. */
  static boolean supports(TableDef table) {
    int[] pk = table.primaryKey();
    return pk.length == 1 && INTEGER_LIKE.contains(table.columns().get(pk[0]).type());
  }

  static PrimaryKeyDirectory of(TableDef table) {
    return new PrimaryKeyDirectory(table.columns().get(table.primaryKey()[0]).type());
  }

  static long payload(long commitTs, boolean tombstone) {
    return tombstone ? -commitTs : commitTs;
  }

  static boolean isTombstone(long payload) {
    return payload < 0;
  }

  static long timestamp(long payload) {
    return Math.abs(payload);
  }

  /** Whether the row key's primary key is NULL (not representable). */
  static boolean isNullKey(byte[] rowKey) {
    return KeyCodec.isNull(rowKey, TableKeys.PREFIX_LENGTH);
  }

  long key(byte[] rowKey) {
    return KeyCodec.decodeLong(keyType, rowKey, TableKeys.PREFIX_LENGTH);
  }

  /** The payload for {@code rowKey}: a signed commit timestamp, {@link #ABSENT} or {@link #UNKNOWN}. */
  long lookup(byte[] rowKey) {
    if (isNullKey(rowKey)) {
      return UNKNOWN;
    }
    return index.get(key(rowKey), ABSENT);
  }

  /** Records the newest version of {@code rowKey}; under the commit lock. */
  void record(byte[] rowKey, long commitTs, boolean tombstone) {
    if (!isNullKey(rowKey)) {
      index.put(key(rowKey), payload(commitTs, tombstone));
    }
  }

  /** Forgets {@code rowKey} (its tombstone was collected); under the commit lock. */
  void forget(byte[] rowKey) {
    if (!isNullKey(rowKey)) {
      index.remove(key(rowKey));
    }
  }

  void bulkLoad(long[] keys, long[] payloads) {
    index.bulkLoad(keys, payloads);
  }

  /** The smallest key of a live (not deleted) row, if any. */
  OptionalLong minLiveKey() {
    AlexCursor cursor = index.lowerBound(Long.MIN_VALUE);
    while (cursor.next()) {
      if (!isTombstone(cursor.payload())) {
        return OptionalLong.of(cursor.key());
      }
    }
    return OptionalLong.empty();
  }

  /** The largest key of a live (not deleted) row, if any. */
  OptionalLong maxLiveKey() {
    AlexCursor cursor = index.upperBound(Long.MAX_VALUE);
    while (cursor.next()) {
      if (!isTombstone(cursor.payload())) {
        return OptionalLong.of(cursor.key());
      }
    }
    return OptionalLong.empty();
  }

  long size() {
    return index.size();
  }

  long memoryBytes() {
    return index.memoryBytes();
  }
}
