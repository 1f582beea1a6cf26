package io.omendb.adapter;

import io.omendb.adapter.parser.SqlCommentOn;
import io.omendb.engine.Engine;
import io.omendb.engine.catalog.TableDef;
import java.util.List;

/** Runs {@code COMMENT ON TABLE | COLUMN}: only the table's owner (or a superuser) may describe it, as in PostgreSQL. */
final class CommentCommand {
  private CommentCommand() {}

  static void execute(Engine engine, SessionAccess access, SqlCommentOn comment) {
    List<String> names = comment.name().names;
    if (names.size() > 1 && names.get(0).equals(StoreSchema.NAME) && names.size() == (comment.column() ? 3 : 2)) {
      names = names.subList(1, names.size());
    }
    if (names.size() != (comment.column() ? 2 : 1)) {
      if (comment.column() && names.size() == 1) {
        throw new SqlStateException("42601", "column name must be qualified");
      }
      throw new SqlStateException("3F000", "schema \"" + names.get(0) + "\" does not exist");
    }
    String tableName = names.get(0);
    TableDef table = engine.catalog().table(tableName).orElseThrow(
        () -> new SqlStateException("42P01", "relation \"" + tableName + "\" does not exist"));
    access.checkOwner(table);
    if (!comment.column()) {
      engine.comments().setTable(table, comment.text());
      return;
    }
    int column = table.columnIndex(names.get(1));
    if (column < 0) {
      throw new SqlStateException("42703",
          "column \"" + names.get(1) + "\" of relation \"" + tableName + "\" does not exist");
    }
    engine.comments().setColumn(table, column, comment.text());
  }
}
