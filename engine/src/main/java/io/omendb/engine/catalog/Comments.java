package io.omendb.engine.catalog;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.storage.KvBatch;
import io.omendb.engine.storage.KvCursor;
import io.omendb.engine.storage.KvStore;
import io.omendb.engine.storage.Space;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The persisted descriptions of {@code COMMENT ON TABLE | COLUMN}, keyed by table id and column slot (see
 * {@link RowLayout}), so that they follow renames; a dropped table's descriptions go with it.
 */
public final class Comments implements CatalogListener {
  private static final String PREFIX = "comment/";
  /** The slot number standing for the table itself. */
  private static final int TABLE = -1;

  private final KvStore store;
  private final Map<String, String> comments = new ConcurrentHashMap<>();

  public Comments(KvStore store) {
    this.store = requireNonNull(store, "store");
    byte[] from = PREFIX.getBytes(StandardCharsets.UTF_8);
    byte[] to = from.clone();
    to[to.length - 1]++;
    try (KvCursor cursor = store.scan(null, Space.CATALOG, from, to)) {
      while (cursor.next()) {
        comments.put(new String(cursor.key(), StandardCharsets.UTF_8).substring(PREFIX.length()),
            new String(cursor.value(), StandardCharsets.UTF_8));
      }
    }
  }

  /** The description of the table, if any. */
  public Optional<String> table(TableDef table) {
    return Optional.ofNullable(comments.get(id(table.id(), TABLE)));
  }

  /** The description of column {@code column} (0-based) of the table, if any. */
  public Optional<String> column(TableDef table, int column) {
    return Optional.ofNullable(comments.get(id(table.id(), table.layout().slotOf(column))));
  }

  /** Sets (or, with null, removes) the table's description. */
  public synchronized void setTable(TableDef table, String text) {
    set(id(table.id(), TABLE), text);
  }

  /** Sets (or, with null, removes) the description of column {@code column} (0-based). */
  public synchronized void setColumn(TableDef table, int column, String text) {
    set(id(table.id(), table.layout().slotOf(column)), text);
  }

  private void set(String id, String text) {
    byte[] key = (PREFIX + id).getBytes(StandardCharsets.UTF_8);
    if (text == null || text.isEmpty()) {
      store.write(new KvBatch().delete(Space.CATALOG, key), true);
      comments.remove(id);
    } else {
      store.write(new KvBatch().put(Space.CATALOG, key, text.getBytes(StandardCharsets.UTF_8)), true);
      comments.put(id, text);
    }
  }

  @Override
  public void tableCreated(TableDef table) {
    // a new table has no descriptions
  }

  @Override
  public synchronized void tableDropped(TableDef table) {
    String prefix = table.id() + "/";
    KvBatch batch = new KvBatch();
    for (String id : comments.keySet()) {
      if (id.startsWith(prefix)) {
        batch.delete(Space.CATALOG, (PREFIX + id).getBytes(StandardCharsets.UTF_8));
        comments.remove(id);
      }
    }
    store.write(batch, true);
  }

  private static String id(int tableId, int slot) {
    return tableId + "/" + slot;
  }
}
