package io.omendb.engine.mvcc;

import java.util.Arrays;

/**
 * The on-disk shape of row versions. The newest version of a row lives in the data space under the row key, its
 * value {@code commit ts (8 bytes) ‖ kind (1 byte) ‖ row}; older versions live in the history space under
 * {@code row key ‖ (Long.MAX_VALUE - commit ts)} (so a row's versions sort newest first), value {@code kind ‖ row}.
 * A delete is a version of kind {@link #TOMBSTONE}.
 */
final class Versions {
  static final byte ROW = 0;
  static final byte TOMBSTONE = 1;
  private static final int TS_BYTES = Long.BYTES;

  private Versions() {}

  /** A decoded version: its commit timestamp and row bytes, or null row bytes for a tombstone. */
  record Version(long commitTs, byte[] row) {
    boolean isTombstone() {
      return row == null;
    }
  }

  static byte[] dataValue(long commitTs, byte[] row) {
    byte[] value = new byte[TS_BYTES + 1 + (row == null ? 0 : row.length)];
    putLong(value, 0, commitTs);
    value[TS_BYTES] = row == null ? TOMBSTONE : ROW;
    if (row != null) {
      System.arraycopy(row, 0, value, TS_BYTES + 1, row.length);
    }
    return value;
  }

  static Version decodeData(byte[] value) {
    long ts = getLong(value, 0);
    return new Version(ts, value[TS_BYTES] == TOMBSTONE ? null : Arrays.copyOfRange(value, TS_BYTES + 1, value.length));
  }

  static long dataTimestamp(byte[] value) {
    return getLong(value, 0);
  }

  static boolean isTombstone(byte[] dataValue) {
    return dataValue[TS_BYTES] == TOMBSTONE;
  }

  /** The history value for a data value being superseded: its kind and row, the timestamp moving into the key. */
  static byte[] historyValueOf(byte[] dataValue) {
    return Arrays.copyOfRange(dataValue, TS_BYTES, dataValue.length);
  }

  static byte[] historyKey(byte[] rowKey, long commitTs) {
    byte[] key = Arrays.copyOf(rowKey, rowKey.length + TS_BYTES);
    putLong(key, rowKey.length, Long.MAX_VALUE - commitTs);
    return key;
  }

  /** The first history key of {@code rowKey} visible at {@code snapshotTs} (versions with ts at most it). */
  static byte[] historySeekKey(byte[] rowKey, long snapshotTs) {
    return historyKey(rowKey, snapshotTs);
  }

  /** The end (exclusive) of every history key of {@code rowKey}. */
  static byte[] historyEnd(byte[] rowKey) {
    byte[] key = Arrays.copyOf(rowKey, rowKey.length + TS_BYTES);
    Arrays.fill(key, rowKey.length, key.length, (byte) 0xFF);
    return key;
  }

  static byte[] rowKeyOfHistory(byte[] historyKey) {
    return Arrays.copyOf(historyKey, historyKey.length - TS_BYTES);
  }

  static long timestampOfHistory(byte[] historyKey) {
    return Long.MAX_VALUE - getLong(historyKey, historyKey.length - TS_BYTES);
  }

  static Version decodeHistory(byte[] historyKey, byte[] value) {
    long ts = timestampOfHistory(historyKey);
    return new Version(ts, value[0] == TOMBSTONE ? null : Arrays.copyOfRange(value, 1, value.length));
  }

  static void putLong(byte[] bytes, int offset, long v) {
    for (int i = 7; i >= 0; i--) {
      bytes[offset + i] = (byte) v;
      v >>>= 8;
    }
  }

  static long getLong(byte[] bytes, int offset) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (bytes[offset + i] & 0xFF);
    }
    return v;
  }
}
