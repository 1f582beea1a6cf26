package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Creates a portal from a prepared statement and parameter values. Equality compares the values' bytes.
 *
 * @param portal the portal's name; empty for the unnamed portal
 * @param statement the prepared statement's name; empty for the unnamed statement
 * @param parameterFormats no entry (all text), one entry (for all) or one per parameter: {@link #TEXT_FORMAT} or
 *     {@link #BINARY_FORMAT}
 * @param values each parameter's value in its format, null for SQL NULL; not modified after construction
 * @param resultFormats the same choice for the result columns
 */
public record Bind(
    String portal, String statement, List<Short> parameterFormats, List<byte[]> values, List<Short> resultFormats)
    implements FrontendMessage {

  /** Format code for text-format values. */
  public static final short TEXT_FORMAT = 0;

  /** Format code for binary-format values. */
  public static final short BINARY_FORMAT = 1;

  public Bind {
    requireNonNull(portal, "portal");
    requireNonNull(statement, "statement");
    parameterFormats = List.copyOf(requireNonNull(parameterFormats, "parameterFormats"));
    values = Collections.unmodifiableList(new ArrayList<>(requireNonNull(values, "values")));
    resultFormats = List.copyOf(requireNonNull(resultFormats, "resultFormats"));
  }

  /**
   * The format of item {@code index} out of a list of format codes as the protocol spells it: empty means text for
   * all, a single code applies to all, otherwise one code per item.
   */
  public static short formatOf(List<Short> formats, int index) {
    if (formats.isEmpty()) {
      return TEXT_FORMAT;
    }
    return formats.size() == 1 ? formats.get(0) : formats.get(index);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Bind other) || !portal.equals(other.portal) || !statement.equals(other.statement)
        || !parameterFormats.equals(other.parameterFormats) || !resultFormats.equals(other.resultFormats)
        || values.size() != other.values.size()) {
      return false;
    }
    for (int i = 0; i < values.size(); i++) {
      if (!Arrays.equals(values.get(i), other.values.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = portal.hashCode() * 31 + statement.hashCode();
    for (byte[] value : values) {
      hash = 31 * hash + Arrays.hashCode(value);
    }
    return hash;
  }

  @Override
  public String toString() {
    return "Bind[portal=" + portal + ", statement=" + statement + ", parameterFormats=" + parameterFormats
        + ", values=" + values.size() + ", resultFormats=" + resultFormats + "]";
  }
}
