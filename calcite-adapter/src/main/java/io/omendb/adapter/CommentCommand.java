package io.omendb.adapter;

import io.omendb.adapter.parser.SqlCommentOn;
import io.omendb.engine.Engine;
import io.omendb.engine.catalog.RelationNames;
import io.omendb.engine.catalog.TableDef;
import org.apache.calcite.sql.SqlIdentifier;
import java.util.List;

/** Runs {@code COMMENT ON TABLE | VIEW | COLUMN}: only the table's owner (or a superuser) may describe it, as in PostgreSQL. */
final class CommentCommand {
  private CommentCommand() {}

  static void execute(Engine engine, SessionAccess access, SqlCommentOn comment) {
    execute(engine, access, comment, new DdlNames(engine.catalog(), List.of(StoreSchema.NAME)));
  }

  /** As above, the table named resolved by {@code names} (the session's search path). */
  static void execute(Engine engine, SessionAccess access, SqlCommentOn comment, DdlNames names) {
    List<String> written = comment.name().names;
    if (comment.column() && written.size() == 1) {
      throw new SqlStateException("42601", "column name must be qualified");
    }
    List<String> tableParts = comment.column() ? written.subList(0, written.size() - 1) : written;
    // views take comments as tables do (COMMENT ON VIEW, and on their columns)
    String tableName = names.lookup(new SqlIdentifier(tableParts, comment.name().getParserPosition()),
        relation -> engine.catalog().table(relation).isPresent() || engine.catalog().views().exists(relation));
    TableDef table = engine.catalog().table(tableName)
        .or(() -> engine.catalog().views().view(tableName).map(io.omendb.engine.catalog.ViewDef::relation))
        .orElseThrow(() -> new SqlStateException("42P01",
            "relation \"" + RelationNames.nameOf(tableName) + "\" does not exist"));
    access.checkOwner(table);
    if (!comment.column()) {
      engine.comments().setTable(table, comment.text());
      return;
    }
    String columnName = written.get(written.size() - 1);
    int column = table.columnIndex(columnName);
    if (column < 0) {
      throw new SqlStateException("42703", "column \"" + columnName + "\" of relation \""
          + RelationNames.nameOf(tableName) + "\" does not exist");
    }
    engine.comments().setColumn(table, column, comment.text());
  }
}
