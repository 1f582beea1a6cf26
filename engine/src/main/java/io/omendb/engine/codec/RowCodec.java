package io.omendb.engine.codec;

import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.RowLayout;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Compact row encoding: a format byte, the column count (varint), a null bitmap, then each non-null value.
 * Integers are zig-zag varints, floating point fixed width, text and bytes length-prefixed, decimals as scale plus
 * unscaled two's complement bytes, UUIDs as their 16 bytes. A row stored with fewer columns than the table now has
 * (a column added later) decodes with NULL for the missing ones. The {@link RowLayout} overloads store each column
 * in its slot, so that columns can be added and dropped without rewriting rows.
 */
public final class RowCodec {
  private static final byte FORMAT_V1 = 1;

  private RowCodec() {}

  /** Encodes a row of the table's columns into its layout's slots (dropped slots NULL). */
  public static byte[] encode(RowLayout layout, Object[] row) {
    if (layout.isIdentity()) {
      return encode(layout.slotTypes(), row);
    }
    if (row.length != layout.columnCount()) {
      throw new IllegalArgumentException("expected " + layout.columnCount() + " values, got " + row.length);
    }
    Object[] stored = new Object[layout.slotTypes().size()];
    for (int i = 0; i < row.length; i++) {
      stored[layout.slotOf(i)] = row[i];
    }
    return encode(layout.slotTypes(), stored);
  }

  /** Decodes a stored row into the table's columns: each from its slot, NULL for a slot the row predates. */
  public static Object[] decode(RowLayout layout, byte[] bytes) {
    return decode(layout, bytes, null);
  }

  /**
   * As {@link #decode(RowLayout, byte[])}, materialising only the columns marked in {@code needed} (indexed by
   * column, null: all); the others are left null.
   */
  public static Object[] decode(RowLayout layout, byte[] bytes, boolean[] needed) {
    if (layout.isIdentity()) {
      return decode(layout.slotTypes(), bytes, needed);
    }
    boolean[] neededSlots = null;
    if (needed != null) {
      neededSlots = new boolean[layout.slotTypes().size()];
      for (int i = 0; i < needed.length; i++) {
        if (needed[i]) {
          neededSlots[layout.slotOf(i)] = true;
        }
      }
    }
    Object[] stored = decode(layout.slotTypes(), bytes, neededSlots);
    Object[] row = new Object[layout.columnCount()];
    for (int i = 0; i < row.length; i++) {
      row[i] = stored[layout.slotOf(i)];
    }
    return row;
  }

  public static byte[] encode(List<ColumnType> types, Object[] row) {
    if (types.size() != row.length) {
      throw new IllegalArgumentException("expected " + types.size() + " values, got " + row.length);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(32);
    out.write(FORMAT_V1);
    writeVarLong(out, row.length);
    byte[] nulls = new byte[(row.length + 7) / 8];
    for (int i = 0; i < row.length; i++) {
      if (row[i] == null) {
        nulls[i >>> 3] |= (byte) (1 << (i & 7));
      }
    }
    out.writeBytes(nulls);
    for (int i = 0; i < row.length; i++) {
      if (row[i] != null) {
        writeValue(out, types.get(i), row[i]);
      }
    }
    return out.toByteArray();
  }

  public static Object[] decode(List<ColumnType> types, byte[] bytes) {
    return decode(types, bytes, null);
  }

  /**
   * Decodes only the columns marked in {@code needed} (null: all); the others are left null. Skipped values are
   * stepped over without being materialised (no strings or arrays built), and decoding stops after the last needed
   * column.
   */
  public static Object[] decode(List<ColumnType> types, byte[] bytes, boolean[] needed) {
    int[] pos = {0};
    if (bytes[pos[0]++] != FORMAT_V1) {
      throw new IllegalArgumentException("unknown row format " + bytes[0]);
    }
    int stored = (int) readVarLong(bytes, pos);
    byte[] nulls = new byte[(stored + 7) / 8];
    System.arraycopy(bytes, pos[0], nulls, 0, nulls.length);
    pos[0] += nulls.length;
    Object[] row = new Object[types.size()];
    int end = Math.min(stored, row.length);
    if (needed != null) {
      end = Math.min(end, lastNeeded(needed) + 1);
    }
    for (int i = 0; i < end; i++) {
      if ((nulls[i >>> 3] & (1 << (i & 7))) != 0) {
        continue;
      }
      if (needed == null || needed[i]) {
        row[i] = readValue(bytes, pos, types.get(i));
      } else {
        skipValue(bytes, pos, types.get(i));
      }
    }
    return row;
  }

  /** A mask of {@code width} columns with exactly {@code columns} set; null columns means all (returns null). */
  public static boolean[] mask(int width, int[] columns) {
    if (columns == null) {
      return null;
    }
    boolean[] needed = new boolean[width];
    for (int column : columns) {
      needed[column] = true;
    }
    return needed;
  }

  private static int lastNeeded(boolean[] needed) {
    for (int i = needed.length - 1; i >= 0; i--) {
      if (needed[i]) {
        return i;
      }
    }
    return -1;
  }

  private static void skipValue(byte[] bytes, int[] pos, ColumnType type) {
    switch (type) {
      case BOOLEAN -> pos[0]++;
      case SMALLINT, INTEGER, BIGINT, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH -> skipVarLong(bytes, pos);
      case REAL -> pos[0] += Integer.BYTES;
      case DOUBLE -> pos[0] += Long.BYTES;
      case VARCHAR, CHAR, VARBINARY -> skipBytes(bytes, pos);
      case DECIMAL -> {
        skipVarLong(bytes, pos);
        skipBytes(bytes, pos);
      }
      case UUID -> pos[0] += 2 * Long.BYTES;
      case JSON, JSONB -> skipBytes(bytes, pos);
      default -> throw new IllegalStateException("no way to skip a stored " + type);
    }
  }

  private static void skipBytes(byte[] bytes, int[] pos) {
    int length = (int) readVarLong(bytes, pos);
    pos[0] += length;
  }

  private static void skipVarLong(byte[] bytes, int[] pos) {
    while (bytes[pos[0]++] < 0) {
      // continuation bit set: the varint goes on
    }
  }

  private static void writeValue(ByteArrayOutputStream out, ColumnType type, Object value) {
    switch (type) {
      case BOOLEAN -> out.write((Boolean) value ? 1 : 0);
      case SMALLINT, INTEGER, BIGINT, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH -> writeVarLong(out, zigZag(((Number) value).longValue()));
      case REAL -> writeFixed(out, Float.floatToRawIntBits(((Number) value).floatValue()), Integer.BYTES);
      case DOUBLE -> writeFixed(out, Double.doubleToRawLongBits(((Number) value).doubleValue()), Long.BYTES);
      case VARCHAR, CHAR -> writeBytes(out, ((String) value).getBytes(StandardCharsets.UTF_8));
      case VARBINARY -> writeBytes(out, (byte[]) value);
      case UUID -> {
        java.util.UUID uuid = (java.util.UUID) value;
        writeFixed(out, uuid.getMostSignificantBits(), Long.BYTES);
        writeFixed(out, uuid.getLeastSignificantBits(), Long.BYTES);
      }
      case JSON, JSONB -> writeBytes(out, ((String) value).getBytes(StandardCharsets.UTF_8));
      case DECIMAL -> {
        BigDecimal decimal = (BigDecimal) value;
        writeVarLong(out, zigZag(decimal.scale()));
        writeBytes(out, decimal.unscaledValue().toByteArray());
      }
    }
  }

  private static Object readValue(byte[] bytes, int[] pos, ColumnType type) {
    return switch (type) {
      case BOOLEAN -> bytes[pos[0]++] != 0;
      case SMALLINT -> (short) unZigZag(readVarLong(bytes, pos));
      case INTEGER, DATE, TIME, INTERVAL_YEAR_MONTH -> (int) unZigZag(readVarLong(bytes, pos));
      case BIGINT, TIMESTAMP, TIMESTAMPTZ, INTERVAL_DAY_TIME -> unZigZag(readVarLong(bytes, pos));
      case REAL -> Float.intBitsToFloat((int) readFixed(bytes, pos, Integer.BYTES));
      case DOUBLE -> Double.longBitsToDouble(readFixed(bytes, pos, Long.BYTES));
      case VARCHAR, CHAR -> new String(readBytes(bytes, pos), StandardCharsets.UTF_8);
      case VARBINARY -> readBytes(bytes, pos);
      case UUID -> new java.util.UUID(readFixed(bytes, pos, Long.BYTES), readFixed(bytes, pos, Long.BYTES));
      case JSON, JSONB -> new String(readBytes(bytes, pos), StandardCharsets.UTF_8);
      case DECIMAL -> {
        int scale = (int) unZigZag(readVarLong(bytes, pos));
        yield new BigDecimal(new BigInteger(readBytes(bytes, pos)), scale);
      }
    };
  }

  private static long zigZag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  private static long unZigZag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }

  static void writeVarLong(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  static long readVarLong(byte[] bytes, int[] pos) {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = bytes[pos[0]++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
    }
    throw new IllegalArgumentException("corrupt row: varint too long");
  }

  private static void writeFixed(ByteArrayOutputStream out, long v, int bytes) {
    for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
      out.write((int) (v >>> shift));
    }
  }

  private static long readFixed(byte[] bytes, int[] pos, int n) {
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | (bytes[pos[0]++] & 0xFF);
    }
    return v;
  }

  private static void writeBytes(ByteArrayOutputStream out, byte[] value) {
    writeVarLong(out, value.length);
    out.writeBytes(value);
  }

  private static byte[] readBytes(byte[] bytes, int[] pos) {
    int length = (int) readVarLong(bytes, pos);
    byte[] value = new byte[length];
    System.arraycopy(bytes, pos[0], value, 0, length);
    pos[0] += length;
    return value;
  }
}
