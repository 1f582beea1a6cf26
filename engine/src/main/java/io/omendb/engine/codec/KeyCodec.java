package io.omendb.engine.codec;

import io.omendb.engine.catalog.ColumnType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Order-preserving encoding of key values: comparing two encoded keys as unsigned bytes orders them as the values
 * compare in SQL, column by column, with NULL after every value (PostgreSQL's default NULLS LAST).
 *
 * <p>Each value starts with a marker byte ({@link #VALUE} or {@link #NULL}). Integers follow as fixed-width
 * big-endian two's complement with the sign bit flipped; floating point as IEEE bits transformed so that negative
 * numbers sort first; text and bytes with every 0x00 escaped as 0x00 0xFF and terminated by 0x00 0x01, so a prefix
 * sorts before its extensions. A UUID is its 16 bytes, most significant first, which orders uuids as PostgreSQL
 * does (byte by byte, unsigned).
 */
public final class KeyCodec {
  static final byte VALUE = 0x01;
  static final byte NULL = 0x02;
  private static final byte ESCAPE = (byte) 0xFF;
  private static final byte TERMINATOR = 0x01;

  private KeyCodec() {}

  /** Appends the encodings of {@code values} (typed by {@code types}) to {@code out}. */
  public static void encode(List<ColumnType> types, Object[] values, ByteArrayOutputStream out) {
    if (types.size() != values.length) {
      throw new IllegalArgumentException("expected " + types.size() + " key values, got " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      encodeValue(types.get(i), values[i], out);
    }
  }

  /** Encodes {@code values} into a fresh array. */
  public static byte[] encode(List<ColumnType> types, Object[] values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16);
    encode(types, values, out);
    return out.toByteArray();
  }

  static void encodeValue(ColumnType type, Object value, ByteArrayOutputStream out) {
    if (value == null) {
      out.write(NULL);
      return;
    }
    out.write(VALUE);
    switch (type) {
      case BOOLEAN -> out.write((Boolean) value ? 1 : 0);
      case SMALLINT -> writeBigEndian(out, ((Number) value).shortValue() ^ Short.MIN_VALUE, Short.BYTES);
      case INTEGER, DATE, TIME, INTERVAL_YEAR_MONTH -> writeBigEndian(out, ((Number) value).intValue() ^ Integer.MIN_VALUE, Integer.BYTES);
      case BIGINT, TIMESTAMP, TIMESTAMPTZ, INTERVAL_DAY_TIME -> writeBigEndian(out, ((Number) value).longValue() ^ Long.MIN_VALUE, Long.BYTES);
      case REAL -> {
        int bits = Float.floatToIntBits(((Number) value).floatValue());
        writeBigEndian(out, bits < 0 ? ~bits : bits ^ Integer.MIN_VALUE, Integer.BYTES);
      }
      case DOUBLE -> {
        long bits = Double.doubleToLongBits(((Number) value).doubleValue());
        writeBigEndian(out, bits < 0 ? ~bits : bits ^ Long.MIN_VALUE, Long.BYTES);
      }
      case VARCHAR, CHAR -> writeEscaped(out, ((String) value).getBytes(StandardCharsets.UTF_8));
      case VARBINARY -> writeEscaped(out, (byte[]) value);
      case UUID -> {
        java.util.UUID uuid = (java.util.UUID) value;
        writeBigEndian(out, uuid.getMostSignificantBits(), Long.BYTES);
        writeBigEndian(out, uuid.getLeastSignificantBits(), Long.BYTES);
      }
      case DECIMAL -> throw new IllegalArgumentException("DECIMAL values cannot be encoded as keys yet");
      case JSON, JSONB -> throw new IllegalArgumentException(type + " values cannot be encoded as keys");
    }
  }

  /** Whether the value encoded at {@code offset} is NULL. */
  public static boolean isNull(byte[] key, int offset) {
    return key[offset] == NULL;
  }

  /**
   * Decodes one non-null integer-like value (SMALLINT, INTEGER, BIGINT, DATE, TIME, TIMESTAMP) at {@code offset} as a
   * {@code long}; the mapping is the identity on the engine's values, so it preserves order.
   */
  public static long decodeLong(ColumnType type, byte[] key, int offset) {
    if (key[offset] != VALUE) {
      throw new IllegalArgumentException("expected a non-null value at " + offset);
    }
    int[] pos = {offset + 1};
    return switch (type) {
      case SMALLINT -> (short) (readBigEndian(key, pos, Short.BYTES) ^ Short.MIN_VALUE);
      case INTEGER, DATE, TIME, INTERVAL_YEAR_MONTH -> (int) readBigEndian(key, pos, Integer.BYTES) ^ Integer.MIN_VALUE;
      case BIGINT, TIMESTAMP, TIMESTAMPTZ, INTERVAL_DAY_TIME -> readBigEndian(key, pos, Long.BYTES) ^ Long.MIN_VALUE;
      default -> throw new IllegalArgumentException(type + " is not an integer-like type");
    };
  }

  /** The offset just after the {@code types.size()} values encoded from {@code offset}. */
  public static int skip(List<ColumnType> types, byte[] key, int offset) {
    int[] pos = {offset};
    for (ColumnType type : types) {
      decodeValue(type, key, pos);
    }
    return pos[0];
  }

  /**
   * The smallest byte string greater than every string starting with {@code prefix}, or null if there is none (the
   * prefix is all 0xFF). Since every value's encoding is self-delimiting, {@code [encode(p), prefixEnd(encode(p)))}
   * holds exactly the keys whose leading columns equal {@code p}.
   */
  public static byte[] prefixEnd(byte[] prefix) {
    int end = prefix.length;
    while (end > 0 && prefix[end - 1] == (byte) 0xFF) {
      end--;
    }
    if (end == 0) {
      return null;
    }
    byte[] result = java.util.Arrays.copyOf(prefix, end);
    result[end - 1]++;
    return result;
  }

  /** Decodes {@code types.size()} values from {@code key} starting at {@code offset}. */
  public static Object[] decode(List<ColumnType> types, byte[] key, int offset) {
    Object[] values = new Object[types.size()];
    int[] pos = {offset};
    for (int i = 0; i < values.length; i++) {
      values[i] = decodeValue(types.get(i), key, pos);
    }
    return values;
  }

  private static Object decodeValue(ColumnType type, byte[] key, int[] pos) {
    byte marker = key[pos[0]++];
    if (marker == NULL) {
      return null;
    }
    if (marker != VALUE) {
      throw new IllegalArgumentException("corrupt key: marker " + marker + " at " + (pos[0] - 1));
    }
    return switch (type) {
      case BOOLEAN -> key[pos[0]++] != 0;
      case SMALLINT -> (short) (readBigEndian(key, pos, Short.BYTES) ^ Short.MIN_VALUE);
      case INTEGER, DATE, TIME, INTERVAL_YEAR_MONTH -> (int) readBigEndian(key, pos, Integer.BYTES) ^ Integer.MIN_VALUE;
      case BIGINT, TIMESTAMP, TIMESTAMPTZ, INTERVAL_DAY_TIME -> readBigEndian(key, pos, Long.BYTES) ^ Long.MIN_VALUE;
      case REAL -> {
        int bits = (int) readBigEndian(key, pos, Integer.BYTES);
        yield Float.intBitsToFloat(bits < 0 ? bits ^ Integer.MIN_VALUE : ~bits);
      }
      case DOUBLE -> {
        long bits = readBigEndian(key, pos, Long.BYTES);
        yield Double.longBitsToDouble(bits < 0 ? bits ^ Long.MIN_VALUE : ~bits);
      }
      case VARCHAR, CHAR -> new String(readEscaped(key, pos), StandardCharsets.UTF_8);
      case VARBINARY -> readEscaped(key, pos);
      case UUID -> new java.util.UUID(readBigEndian(key, pos, Long.BYTES), readBigEndian(key, pos, Long.BYTES));
      case DECIMAL -> throw new IllegalArgumentException("DECIMAL values cannot be decoded from keys yet");
      case JSON, JSONB -> throw new IllegalArgumentException(type + " values cannot be decoded from keys");
    };
  }

  private static void writeBigEndian(ByteArrayOutputStream out, long v, int bytes) {
    for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
      out.write((int) (v >>> shift));
    }
  }

  private static long readBigEndian(byte[] key, int[] pos, int bytes) {
    long v = 0;
    for (int i = 0; i < bytes; i++) {
      v = (v << 8) | (key[pos[0]++] & 0xFF);
    }
    if (bytes < Long.BYTES) {
      // sign-extend so that the XOR with the narrow MIN_VALUE restores the original value
      int unused = Long.SIZE - bytes * 8;
      v = (v << unused) >> unused;
    }
    return v;
  }

  private static void writeEscaped(ByteArrayOutputStream out, byte[] bytes) {
    for (byte b : bytes) {
      out.write(b);
      if (b == 0) {
        out.write(ESCAPE);
      }
    }
    out.write(0);
    out.write(TERMINATOR);
  }

  private static byte[] readEscaped(byte[] key, int[] pos) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      byte b = key[pos[0]++];
      if (b != 0) {
        out.write(b);
        continue;
      }
      byte next = key[pos[0]++];
      if (next == TERMINATOR) {
        return out.toByteArray();
      }
      if (next != ESCAPE) {
        throw new IllegalArgumentException("corrupt key: bad escape at " + (pos[0] - 1));
      }
      out.write(0);
    }
  }
}
