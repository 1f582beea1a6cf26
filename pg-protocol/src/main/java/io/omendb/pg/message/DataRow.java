package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One row of a result: each column's value as encoded bytes (text or binary format), or null for SQL NULL.
 *
 * <p>Equality compares the bytes, unlike a plain record over arrays.
 *
 * @param values one entry per column; the arrays must not be modified after construction
 */
public record DataRow(List<byte[]> values) implements BackendMessage {
  public DataRow {
    requireNonNull(values, "values");
    values = Collections.unmodifiableList(new ArrayList<>(values));
  }

  /** A row of text-format values encoded as UTF-8; null elements stand for SQL NULL. */
  public static DataRow ofText(String... values) {
    List<byte[]> bytes = new ArrayList<>(values.length);
    for (String value : values) {
      bytes.add(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
    return new DataRow(bytes);
  }

  /** The value of column {@code index} decoded as UTF-8 text, or null for SQL NULL. */
  public String text(int index) {
    byte[] value = values.get(index);
    return value == null ? null : new String(value, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DataRow other) || other.values.size() != values.size()) {
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
    int hash = 1;
    for (byte[] value : values) {
      hash = 31 * hash + Arrays.hashCode(value);
    }
    return hash;
  }

  @Override
  public String toString() {
    List<String> texts = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      texts.add(text(i));
    }
    return "DataRow" + texts;
  }
}
