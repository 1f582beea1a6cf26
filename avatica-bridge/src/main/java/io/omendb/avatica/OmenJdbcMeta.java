package io.omendb.avatica;

import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.jdbc.JdbcMeta;

/**
 * Avatica's {@link JdbcMeta} over the embedded driver's URL, plus the one thing it lacks: a way to close every
 * connection it holds when the server stops, so that no session outlives the endpoint that opened it.
 */
final class OmenJdbcMeta extends JdbcMeta {

  /**
   * A meta whose connections reach the open database behind {@code embeddedUrl}. The client's connection
   * properties (its {@code user} in particular) are passed to the embedded driver unchanged.
   */
  OmenJdbcMeta(String embeddedUrl) throws SQLException {
    super(embeddedUrl, new Properties());
  }

  /** Closes every cached statement and connection (each connection closes its session). */
  void closeAll() {
    // Invalidation runs JdbcMeta's removal listeners, which close what they remove. Statements first, so each
    // open result set is closed (ending its statement's transaction) before its session goes away.
    getStatementCache().invalidateAll();
    getConnectionCache().invalidateAll();
  }
}
