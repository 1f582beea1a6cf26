package io.omendb.engine.mvcc;

import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.codec.KeyCodec;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/** Turns {@link KeyBound}s over leading key columns into byte ranges {@code [from, to)} of the store. */
final class KeyRanges {
  private KeyRanges() {}

  /**
   * The byte range under {@code base} (a table or index prefix) holding the keys between {@code lower} and
   * {@code upper} (null: unbounded); empty ranges come back with {@code from == to}.
   */
  static byte[][] range(byte[] base, List<ColumnType> keyTypes, KeyBound lower, KeyBound upper) {
    byte[] end = KeyCodec.prefixEnd(base);
    byte[] from = base;
    if (lower != null) {
      byte[] encoded = encode(base, keyTypes, lower);
      from = lower.inclusive() ? encoded : orElse(KeyCodec.prefixEnd(encoded), end);
    }
    byte[] to = end;
    if (upper != null) {
      byte[] encoded = encode(base, keyTypes, upper);
      to = upper.inclusive() ? orElse(KeyCodec.prefixEnd(encoded), end) : encoded;
    }
    if (Arrays.compareUnsigned(from, to) > 0) {
      to = from;
    }
    return new byte[][] {from, to};
  }

  static boolean contains(byte[][] range, byte[] key) {
    return Arrays.compareUnsigned(key, range[0]) >= 0 && Arrays.compareUnsigned(key, range[1]) < 0;
  }

  private static byte[] encode(byte[] base, List<ColumnType> keyTypes, KeyBound bound) {
    Object[] prefix = bound.prefix();
    if (prefix.length > keyTypes.size()) {
      throw new IllegalArgumentException(
          "a bound of " + prefix.length + " values over a key of " + keyTypes.size() + " columns");
    }
    List<ColumnType> types = keyTypes.subList(0, prefix.length);
    for (int i = 0; i < prefix.length; i++) {
      prefix[i] = Values.coerce(types.get(i), prefix[i]);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(base.length + 16);
    out.writeBytes(base);
    KeyCodec.encode(types, prefix, out);
    return out.toByteArray();
  }

  private static byte[] orElse(byte[] value, byte[] fallback) {
    return value != null ? value : fallback;
  }
}
