package io.omendb.adapter;

import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.users.TableAcl;

/**
 * Records who owns a table: its creator. Recorded also while no role exists yet, so that tables made in-process
 * before the server's first start belong to the user that made them (the embedded driver's {@code omendb}, the
 * server's default bootstrap superuser).
 */
final class Ownership {
  private Ownership() {}

  /** Makes the session's user the owner of the table it has just created. */
  static void created(SessionAccess access, TableDef table) {
    access.roles().putAcl(TableAcl.create(table.id(), access.user()));
  }
}
