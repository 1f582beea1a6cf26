package io.omendb.adapter.pgcatalog;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.AccessCatalog;
import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.IndexDef;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.catalog.ViewDef;
import io.omendb.engine.users.Role;
import io.omendb.engine.users.RoleStore;
import io.omendb.engine.users.TablePrivilege;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of the information_schema views for one moment of the engine catalog, computed as PostgreSQL 15's view
 * definitions compute them from its catalogs, including which rows the current user may see: a table and its
 * columns appear to its owner (or a member of the owner), to superusers and to whoever holds a privilege on it.
 */
final class InformationSchemaRows {
  private static final String YES = "YES";
  private static final String NO = "NO";
  /** PostgreSQL's largest field, the octet length it reports for strings without a declared length. */
  private static final int MAX_OCTET_LENGTH = 1073741824;
  /** The longest UTF8 encoding of one character, by which PostgreSQL multiplies a declared length. */
  private static final int UTF8_MAX_BYTES = 4;
  /** The precision, in fractional digits of a second, of time and timestamp columns without a declared one. */
  private static final int DEFAULT_SECONDS_PRECISION = 6;
  private static final Set<TablePrivilege> TABLE_VISIBILITY = EnumSet.allOf(TablePrivilege.class);
  private static final Set<TablePrivilege> COLUMN_VISIBILITY = EnumSet.of(TablePrivilege.SELECT,
      TablePrivilege.INSERT, TablePrivilege.UPDATE, TablePrivilege.REFERENCES);
  private static final Set<TablePrivilege> CONSTRAINT_VISIBILITY = EnumSet.complementOf(
      EnumSet.of(TablePrivilege.SELECT));

  private final PgSession session;
  private final RoleStore roles;
  private final boolean superuser;
  private final List<TableDef> tables;
  /** The views, as relations of a table's shape, ordered by id. */
  private final List<ViewDef> views;

  InformationSchemaRows(PgSession session) {
    this.session = requireNonNull(session, "session");
    this.roles = session.engine().roles();
    this.superuser = roles.isEmpty() || roles.role(session.user()).map(Role::superuser).orElse(false);
    this.tables = new ArrayList<>(session.engine().catalog().tables());
    tables.sort(Comparator.comparingInt(TableDef::id));
    this.views = new ArrayList<>(session.engine().catalog().views().views());
    views.sort(Comparator.comparingInt(ViewDef::id));
  }

  private String database() {
    return session.database();
  }

  /** {@code pg_has_role(owner, 'USAGE')}: a superuser, or the owner or a member of it. */
  private boolean owns(TableDef table) {
    return superuser || roles.isOwner(session.user(), table.id());
  }

  /** Whether the owner check or any of {@code privileges} lets the current user see the table's rows here. */
  private boolean sees(TableDef table, Set<TablePrivilege> privileges) {
    if (owns(table)) {
      return true;
    }
    for (TablePrivilege privilege : privileges) {
      if (roles.hasPrivilege(session.user(), table.id(), privilege)) {
        return true;
      }
    }
    return false;
  }

  List<Object[]> tables() {
    List<Object[]> rows = new ArrayList<>();
    for (TableDef table : tables) {
      if (!sees(table, TABLE_VISIBILITY)) {
        continue;
      }
      Map<String, Object> row = tableIdentity(table, "table_");
      row.put("table_type", "BASE TABLE");
      row.put("is_insertable_into", YES);
      row.put("is_typed", NO);
      rows.add(InformationSchemaRelations.TABLES.row(row));
    }
    for (ViewDef view : views) {
      if (!sees(view.relation(), TABLE_VISIBILITY)) {
        continue;
      }
      Map<String, Object> row = tableIdentity(view.relation(), "table_");
      row.put("table_type", "VIEW");
      row.put("is_insertable_into", NO);
      row.put("is_typed", NO);
      rows.add(InformationSchemaRelations.TABLES.row(row));
    }
    return rows;
  }

  List<Object[]> columns() {
    List<Object[]> rows = new ArrayList<>();
    List<TableDef> relations = new ArrayList<>(tables);
    views.forEach(view -> relations.add(view.relation()));
    for (TableDef table : relations) {
      if (!sees(table, COLUMN_VISIBILITY)) {
        continue;
      }
      Set<Integer> key = keyColumns(table);
      for (int i = 0; i < table.columns().size(); i++) {
        ColumnDef column = table.columns().get(i);
        int typeOid = PgTypes.oidOf(column);
        Map<String, Object> row = tableIdentity(table, "table_");
        row.put("column_name", column.name());
        row.put("ordinal_position", i + 1);
        row.put("column_default", column.defaultExpression());
        row.put("is_nullable", column.nullable() && !key.contains(i) ? YES : NO);
        row.put("data_type", PgTypes.formatType(typeOid, -1));
        typeFacts(column, row);
        row.put("udt_catalog", database());
        row.put("udt_schema", PgCatalogSchema.NAME);
        row.put("udt_name", PgTypes.byOid(typeOid).name());
        row.put("dtd_identifier", Integer.toString(i + 1));
        row.put("is_self_referencing", NO);
        row.put("is_identity", NO);
        row.put("identity_cycle", NO);
        row.put("is_generated", "NEVER");
        row.put("is_updatable", tables.contains(table) ? YES : NO);
        rows.add(InformationSchemaRelations.COLUMNS.row(row));
      }
    }
    return rows;
  }

  /** The length, precision, scale and fractional-seconds precision columns, as PostgreSQL's _pg_* helpers give them. */
  private static void typeFacts(ColumnDef column, Map<String, Object> row) {
    ColumnType type = column.type();
    switch (type) {
      case VARCHAR, CHAR -> {
        Integer length = column.precision() > 0 ? Integer.valueOf(column.precision())
            : type == ColumnType.CHAR ? Integer.valueOf(1) : null;
        row.put("character_maximum_length", length);
        row.put("character_octet_length", length == null ? MAX_OCTET_LENGTH : length * UTF8_MAX_BYTES);
      }
      case SMALLINT -> binaryNumber(row, 16);
      case INTEGER -> binaryNumber(row, 32);
      case BIGINT -> binaryNumber(row, 64);
      case REAL -> {
        row.put("numeric_precision", 24);
        row.put("numeric_precision_radix", 2);
      }
      case DOUBLE -> {
        row.put("numeric_precision", 53);
        row.put("numeric_precision_radix", 2);
      }
      case DECIMAL -> {
        row.put("numeric_precision", column.precision() > 0 ? column.precision() : null);
        row.put("numeric_precision_radix", 10);
        row.put("numeric_scale", column.precision() > 0 ? Math.max(column.scale(), 0) : null);
      }
      case DATE -> row.put("datetime_precision", 0);
      case TIME, TIMESTAMP, TIMESTAMPTZ -> row.put("datetime_precision", DEFAULT_SECONDS_PRECISION);
      default -> {
      }
    }
  }

  private static void binaryNumber(Map<String, Object> row, int bits) {
    row.put("numeric_precision", bits);
    row.put("numeric_precision_radix", 2);
    row.put("numeric_scale", 0);
  }

  /**
   * The schemas whose owner the current user is a member of or on which it has USAGE: all of them for a superuser,
   * otherwise those PUBLIC may use (information_schema, pg_catalog and public), as PostgreSQL 15 shows them.
   */
  List<Object[]> schemata() {
    List<Object[]> rows = new ArrayList<>();
    String bootstrap = session.user();
    for (String[] schema : new String[][] {{"information_schema", bootstrap}, {PgCatalogSchema.NAME, bootstrap},
        {"pg_toast", bootstrap}, {CatalogRows.PUBLIC, "pg_database_owner"}}) {
      if (!superuser && schema[0].equals("pg_toast")) {
        continue;
      }
      rows.add(InformationSchemaRelations.SCHEMATA.row(Map.of("catalog_name", database(),
          "schema_name", schema[0], "schema_owner", schema[1])));
    }
    for (io.omendb.engine.catalog.SchemaDef schema : PgNamespaces.userSchemas(session.engine().catalog())) {
      if (superuser || schema.owner().equals(session.user())) {
        rows.add(InformationSchemaRelations.SCHEMATA.row(Map.of("catalog_name", database(),
            "schema_name", schema.name(), "schema_owner", schema.owner())));
      }
    }
    return rows;
  }

  /**
   * Each primary key and UNIQUE constraint, and each NOT NULL column as PostgreSQL 15 lists it: a CHECK constraint named
   * {@code <namespace oid>_<table oid>_<column number>_not_null}.
   */
  List<Object[]> tableConstraints() {
    List<Object[]> rows = new ArrayList<>();
    for (TableDef table : tables) {
      if (!sees(table, CONSTRAINT_VISIBILITY)) {
        continue;
      }
      for (KeyConstraint constraint : keyConstraints(table)) {
        rows.add(tableConstraint(table, constraint.name(), constraint.type()));
      }
      Set<Integer> key = keyColumns(table);
      for (int i = 0; i < table.columns().size(); i++) {
        if (!table.columns().get(i).nullable() || key.contains(i)) {
          int namespace = PgNamespaces.ofRelation(session.engine().catalog(), table.name());
          rows.add(tableConstraint(table, namespace + "_" + PgOids.table(table) + "_" + (i + 1) + "_not_null",
              "CHECK"));
        }
      }
    }
    return rows;
  }

  private Object[] tableConstraint(TableDef table, String name, String type) {
    Map<String, Object> row = tableIdentity(table, "table_");
    row.putAll(constraintIdentity(table, name));
    row.put("constraint_type", type);
    row.put("is_deferrable", NO);
    row.put("initially_deferred", NO);
    row.put("enforced", YES);
    row.put("nulls_distinct", type.equals("UNIQUE") ? YES : null);
    return InformationSchemaRelations.TABLE_CONSTRAINTS.row(row);
  }

  /** The columns of each primary key and UNIQUE constraint, in key order. */
  List<Object[]> keyColumnUsage() {
    List<Object[]> rows = new ArrayList<>();
    for (TableDef table : tables) {
      if (!sees(table, COLUMN_VISIBILITY)) {
        continue;
      }
      for (KeyConstraint constraint : keyConstraints(table)) {
        int[] key = constraint.columns();
        for (int i = 0; i < key.length; i++) {
          Map<String, Object> row = tableIdentity(table, "table_");
          row.putAll(constraintIdentity(table, constraint.name()));
          row.put("column_name", table.columns().get(key[i]).name());
          row.put("ordinal_position", i + 1);
          rows.add(InformationSchemaRelations.KEY_COLUMN_USAGE.row(row));
        }
      }
    }
    return rows;
  }

  /** The columns each key constraint uses, for the tables whose owner the current user is a member of. */
  List<Object[]> constraintColumnUsage() {
    List<Object[]> rows = new ArrayList<>();
    for (TableDef table : tables) {
      if (!owns(table)) {
        continue;
      }
      for (KeyConstraint constraint : keyConstraints(table)) {
        for (int column : constraint.columns()) {
          Map<String, Object> row = tableIdentity(table, "table_");
          row.putAll(constraintIdentity(table, constraint.name()));
          row.put("column_name", table.columns().get(column).name());
          rows.add(InformationSchemaRelations.CONSTRAINT_COLUMN_USAGE.row(row));
        }
      }
    }
    return rows;
  }

  /** The privileges on tables the current user may see ({@link AccessCatalog#tablePrivileges}). */
  List<Object[]> tablePrivileges() {
    List<Object[]> rows = new ArrayList<>();
    List<TableDef> relations = new ArrayList<>(tables);
    views.forEach(view -> relations.add(view.relation()));
    for (AccessCatalog.TablePrivilegeRow privilege
        : new AccessCatalog(session.engine(), session.user()).tablePrivileges(relations)) {
      Map<String, Object> row = new HashMap<>();
      row.put("grantor", privilege.grantor());
      row.put("grantee", privilege.grantee());
      row.put("table_catalog", database());
      row.put("table_schema", io.omendb.engine.catalog.RelationNames.schemaOf(privilege.table()));
      row.put("table_name", io.omendb.engine.catalog.RelationNames.nameOf(privilege.table()));
      row.put("privilege_type", privilege.privilege().name());
      row.put("is_grantable", privilege.grantable() ? YES : NO);
      row.put("with_hierarchy", privilege.privilege() == TablePrivilege.SELECT ? YES : NO);
      rows.add(InformationSchemaRelations.TABLE_PRIVILEGES.row(row));
    }
    return rows;
  }

  /**
   * The database's character set: UTF8, whose repertoire is UCS, and its default collation, C, named as PostgreSQL
   * 15 names it for a database created with LOCALE 'C'.
   */
  List<Object[]> characterSets() {
    Map<String, Object> row = new HashMap<>();
    row.put("character_set_name", "UTF8");
    row.put("character_repertoire", "UCS");
    row.put("form_of_use", "UTF8");
    row.put("default_collate_catalog", database());
    row.put("default_collate_schema", PgCatalogSchema.NAME);
    row.put("default_collate_name", "ucs_basic");
    return List.<Object[]>of(InformationSchemaRelations.CHARACTER_SETS.row(row));
  }

  /**
   * Views the user owns or holds a privilege on; the definition (the stored query text, see {@link ViewRows}) is
   * shown to the owner only, as in PostgreSQL. Views are read-only here, so none is updatable.
   */
  List<Object[]> views() {
    List<Object[]> rows = new ArrayList<>();
    for (ViewDef view : views) {
      TableDef relation = view.relation();
      if (!sees(relation, TABLE_VISIBILITY)) {
        continue;
      }
      Map<String, Object> row = tableIdentity(relation, "table_");
      row.put("view_definition", owns(relation) ? ViewRows.definition(view) : null);
      row.put("check_option", "NONE");
      row.put("is_updatable", NO);
      row.put("is_insertable_into", NO);
      row.put("is_trigger_updatable", NO);
      row.put("is_trigger_deletable", NO);
      row.put("is_trigger_insertable_into", NO);
      rows.add(InformationSchemaRelations.VIEWS.row(row));
    }
    return rows;
  }

  /** Foreign keys: the catalog has none, so no rows. */
  List<Object[]> referentialConstraints() {
    return List.of();
  }

  /** Routines: user-defined functions do not exist, and the built-in ones are not listed. */
  List<Object[]> routines() {
    return List.of();
  }

  private Map<String, Object> tableIdentity(TableDef table, String prefix) {
    Map<String, Object> row = new HashMap<>();
    row.put(prefix + "catalog", database());
    row.put(prefix + "schema", io.omendb.engine.catalog.RelationNames.schemaOf(table.name()));
    row.put(prefix + "name", io.omendb.engine.catalog.RelationNames.nameOf(table.name()));
    return row;
  }

  /** A constraint of {@code table}: in the table's schema, named without it. */
  private Map<String, Object> constraintIdentity(TableDef table, String name) {
    Map<String, Object> row = new HashMap<>();
    row.put("constraint_catalog", database());
    row.put("constraint_schema", io.omendb.engine.catalog.RelationNames.schemaOf(table.name()));
    row.put("constraint_name", io.omendb.engine.catalog.RelationNames.nameOf(name));
    return row;
  }

  /** A primary key or UNIQUE constraint: its name, type and columns in key order. */
  private record KeyConstraint(String name, String type, int[] columns) {}

  /** The table's primary key, then its UNIQUE constraints (a plain unique index is no constraint). */
  private List<KeyConstraint> keyConstraints(TableDef table) {
    List<KeyConstraint> constraints = new ArrayList<>();
    if (!table.hasRowId()) {
      constraints.add(new KeyConstraint(table.primaryKeyName(), "PRIMARY KEY", table.primaryKey()));
    }
    for (IndexDef index : session.engine().catalog().indexes(table.name())) {
      if (index.constraint()) {
        constraints.add(new KeyConstraint(index.name(), "UNIQUE", index.columns()));
      }
    }
    return constraints;
  }

  private static Set<Integer> keyColumns(TableDef table) {
    Set<Integer> key = new java.util.HashSet<>();
    if (!table.hasRowId()) {
      for (int column : table.primaryKey()) {
        key.add(column);
      }
    }
    return key;
  }
}
