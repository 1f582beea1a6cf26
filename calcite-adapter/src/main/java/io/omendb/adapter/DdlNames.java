package io.omendb.adapter;

import org.apache.calcite.sql.SqlIdentifier;

/** The stored name of an object named in DDL: a simple name, or one qualified by the only schema, public. */
final class DdlNames {
  private DdlNames() {}

  /**
   * The unqualified name.
   *
   * @throws SqlStateException 3F000 for a schema other than public
   */
  static String simple(SqlIdentifier identifier) {
    if (identifier.names.size() == 2 && identifier.names.get(0).equals(StoreSchema.NAME)) {
      return identifier.names.get(1);
    }
    if (!identifier.isSimple()) {
      throw new SqlStateException("3F000", "schema \"" + identifier.names.get(0) + "\" does not exist");
    }
    return identifier.getSimple();
  }
}
