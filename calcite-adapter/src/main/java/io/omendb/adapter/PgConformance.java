package io.omendb.adapter;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * Calcite's lenient conformance with PostgreSQL's checked arithmetic: an integer or numeric result that does not fit
 * its type fails (SQLSTATE 22003) instead of wrapping around.
 */
final class PgConformance extends SqlDelegatingConformance {
  /** The one instance; conformances are stateless. */
  static final PgConformance INSTANCE = new PgConformance();

  private PgConformance() {
    super(SqlConformanceEnum.LENIENT);
  }

  @Override
  public boolean checkedArithmetic() {
    return true;
  }
}
