package io.omendb.adapter;

import io.omendb.adapter.parser.SqlPgExplain;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/** The session's rules for statements that read a past snapshot ({@code AS OF SYSTEM TIME}). */
final class AsOfStatements {
  private static final Pattern SET_TRANSACTION = Pattern.compile("\\s*SET\\s+TRANSACTION\\s*;?\\s*",
      Pattern.CASE_INSENSITIVE);

  private static final java.time.format.DateTimeFormatter SNAPSHOT_TIME = java.time.format.DateTimeFormatter
      .ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS'+00'", Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

  private AsOfStatements() {}

  /** Whether {@code sql}, with its clause cut out, is a bare {@code SET TRANSACTION}. */
  static boolean isSetTransaction(String sql) {
    return SET_TRANSACTION.matcher(sql).matches();
  }

  /** Now, in commit-timestamp units (microseconds since the epoch). */
  static long nowMicros() {
    return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
  }

  /** Refuses anything but a query (or EXPLAIN) in a snapshot of the past: 25006, as PostgreSQL's read-only mode. */
  static void checkReadOnly(SqlNode node) {
    if (node instanceof SqlPgExplain || node.getKind().belongsTo(SqlKind.QUERY)
        || node.getKind() == SqlKind.EXPLAIN) {
      return;
    }
    String what = node.getKind().belongsTo(SqlKind.DML) ? node.getKind().name() : "this statement";
    throw new SqlStateException("25006", "cannot execute " + what + " in a read-only transaction (AS OF SYSTEM TIME)");
  }

  /** EXPLAIN's plan with a last line naming the snapshot it read. */
  static StatementResult withSnapshotLine(StatementResult plan, long ts) throws SQLException {
    List<Object[]> lines = new ArrayList<>();
    for (Object[] line = plan.next(); line != null; line = plan.next()) {
      lines.add(line);
    }
    plan.close();
    lines.add(new Object[] {"Snapshot: AS OF SYSTEM TIME '" + SNAPSHOT_TIME.format(Instant.EPOCH.plus(ts,
        ChronoUnit.MICROS)) + "'"});
    return RowsResult.text(CommandKind.EXPLAIN, List.of("QUERY PLAN"), lines);
  }
}
