package io.omendb.adapter.pgcatalog;

import io.omendb.engine.catalog.IndexDef;
import io.omendb.engine.catalog.SequenceDef;
import io.omendb.engine.catalog.TableDef;

/**
 * Object identifiers: PostgreSQL's fixed OIDs for built-in objects, and stable OIDs for ours derived from the
 * persisted table and index ids (never reused), above PostgreSQL's first user OID.
 */
final class PgOids {
  /** The bootstrap superuser role, as whom everything is owned. */
  static final int BOOTSTRAP_ROLE = 10;
  /** The role that owns the public schema in PostgreSQL 15. */
  static final int DATABASE_OWNER_ROLE = 6171;
  static final int PG_CATALOG_NAMESPACE = 11;
  static final int PG_TOAST_NAMESPACE = 99;
  static final int PUBLIC_NAMESPACE = 2200;
  static final int INFORMATION_SCHEMA_NAMESPACE = 13000;
  static final int HEAP_AM = 2;
  static final int BTREE_AM = 403;
  static final int DEFAULT_TABLESPACE = 1663;
  static final int GLOBAL_TABLESPACE = 1664;
  static final int DEFAULT_COLLATION = 100;
  static final int C_COLLATION = 950;
  static final int DATABASE = 16384;
  /** pg_class's own oid, the class id of relations in pg_description and pg_depend. */
  static final int PG_CLASS_RELATION = 1259;
  static final int PG_CONSTRAINT_RELATION = 2606;

  /** PostgreSQL's first OID for user objects. */
  private static final int FIRST_USER_OID = 16384;
  /** Each table takes four OIDs: the table, its primary-key index, that index's constraint, its row type. */
  private static final int PER_TABLE = 4;
  /** Secondary indexes are numbered from here, two OIDs each: the index and its (unique) constraint. */
  private static final int FIRST_INDEX_OID = 1 << 24;
  /** Sequences are numbered from here by their persisted id. */
  private static final int FIRST_SEQUENCE_OID = (1 << 23) + (1 << 22);
  /** Schemas other than public are numbered from here by their persisted id. */
  private static final int FIRST_NAMESPACE_OID = (1 << 23) + (1 << 21);
  /** Roles other than the session user (oid 10) are numbered from here by their place in name order. */
  private static final int FIRST_ROLE_OID = 1 << 23;

  private PgOids() {
  }

  static int table(TableDef table) {
    return FIRST_USER_OID + PER_TABLE * (table.id() + 1);
  }

  static int primaryKeyIndex(TableDef table) {
    return table(table) + 1;
  }

  static int primaryKeyConstraint(TableDef table) {
    return table(table) + 2;
  }

  static int rowType(TableDef table) {
    return table(table) + 3;
  }

  /** The oid of the role at {@code position} in name order (roles have no persisted id). */
  static int role(int position) {
    return FIRST_ROLE_OID + position;
  }

  static int sequence(SequenceDef sequence) {
    return FIRST_SEQUENCE_OID + sequence.id();
  }

  static int namespace(io.omendb.engine.catalog.SchemaDef schema) {
    return schema.id() == 0 ? PUBLIC_NAMESPACE : FIRST_NAMESPACE_OID + schema.id();
  }

  static int index(IndexDef index) {
    return FIRST_INDEX_OID + 2 * index.id();
  }
}
