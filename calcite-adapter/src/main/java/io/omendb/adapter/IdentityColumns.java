package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.catalog.Catalog;
import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.SequenceDef;
import io.omendb.engine.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;

/**
 * PostgreSQL's rule for {@code GENERATED ALWAYS AS IDENTITY} columns: an INSERT may give them only DEFAULT, unless
 * it says {@code OVERRIDING SYSTEM VALUE}, and an UPDATE may not set them (428C9). Calcite's INSERT grammar has no
 * OVERRIDING clause, so {@link #overriding} takes it out of the statement text before parsing.
 */
final class IdentityColumns {
  private static final String VIOLATION = "428C9";

  /**
   * A statement's text without its {@code OVERRIDING {SYSTEM | USER} VALUE} clause, and whether it said
   * {@code OVERRIDING SYSTEM VALUE}.
   */
  record Overriding(String sql, boolean systemValue) {
    Overriding {
      requireNonNull(sql, "sql");
    }
  }

  private IdentityColumns() {}

  /**
   * Takes {@code OVERRIDING SYSTEM VALUE} out of an INSERT's text (words outside quotes and comments).
   *
   * @throws SqlStateException 0A000 for {@code OVERRIDING USER VALUE}
   */
  static Overriding overriding(String sql) {
    List<int[]> words = words(sql);
    if (words.isEmpty() || !word(sql, words.get(0)).equals("insert")) {
      return new Overriding(sql, false);
    }
    for (int i = 0; i + 2 < words.size(); i++) {
      if (word(sql, words.get(i)).equals("overriding") && word(sql, words.get(i + 2)).equals("value")) {
        String which = word(sql, words.get(i + 1));
        if (which.equals("user")) {
          throw new SqlStateException("0A000", "OVERRIDING USER VALUE is not supported");
        }
        if (which.equals("system")) {
          String stripped = sql.substring(0, words.get(i)[0]) + " " + sql.substring(words.get(i + 2)[1]);
          return new Overriding(stripped, true);
        }
      }
    }
    return new Overriding(sql, false);
  }

  /**
   * Checks an INSERT or UPDATE against the ALWAYS identity columns of its table.
   *
   * @throws SqlStateException 428C9 for an explicit value without OVERRIDING SYSTEM VALUE
   */
  static void check(SqlNode node, Catalog catalog, boolean overridingSystemValue) {
    check(node, catalog, new DdlNames(catalog, List.of(StoreSchema.NAME)), overridingSystemValue);
  }

  /** As above, the target table resolved by {@code names} (the session's search path). */
  static void check(SqlNode node, Catalog catalog, DdlNames names, boolean overridingSystemValue) {
    if (node instanceof SqlInsert insert && !overridingSystemValue) {
      checkInsert(insert, catalog, names);
    } else if (node instanceof SqlUpdate update) {
      TableDef table = table(update.getTargetTable(), catalog, names);
      if (table == null) {
        return;
      }
      List<String> always = alwaysColumns(table, catalog);
      for (SqlNode target : update.getTargetColumnList()) {
        String column = ((SqlIdentifier) target).names.get(((SqlIdentifier) target).names.size() - 1);
        if (always.contains(column)) {
          throw new SqlStateException(VIOLATION, "column \"" + column + "\" can only be updated to DEFAULT\n"
              + "  Detail: Column \"" + column + "\" is an identity column defined as GENERATED ALWAYS.");
        }
      }
    }
  }

  private static void checkInsert(SqlInsert insert, Catalog catalog, DdlNames names) {
    TableDef table = table(insert.getTargetTable(), catalog, names);
    if (table == null) {
      return;
    }
    List<String> always = alwaysColumns(table, catalog);
    if (always.isEmpty()) {
      return;
    }
    List<String> targets = new ArrayList<>();
    SqlNodeList columnList = insert.getTargetColumnList();
    if (columnList == null || columnList.isEmpty()) {
      table.columns().stream().map(ColumnDef::name).forEach(targets::add);
    } else {
      for (SqlNode column : columnList) {
        targets.add(((SqlIdentifier) column).getSimple());
      }
    }
    SqlNode source = insert.getSource();
    for (int p = 0; p < targets.size(); p++) {
      if (!always.contains(targets.get(p))) {
        continue;
      }
      if (!(source instanceof SqlCall values) || values.getKind() != SqlKind.VALUES) {
        throw violation(targets.get(p));
      }
      for (SqlNode row : values.getOperandList()) {
        if (row instanceof SqlCall rowCall && p < rowCall.operandCount()
            && rowCall.operand(p).getKind() != SqlKind.DEFAULT) {
          throw violation(targets.get(p));
        }
      }
    }
  }

  private static List<String> alwaysColumns(TableDef table, Catalog catalog) {
    List<String> always = new ArrayList<>();
    for (SequenceDef sequence : catalog.sequences().ownedBy(table.name())) {
      if (sequence.identity() == SequenceDef.Identity.ALWAYS) {
        always.add(sequence.ownedByColumn());
      }
    }
    return always;
  }

  private static TableDef table(SqlNode target, Catalog catalog, DdlNames names) {
    if (!(target instanceof SqlIdentifier identifier) || identifier.names.size() > 2
        || !identifier.isSimple() && !catalog.schemas().exists(identifier.names.get(0))) {
      return null;
    }
    return catalog.table(names.table(identifier)).orElse(null);
  }

  private static SqlStateException violation(String column) {
    return new SqlStateException(VIOLATION, "cannot insert a non-DEFAULT value into column \"" + column + "\"\n"
        + "  Detail: Column \"" + column + "\" is an identity column defined as GENERATED ALWAYS.\n"
        + "  Hint: Use OVERRIDING SYSTEM VALUE to override.");
  }

  /** The spans (start, end) of the words of {@code sql} outside quotes and comments. */
  private static List<int[]> words(String sql) {
    List<int[]> words = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        i = SqlText.skipQuoted(sql, i);
      } else if (SqlText.isLineComment(sql, i)) {
        i = SqlText.skipLineComment(sql, i);
      } else if (SqlText.isBlockComment(sql, i)) {
        i = SqlText.skipBlockComment(sql, i);
      } else if (c == '$') {
        i = SqlText.skipDollarQuoted(sql, i);
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < sql.length() && SqlText.isIdentifierPart(sql.charAt(i))) {
          i++;
        }
        words.add(new int[] {start, i});
      } else {
        i++;
      }
    }
    return words;
  }

  private static String word(String sql, int[] span) {
    return sql.substring(span[0], span[1]).toLowerCase(Locale.ROOT);
  }
}
