package io.omendb.engine.mvcc;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * One end of a key range over the leading columns of a primary key or an index: the values of the first
 * {@code prefix.length} (at least one) key columns, and whether keys starting with exactly those values are inside the
 * range. A null bound (where a bound is expected) means unbounded.
 *
 * <p>As a lower bound, inclusive means every key starting with the prefix and after; exclusive means the keys after
 * all keys starting with the prefix. As an upper bound, inclusive means up to and including every key starting with
 * the prefix; exclusive means the keys before the prefix. NULL sorts after every value (NULLS LAST), so an upper
 * bound {@code (new Object[] {null}, false)} keeps exactly the keys whose first column is not NULL.
 *
 * @param prefix values of the leading key columns, in key order
 * @param inclusive whether keys starting with {@code prefix} belong to the range
 */
public record KeyBound(Object[] prefix, boolean inclusive) {
  public KeyBound {
    requireNonNull(prefix, "prefix");
    if (prefix.length == 0) {
      throw new IllegalArgumentException("a key bound needs at least one value; use null for unbounded");
    }
    prefix = prefix.clone();
  }

  public static KeyBound inclusive(Object... prefix) {
    return new KeyBound(prefix, true);
  }

  public static KeyBound exclusive(Object... prefix) {
    return new KeyBound(prefix, false);
  }

  @Override
  public Object[] prefix() {
    return prefix.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyBound b && b.inclusive == inclusive && Arrays.equals(b.prefix, prefix);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(prefix) + Boolean.hashCode(inclusive);
  }

  @Override
  public String toString() {
    return (inclusive ? "inclusive" : "exclusive") + Arrays.toString(prefix);
  }
}
