package io.omendb.engine.catalog;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each column of a table lives in its stored rows, as PostgreSQL's attribute numbers: a stored row holds one
 * value per slot, in slot order; a column added later takes a new slot at the end (rows stored before it have
 * fewer slots and read NULL there), and a dropped column leaves its slot behind (still stored in old rows, never
 * read). Rows written before an ALTER TABLE therefore need no rewrite.
 *
 * @param slotTypes the storage type of every slot, dropped ones included, in slot order
 * @param slots for each column of the table, in column order, the index of its slot
 */
public record RowLayout(List<ColumnType> slotTypes, int[] slots) {
  public RowLayout {
    slotTypes = List.copyOf(requireNonNull(slotTypes, "slotTypes"));
    slots = requireNonNull(slots, "slots").clone();
    for (int slot : slots) {
      if (slot < 0 || slot >= slotTypes.size()) {
        throw new IllegalArgumentException("slot " + slot + " out of range");
      }
    }
  }

  /** The layout of a table whose columns were never added or dropped: column i in slot i. */
  public static RowLayout identity(List<ColumnDef> columns) {
    int[] slots = new int[columns.size()];
    Arrays.setAll(slots, i -> i);
    return new RowLayout(columns.stream().map(ColumnDef::type).toList(), slots);
  }

  /** Whether column i is in slot i for every column and there are no dropped slots. */
  public boolean isIdentity() {
    if (slots.length != slotTypes.size()) {
      return false;
    }
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] != i) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int[] slots() {
    return slots.clone();
  }

  /** The slot of column {@code column}. */
  public int slotOf(int column) {
    return slots[column];
  }

  /** The number of columns (live slots). */
  public int columnCount() {
    return slots.length;
  }

  /** This layout with a new last column of type {@code type} in a new last slot. */
  public RowLayout withColumnAdded(ColumnType type) {
    List<ColumnType> types = new ArrayList<>(slotTypes);
    types.add(requireNonNull(type, "type"));
    int[] next = Arrays.copyOf(slots, slots.length + 1);
    next[slots.length] = slotTypes.size();
    return new RowLayout(types, next);
  }

  /** This layout without column {@code column}; its slot stays, unread. */
  public RowLayout withColumnDropped(int column) {
    int[] next = new int[slots.length - 1];
    for (int i = 0, j = 0; i < slots.length; i++) {
      if (i != column) {
        next[j++] = slots[i];
      }
    }
    return new RowLayout(slotTypes, next);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RowLayout l && l.slotTypes.equals(slotTypes) && Arrays.equals(l.slots, slots);
  }

  @Override
  public int hashCode() {
    return 31 * slotTypes.hashCode() + Arrays.hashCode(slots);
  }

  @Override
  public String toString() {
    return "RowLayout[" + slotTypes + ", slots=" + Arrays.toString(slots) + "]";
  }
}
