package io.omendb.adapter;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the syntax error of a PostgreSQL statement or clause that OmenDB does not support yet into SQLSTATE 0A000
 * with a message naming the feature, so that clients learn what is missing rather than that they mistyped.
 *
 * <p>Only statements that failed to parse (42601) are looked at, and only their words, so a feature named inside a
 * string literal of a statement that parses never matters.
 */
final class UnsupportedFeatures {
  private static final String SYNTAX_ERROR = "42601";
  private static final String NOT_SUPPORTED = "0A000";

  /** A feature, recognised by a pattern on the statement text. */
  private record Feature(Pattern pattern, String message) {
    static Feature of(String regex, String message) {
      return new Feature(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL), message);
    }
  }

  /** Statement starts, checked first, then clauses anywhere in the statement. */
  private static final List<Feature> FEATURES = List.of(
      Feature.of("^\\s*ALTER\\s+TABLE\\b.*", "this form of ALTER TABLE is not supported yet"),
      Feature.of("^\\s*CREATE\\s+(OR\\s+REPLACE\\s+)?(TEMP(ORARY)?\\s+|RECURSIVE\\s+)+VIEW\\b.*",
          "temporary and recursive views are not supported yet"),
      Feature.of("^\\s*CREATE\\s+MATERIALIZED\\s+VIEW\\b.*", "materialized views are not supported"),
      Feature.of("^\\s*(DROP|ALTER)\\s+MATERIALIZED\\s+VIEW\\b.*", "materialized views are not supported"),
      Feature.of("^\\s*ALTER\\s+VIEW\\b.*", "ALTER VIEW supports RENAME TO and OWNER TO only"),
      Feature.of("^\\s*(CREATE|ALTER|DROP)\\s+(TEMP(ORARY)?\\s+)?SEQUENCE\\b.*", "sequences are not supported yet"),
      Feature.of("^\\s*COMMENT\\s+ON\\b.*", "COMMENT ON is supported for tables, views and columns only"),
      Feature.of("^\\s*(CREATE|ALTER|DROP)\\s+(OR\\s+REPLACE\\s+)?(FUNCTION|PROCEDURE|TRIGGER|TYPE|DOMAIN|EXTENSION"
          + "|AGGREGATE|RULE|POLICY|PUBLICATION|SUBSCRIPTION|SERVER|TABLESPACE|DATABASE)\\b.*",
          "this kind of object is not supported"),
      Feature.of("^\\s*CREATE\\s+(GLOBAL\\s+|LOCAL\\s+)?(TEMP(ORARY)?|UNLOGGED)\\s+TABLE\\b.*",
          "temporary and unlogged tables are not supported"),
      Feature.of("^\\s*(VACUUM|CLUSTER|REINDEX|CHECKPOINT|LOCK|LISTEN|UNLISTEN|NOTIFY|DO|CALL)\\b.*",
          "this statement is not supported"),
      Feature.of(".*\\bFOR\\s+(NO\\s+KEY\\s+)?(UPDATE|SHARE)\\b.*|.*\\bFOR\\s+KEY\\s+SHARE\\b.*",
          "FOR UPDATE/SHARE is supported only at the end of a top-level SELECT"),
      Feature.of(".*\\bINTERVAL\\s*'[^']*'\\s*+(?!(YEAR|MONTH|DAY|HOUR|MINUTE|SECOND)S?\\b).*",
          "INTERVAL 'text' needs a unit here (INTERVAL '1' DAY); or write '1 day'::interval"),
      Feature.of(".*\\bAT\\s+TIME\\s+ZONE\\b.*",
          "AT TIME ZONE is not supported yet; cast between timestamp and timestamptz under SET TIME ZONE instead"),
      Feature.of(".*\\bAS\\s+OF\\s+SYSTEM\\s+TIME\\b.*",
          "AS OF SYSTEM TIME is supported only after the FROM list of a top-level SELECT and after BEGIN or"
              + " SET TRANSACTION; elsewhere use FOR SYSTEM_TIME AS OF after a table"));

  private UnsupportedFeatures() {}

  /** {@code error} itself, or for a syntax error in a statement using an unsupported feature, a 0A000 error. */
  static SQLException reclassify(String sql, SQLException error) {
    if (sql == null || !SYNTAX_ERROR.equals(error.getSQLState())) {
      return error;
    }
    for (Feature feature : FEATURES) {
      if (feature.pattern().matcher(sql).matches()) {
        SQLException unsupported = new SQLException(feature.message(), NOT_SUPPORTED);
        unsupported.initCause(error);
        return unsupported;
      }
    }
    return error;
  }
}
