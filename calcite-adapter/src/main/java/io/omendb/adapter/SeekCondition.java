package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.calcite.rex.RexNode;

/**
 * What part of a filter the store answers by seeking its primary key instead of scanning: a list of key ranges,
 * each bounded by a prefix of key values (literals or dynamic parameters, evaluated when the statement runs). A
 * range whose bounds are the same full key, both inclusive, is a point lookup. Its {@link #toString()} is the
 * EXPLAIN text tests assert on.
 *
 * @param keyColumns the table's primary-key column indexes, in key order
 * @param ranges the ranges to read, in key order (a disjunction)
 */
record SeekCondition(int[] keyColumns, List<KeyRange> ranges) {

  /** One range: {@code lower} and {@code upper} are key-value prefixes (empty: unbounded on that side). */
  record KeyRange(List<RexNode> lower, boolean lowerInclusive, List<RexNode> upper, boolean upperInclusive) {
    KeyRange {
      lower = List.copyOf(lower);
      upper = List.copyOf(upper);
    }

    static KeyRange point(List<RexNode> key) {
      return new KeyRange(key, true, key, true);
    }

    boolean isPoint(int keyLength) {
      return lowerInclusive && upperInclusive && lower.size() == keyLength && lower.equals(upper);
    }

    String describe(int[] keyColumns) {
      if (lower.equals(upper) && lowerInclusive && upperInclusive) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lower.size(); i++) {
          text.append(i == 0 ? "" : " AND ").append('$').append(keyColumns[i]).append(" = ").append(lower.get(i));
        }
        return text.toString();
      }
      String from = lower.isEmpty() ? "-∞" : tuple(lower);
      String to = upper.isEmpty() ? "+∞" : tuple(upper);
      return (lowerInclusive && !lower.isEmpty() ? "[" : "(") + from + ".." + to
          + (upperInclusive && !upper.isEmpty() ? "]" : ")");
    }

    private static String tuple(List<RexNode> values) {
      return values.size() == 1 ? values.get(0).toString()
          : values.stream().map(Object::toString).collect(Collectors.joining(", ", "(", ")"));
    }
  }

  SeekCondition {
    requireNonNull(keyColumns, "keyColumns");
    ranges = List.copyOf(ranges);
  }

  /** Whether every range is a point lookup of a full key. */
  boolean isPoints() {
    return ranges.stream().allMatch(r -> r.isPoint(keyColumns.length));
  }

  @Override
  public String toString() {
    String body = ranges.stream().map(r -> r.describe(keyColumns)).collect(Collectors.joining(", "));
    return (isPoints() ? "keys=[" : "ranges=[") + body + "]";
  }
}
