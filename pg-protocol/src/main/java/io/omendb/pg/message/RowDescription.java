package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Describes the columns of the rows that follow.
 *
 * @param fields one entry per column, in order
 */
public record RowDescription(List<Field> fields) implements BackendMessage {

  /** Format code for text-format values. */
  public static final short TEXT_FORMAT = 0;

  /** Format code for binary-format values. */
  public static final short BINARY_FORMAT = 1;

  public RowDescription {
    fields = List.copyOf(requireNonNull(fields, "fields"));
  }

  /**
   * One column of a {@link RowDescription}.
   *
   * @param name the column label
   * @param tableOid the OID of the source table, or 0
   * @param columnAttribute the attribute number of the source column, or 0
   * @param typeOid the OID of the column's data type
   * @param typeSize the type's size ({@code pg_type.typlen}); negative for variable-width types
   * @param typeModifier the type modifier ({@code pg_attribute.atttypmod}), -1 when none
   * @param formatCode {@link #TEXT_FORMAT} or {@link #BINARY_FORMAT}
   */
  public record Field(
      String name, int tableOid, short columnAttribute, int typeOid, short typeSize, int typeModifier,
      short formatCode) {
    public Field {
      requireNonNull(name, "name");
    }

    /** A text-format column that does not come from a table. */
    public static Field text(String name, int typeOid, short typeSize, int typeModifier) {
      return new Field(name, 0, (short) 0, typeOid, typeSize, typeModifier, TEXT_FORMAT);
    }
  }
}
