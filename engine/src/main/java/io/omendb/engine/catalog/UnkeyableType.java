package io.omendb.engine.catalog;

/** The error for a primary key or an index on a column whose type the key codec cannot encode. */
public final class UnkeyableType {
  private UnkeyableType() {}

  /**
   * PostgreSQL's error for {@code json}, which has no btree operator class there either (42704); for the other
   * types, which PostgreSQL can index, that OmenDB cannot yet.
   *
   * @param what what was asked for, e.g. "a primary key"
   */
  public static CatalogException error(ColumnType type, String what) {
    if (type == ColumnType.JSON) {
      return new CatalogException(CatalogException.Kind.UNDEFINED_OBJECT,
          "data type json has no default operator class for access method \"btree\"");
    }
    return new CatalogException(CatalogException.Kind.UNSUPPORTED,
        what + " on a column of type " + type + " is not supported yet");
  }
}
