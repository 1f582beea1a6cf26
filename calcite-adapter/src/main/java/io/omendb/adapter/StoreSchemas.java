package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.catalog.Catalog;
import io.omendb.engine.catalog.SchemaDef;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.SchemaPlus;

/**
 * Keeps a session's Calcite root schema holding one {@link StoreSchema} per schema of the engine catalog, so that
 * {@code s.t} resolves to table {@code t} of schema {@code s}: schemas created or dropped (by any session) are added
 * or removed before the session's next statement is planned.
 */
final class StoreSchemas {
  private final SchemaPlus root;
  private final StoreSchema publicSchema;
  private final Catalog catalog;
  private final Set<String> registered = new HashSet<>();
  private long syncedVersion = -1;

  StoreSchemas(SchemaPlus root, StoreSchema publicSchema) {
    this.root = requireNonNull(root, "root");
    this.publicSchema = requireNonNull(publicSchema, "publicSchema");
    this.catalog = publicSchema.engine().catalog();
    root.add(StoreSchema.NAME, publicSchema);
    registered.add(StoreSchema.NAME);
  }

  /** The schemas of the session's search path that exist, in order. */
  List<String> searchPath() {
    return publicSchema.searchPath();
  }

  /** Brings the root's store schemas in line with the catalog's schemas; cheap when the catalog did not change. */
  synchronized void sync() {
    long version = catalog.version();
    if (version == syncedVersion) {
      return;
    }
    Set<String> current = new HashSet<>();
    for (SchemaDef schema : catalog.schemas().schemas()) {
      current.add(schema.name());
      if (registered.add(schema.name())) {
        root.add(schema.name(), publicSchema.sibling(schema.name()));
      }
    }
    for (String name : Set.copyOf(registered)) {
      if (!current.contains(name)) {
        root.unwrap(CalciteSchema.class).removeSubSchema(name);
        registered.remove(name);
      }
    }
    syncedVersion = version;
  }
}
