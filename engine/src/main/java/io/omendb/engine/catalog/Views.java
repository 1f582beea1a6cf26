package io.omendb.engine.catalog;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.storage.KvBatch;
import io.omendb.engine.storage.KvCursor;
import io.omendb.engine.storage.KvStore;
import io.omendb.engine.storage.Space;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The persisted views. They share the relation name space with tables, indexes and sequences, take their ids from
 * the table id counter, and are changed under the catalog's lock; every change is synced before it returns.
 */
public final class Views {
  private static final String PREFIX = "view/";

  private final KvStore store;
  private final Catalog catalog;
  private final Map<String, ViewDef> views = new ConcurrentHashMap<>();
  private final Map<Integer, ViewDef> viewsById = new ConcurrentHashMap<>();

  Views(KvStore store, Catalog catalog) {
    this.store = requireNonNull(store, "store");
    this.catalog = requireNonNull(catalog, "catalog");
    byte[] from = PREFIX.getBytes(StandardCharsets.UTF_8);
    byte[] to = from.clone();
    to[to.length - 1]++;
    try (KvCursor cursor = store.scan(null, Space.CATALOG, from, to)) {
      while (cursor.next()) {
        ViewDef def = ViewSerializer.read(cursor.value());
        views.put(def.name(), def);
        viewsById.put(def.id(), def);
      }
    }
  }

  /** Whether a view of this name exists. */
  public boolean exists(String name) {
    return views.containsKey(name);
  }

  /** The view with this name, if it exists. */
  public Optional<ViewDef> view(String name) {
    return Optional.ofNullable(views.get(name));
  }

  /** The view with this id, if it exists. */
  public Optional<ViewDef> viewById(int id) {
    return Optional.ofNullable(viewsById.get(id));
  }

  /** All views, ordered by name. */
  public Collection<ViewDef> views() {
    return new TreeMap<>(views).values();
  }

  /** The views whose queries read the table or view with this id, ordered by name. */
  public List<ViewDef> dependents(int relationId) {
    List<ViewDef> dependents = new ArrayList<>();
    for (ViewDef view : views()) {
      if (view.dependsOn(relationId)) {
        dependents.add(view);
      }
    }
    return dependents;
  }

  /**
   * The views DROP SCHEMA {@code schema} CASCADE drops with the tables {@code tables} (engine names) it holds: the
   * schema's views and every view that reads one of those relations, directly or through other views; each after
   * the views that read it.
   */
  List<ViewDef> droppedWith(String schema, List<String> tables) {
    java.util.Set<Integer> ids = new java.util.HashSet<>();
    for (String table : tables) {
      catalog.table(table).ifPresent(def -> ids.add(def.id()));
    }
    java.util.LinkedHashMap<Integer, ViewDef> ordered = new java.util.LinkedHashMap<>();
    for (ViewDef view : views()) {
      if (RelationNames.inSchema(view.name(), schema) || view.dependsOn().stream().anyMatch(ids::contains)) {
        addWithDependents(view, ordered);
      }
    }
    return List.copyOf(ordered.values());
  }

  private void addWithDependents(ViewDef view, java.util.LinkedHashMap<Integer, ViewDef> ordered) {
    if (ordered.containsKey(view.id())) {
      return;
    }
    for (ViewDef dependent : dependents(view.id())) {
      addWithDependents(dependent, ordered);
    }
    ordered.put(view.id(), view);
  }

  /**
   * Creates a view from {@code spec} (whose id is ignored), or with {@code orReplace} replaces the definition of
   * the view of that name, keeping its id. The SQL layer checks that a replacement keeps the old columns.
   *
   * @throws CatalogException DUPLICATE_TABLE if another relation of that name exists
   */
  public ViewDef create(ViewDef spec, boolean orReplace) {
    requireNonNull(spec, "spec");
    synchronized (catalog) {
      ViewDef existing = views.get(spec.name());
      ViewDef def;
      if (existing != null) {
        if (!orReplace) {
          throw duplicate(spec.name());
        }
        def = spec.withId(existing.id());
      } else {
        catalog.checkIndexName(spec.name());
        def = spec.withId(catalog.reserveTableId());
      }
      store.write(new KvBatch().put(Space.CATALOG, key(def.name()), ViewSerializer.write(def)), true);
      views.put(def.name(), def);
      viewsById.put(def.id(), def);
      catalog.changed();
      return def;
    }
  }

  /**
   * Drops a view; the caller has dealt with the views that depend on it.
   *
   * @throws CatalogException UNDEFINED_TABLE if there is no such view
   */
  public ViewDef drop(String name) {
    synchronized (catalog) {
      ViewDef def = views.get(name);
      if (def == null) {
        throw new CatalogException(CatalogException.Kind.UNDEFINED_TABLE, "view \"" + name + "\" does not exist");
      }
      store.write(new KvBatch().delete(Space.CATALOG, key(name)), true);
      views.remove(name);
      viewsById.remove(def.id());
      catalog.changed();
      return def;
    }
  }

  /**
   * Renames a view (ALTER VIEW ... RENAME TO); its query text is unchanged.
   *
   * @throws CatalogException UNDEFINED_TABLE if there is no such view, DUPLICATE_TABLE if the new name is taken
   */
  public ViewDef rename(String name, String newName) {
    requireNonNull(newName, "newName");
    synchronized (catalog) {
      ViewDef def = views.get(name);
      if (def == null) {
        throw new CatalogException(CatalogException.Kind.UNDEFINED_TABLE, "view \"" + name + "\" does not exist");
      }
      catalog.checkIndexName(newName);
      ViewDef renamed = def.withName(newName);
      store.write(new KvBatch().delete(Space.CATALOG, key(name))
          .put(Space.CATALOG, key(newName), ViewSerializer.write(renamed)), true);
      views.remove(name);
      views.put(newName, renamed);
      viewsById.put(renamed.id(), renamed);
      catalog.changed();
      return renamed;
    }
  }

  private static CatalogException duplicate(String name) {
    return new CatalogException(CatalogException.Kind.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
  }

  private static byte[] key(String name) {
    return (PREFIX + name).getBytes(StandardCharsets.UTF_8);
  }
}
