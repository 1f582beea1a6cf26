package io.omendb.adapter.pgcatalog;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.AccessCatalog;
import io.omendb.engine.catalog.Catalog;
import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.Comments;
import io.omendb.engine.catalog.IndexDef;
import io.omendb.engine.catalog.RelationNames;
import io.omendb.engine.catalog.SequenceDef;
import io.omendb.engine.catalog.TableDef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The rows of the system catalogs for one moment of the engine catalog, and the lookups the catalog functions
 * make ({@code pg_get_indexdef}, {@code regclass}, ...). Our tables live in {@code public}, are owned by the role
 * that created them and have a primary-key index and constraint ({@code <table>_pkey} unless named otherwise).
 * Roles, memberships and table privileges come from the persisted roles ({@link AccessCatalog}); while none exists,
 * the session user is the bootstrap superuser.
 */
final class CatalogRows {
  static final String PUBLIC = "public";

  /** One relation of ours: a table, its primary-key index (index null) or a secondary index. */
  private record Rel(int oid, String name, String kind, TableDef table, IndexDef index) {
    boolean isPrimaryKey() {
      return kind.equals("i") && index == null;
    }

    /** An index that backs a UNIQUE constraint (its constraint's oid is the index's plus one). */
    boolean isUniqueConstraint() {
      return index != null && index.constraint();
    }

    /** The 1-based column numbers of an index's key. */
    int[] keyColumns() {
      int[] columns = index != null ? index.columns() : table.primaryKey();
      int[] attnums = new int[columns.length];
      for (int i = 0; i < columns.length; i++) {
        attnums[i] = columns[i] + 1;
      }
      return attnums;
    }
  }

  private final PgSession session;
  private final List<Rel> relations = new ArrayList<>();
  private final Map<Integer, Rel> byOid = new HashMap<>();
  private final AccessCatalog access;
  private final List<AccessCatalog.RoleRow> roleRows;
  private final Map<String, Integer> roleOids = new HashMap<>();

  CatalogRows(PgSession session) {
    this.session = requireNonNull(session, "session");
    this.access = new AccessCatalog(session.engine(), session.user());
    this.roleRows = access.roles().isEmpty() ? List.of(bootstrapRole(session.user())) : access.roles();
    roleOids.put(session.user(), PgOids.BOOTSTRAP_ROLE);
    for (int i = 0; i < roleRows.size(); i++) {
      roleOids.putIfAbsent(roleRows.get(i).name(), PgOids.role(i));
    }
    Catalog catalog = session.engine().catalog();
    List<TableDef> tables = new ArrayList<>(catalog.tables());
    tables.sort(Comparator.comparingInt(TableDef::id));
    for (TableDef table : tables) {
      add(new Rel(PgOids.table(table), table.name(), "r", table, null));
      if (!table.hasRowId()) {
        add(new Rel(PgOids.primaryKeyIndex(table), table.primaryKeyName(), "i", table, null));
      }
      for (IndexDef index : catalog.indexes(table.name())) {
        add(new Rel(PgOids.index(index), index.name(), "i", table, index));
      }
    }
    for (io.omendb.engine.catalog.ViewDef view : catalog.views().views()) {
      add(new Rel(PgOids.table(view.relation()), view.name(), "v", view.relation(), null));
    }
    for (SequenceDef sequence : catalog.sequences().sequences()) {
      // a sequence's table is the table of the column that owns it, if any
      TableDef owner = sequence.ownedByTable() == null ? null : catalog.table(sequence.ownedByTable()).orElse(null);
      add(new Rel(PgOids.sequence(sequence), sequence.name(), "S", owner, null));
    }
  }

  private void add(Rel rel) {
    relations.add(rel);
    byOid.put(rel.oid(), rel);
  }

  String user() {
    return session.user();
  }

  /** {@code set_config}: changes a setting of the session. */
  void setSetting(String name, String value) {
    session.setter().accept(name, value);
  }

  String database() {
    return session.database();
  }

  List<Object[]> namespaces() {
    PgRelation r = PgRelations.NAMESPACE;
    List<Object[]> rows = new ArrayList<>(List.of(
        r.row(Map.of("oid", PgOids.PG_CATALOG_NAMESPACE, "nspname", "pg_catalog", "nspowner", PgOids.BOOTSTRAP_ROLE)),
        r.row(Map.of("oid", PgOids.PG_TOAST_NAMESPACE, "nspname", "pg_toast", "nspowner", PgOids.BOOTSTRAP_ROLE)),
        r.row(Map.of("oid", PgOids.PUBLIC_NAMESPACE, "nspname", PUBLIC, "nspowner", PgOids.DATABASE_OWNER_ROLE)),
        r.row(Map.of("oid", PgOids.INFORMATION_SCHEMA_NAMESPACE, "nspname", "information_schema",
            "nspowner", PgOids.BOOTSTRAP_ROLE))));
    for (io.omendb.engine.catalog.SchemaDef schema : PgNamespaces.userSchemas(session.engine().catalog())) {
      rows.add(r.row(Map.of("oid", PgOids.namespace(schema), "nspname", schema.name(),
          "nspowner", roleOid(schema.owner()))));
    }
    return rows;
  }

  List<Object[]> classes() {
    List<Object[]> rows = new ArrayList<>();
    for (Rel rel : relations) {
      Map<String, Object> row = new HashMap<>();
      row.put("oid", rel.oid());
      row.put("relname", RelationNames.nameOf(rel.name()));
      row.put("relnamespace", PgNamespaces.ofRelation(session.engine().catalog(), rel.name()));
      row.put("relowner", rel.table() == null ? PgOids.BOOTSTRAP_ROLE
          : access.owner(rel.table()).map(this::roleOid).orElse(PgOids.BOOTSTRAP_ROLE));
      row.put("relfilenode", rel.oid());
      row.put("reltuples", -1f);
      row.put("relpersistence", "p");
      row.put("relkind", rel.kind());
      row.put("relreplident", rel.kind().equals("r") ? "d" : "n");
      row.put("relispopulated", true);
      if (rel.kind().equals("r") || rel.kind().equals("v")) {
        row.put("reltype", PgOids.rowType(rel.table()));
        row.put("relam", rel.kind().equals("v") ? 0 : PgOids.HEAP_AM);
        // a view is a relation with an ON SELECT rule in PostgreSQL; pg_rewrite lists none of ours
        row.put("relhasrules", rel.kind().equals("v"));
        row.put("relnatts", (short) rel.table().columns().size());
        row.put("relacl", relacl(rel.table()));
        row.put("relhasindex", !rel.table().hasRowId()
            || !session.engine().catalog().indexes(rel.table().name()).isEmpty());
      } else if (rel.kind().equals("S")) {
        row.put("relam", 0);
        row.put("relnatts", (short) 3);
      } else {
        row.put("relam", PgOids.BTREE_AM);
        row.put("relnatts", (short) rel.keyColumns().length);
      }
      rows.add(PgRelations.CLASS.row(row));
    }
    return rows;
  }

  /** {@code pg_sequence}: one row per sequence. */
  List<Object[]> sequences() {
    List<Object[]> rows = new ArrayList<>();
    for (SequenceDef sequence : session.engine().catalog().sequences().sequences()) {
      Map<String, Object> row = new HashMap<>();
      row.put("seqrelid", PgOids.sequence(sequence));
      row.put("seqtypid", switch (sequence.type()) {
        case SMALLINT -> PgTypes.INT2;
        case INTEGER -> PgTypes.INT4;
        default -> PgTypes.INT8;
      });
      row.put("seqstart", sequence.start());
      row.put("seqincrement", sequence.increment());
      row.put("seqmax", sequence.maxValue());
      row.put("seqmin", sequence.minValue());
      row.put("seqcache", sequence.cache());
      row.put("seqcycle", sequence.cycle());
      rows.add(PgRelations.SEQUENCE.row(row));
    }
    return rows;
  }

  List<Object[]> attributes() {
    List<Object[]> rows = new ArrayList<>();
    for (Rel rel : relations) {
      if (!rel.kind().equals("r") && !rel.kind().equals("v")) {
        continue;
      }
      TableDef table = rel.table();
      List<Integer> key = new ArrayList<>();
      for (int k : table.primaryKey()) {
        key.add(k);
      }
      for (int i = 0; i < table.columns().size(); i++) {
        ColumnDef column = table.columns().get(i);
        int typeOid = PgTypes.oidOf(column);
        PgTypes.TypeRow type = PgTypes.byOid(typeOid);
        boolean varlena = type.length() < 0;
        Map<String, Object> row = new HashMap<>();
        row.put("attrelid", rel.oid());
        row.put("attname", column.name());
        row.put("atttypid", typeOid);
        row.put("attstattarget", -1);
        row.put("attlen", type.length());
        row.put("attnum", (short) (i + 1));
        row.put("attcacheoff", -1);
        row.put("atttypmod", PgTypes.typmodOf(column));
        row.put("attbyval", type.byValue());
        row.put("attalign", varlena ? "i" : type.length() == 8 ? "d" : "i");
        // numeric is the one varlena type of ours PostgreSQL stores "main" (compressed, not out of line)
        row.put("attstorage", typeOid == PgTypes.NUMERIC ? "m" : varlena ? "x" : "p");
        row.put("attcompression", "");
        row.put("attnotnull", !column.nullable() || key.contains(i));
        String identity = identity(table, column);
        row.put("atthasdef", column.defaultExpression() != null && identity.isEmpty());
        row.put("attidentity", identity);
        row.put("attgenerated", "");
        row.put("attislocal", true);
        row.put("attcollation", type.collation());
        rows.add(PgRelations.ATTRIBUTE.row(row));
      }
    }
    return rows;
  }

  /** {@code attidentity}: "a" or "d" for an identity column (whose default is then not shown), else empty. */
  private String identity(TableDef table, ColumnDef column) {
    for (SequenceDef sequence : session.engine().catalog().sequences().ownedBy(table.name())) {
      if (column.name().equals(sequence.ownedByColumn())) {
        return sequence.identity().code();
      }
    }
    return "";
  }

  List<Object[]> attributeDefaults() {
    List<Object[]> rows = new ArrayList<>();
    for (Rel rel : relations) {
      if (!rel.kind().equals("r")) {
        continue;
      }
      List<ColumnDef> columns = rel.table().columns();
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).defaultExpression() != null && identity(rel.table(), columns.get(i)).isEmpty()) {
          rows.add(PgRelations.ATTRDEF.row(Map.of("oid", 0, "adrelid", rel.oid(), "adnum", (short) (i + 1),
              "adbin", columns.get(i).defaultExpression())));
        }
      }
    }
    return rows;
  }

  List<Object[]> indexes() {
    List<Object[]> rows = new ArrayList<>();
    for (Rel rel : relations) {
      if (!rel.kind().equals("i")) {
        continue;
      }
      int[] key = rel.keyColumns();
      List<Short> indkey = new ArrayList<>();
      List<Integer> zeros = new ArrayList<>();
      List<Short> options = new ArrayList<>();
      for (int attnum : key) {
        indkey.add((short) attnum);
        zeros.add(0);
        options.add((short) 0);
      }
      Map<String, Object> row = new HashMap<>();
      row.put("indexrelid", rel.oid());
      row.put("indrelid", PgOids.table(rel.table()));
      row.put("indnatts", (short) key.length);
      row.put("indnkeyatts", (short) key.length);
      row.put("indisunique", rel.isPrimaryKey() || rel.index().unique());
      row.put("indisprimary", rel.isPrimaryKey());
      row.put("indimmediate", true);
      row.put("indisvalid", true);
      row.put("indisready", true);
      row.put("indislive", true);
      row.put("indkey", indkey);
      row.put("indcollation", zeros);
      row.put("indclass", zeros);
      row.put("indoption", options);
      rows.add(PgRelations.INDEX.row(row));
    }
    return rows;
  }

  List<Object[]> constraints() {
    List<Object[]> rows = new ArrayList<>();
    for (Rel rel : relations) {
      if (!rel.isPrimaryKey() && !rel.isUniqueConstraint()) {
        continue;
      }
      List<Short> conkey = new ArrayList<>();
      for (int attnum : rel.keyColumns()) {
        conkey.add((short) attnum);
      }
      Map<String, Object> row = new HashMap<>();
      row.put("oid", rel.isPrimaryKey() ? PgOids.primaryKeyConstraint(rel.table()) : rel.oid() + 1);
      row.put("conname", RelationNames.nameOf(rel.name()));
      row.put("connamespace", PgNamespaces.ofRelation(session.engine().catalog(), rel.name()));
      row.put("contype", rel.isPrimaryKey() ? "p" : "u");
      row.put("convalidated", true);
      row.put("conrelid", PgOids.table(rel.table()));
      row.put("conindid", rel.oid());
      row.put("conislocal", true);
      row.put("connoinherit", true);
      row.put("conkey", conkey);
      rows.add(PgRelations.CONSTRAINT.row(row));
    }
    return rows;
  }

  /** pg_description: the COMMENT ON descriptions of tables (objsubid 0) and their columns. */
  List<Object[]> descriptions() {
    List<Object[]> rows = new ArrayList<>();
    Comments comments = session.engine().comments();
    for (Rel rel : relations) {
      if (!rel.kind().equals("r") && !rel.kind().equals("v")) {
        continue;
      }
      TableDef table = rel.table();
      comments.table(table).ifPresent(text -> rows.add(description(rel.oid(), 0, text)));
      for (int i = 0; i < table.columns().size(); i++) {
        int attnum = i + 1;
        comments.column(table, i).ifPresent(text -> rows.add(description(rel.oid(), attnum, text)));
      }
    }
    return rows;
  }

  private static Object[] description(int oid, int subId, String text) {
    return PgRelations.DESCRIPTION.row(Map.of("objoid", oid, "classoid", PgOids.PG_CLASS_RELATION, "objsubid", subId,
        "description", text));
  }

  /** {@code obj_description} (column 0) and {@code col_description}: the comment on a table or column, or null. */
  String description(int oid, int column) {
    Rel rel = byOid.get(oid);
    if (rel == null || !rel.kind().equals("r") && !rel.kind().equals("v")) {
      return null;
    }
    Comments comments = session.engine().comments();
    if (column == 0) {
      return comments.table(rel.table()).orElse(null);
    }
    return column > rel.table().columns().size() ? null : comments.column(rel.table(), column - 1).orElse(null);
  }

  List<Object[]> accessMethods() {
    PgRelation r = PgRelations.AM;
    return List.of(
        r.row(Map.of("oid", PgOids.HEAP_AM, "amname", "heap", "amtype", "t")),
        r.row(Map.of("oid", PgOids.BTREE_AM, "amname", "btree", "amtype", "i")));
  }

  List<Object[]> types() {
    List<Object[]> rows = new ArrayList<>();
    for (PgTypes.TypeRow type : PgTypes.rows()) {
      Map<String, Object> row = new HashMap<>();
      row.put("oid", type.oid());
      row.put("typname", type.name());
      row.put("typnamespace", PgOids.PG_CATALOG_NAMESPACE);
      row.put("typowner", PgOids.BOOTSTRAP_ROLE);
      row.put("typlen", type.length());
      row.put("typbyval", type.byValue());
      row.put("typtype", type.type());
      row.put("typcategory", type.category());
      row.put("typisdefined", true);
      row.put("typdelim", type.delimiter());
      row.put("typelem", type.element());
      row.put("typarray", type.array());
      row.put("typtypmod", -1);
      if (PgTypes.isArray(type)) {
        row.put("typinput", PgTypes.ARRAY_IN);
        row.put("typoutput", PgTypes.ARRAY_OUT);
      }
      row.put("typcollation", type.collation());
      rows.add(PgRelations.TYPE.row(row));
    }
    return rows;
  }

  List<Object[]> databases() {
    Map<String, Object> row = new HashMap<>();
    row.put("oid", PgOids.DATABASE);
    row.put("datname", database());
    row.put("datdba", PgOids.BOOTSTRAP_ROLE);
    row.put("encoding", PgFunctions.UTF8_ENCODING);
    row.put("datlocprovider", "c");
    row.put("datallowconn", true);
    row.put("datconnlimit", -1);
    row.put("dattablespace", PgOids.DEFAULT_TABLESPACE);
    row.put("datcollate", "C");
    row.put("datctype", "C");
    return List.<Object[]>of(PgRelations.DATABASE.row(row));
  }

  /** The role the session user is while no role has been created: a superuser with every attribute. */
  private static AccessCatalog.RoleRow bootstrapRole(String user) {
    return new AccessCatalog.RoleRow(user, true, true, true, true, -1, Optional.empty(),
        Optional.of(AccessCatalog.HIDDEN_PASSWORD), List.of());
  }

  /** A role's oid: 10 for the session user, otherwise numbered by the role's place in name order. */
  private int roleOid(String name) {
    Integer oid = roleOids.get(name);
    return oid != null ? oid : PgOids.BOOTSTRAP_ROLE;
  }

  /**
   * PostgreSQL's {@code relacl}: null while the table has only its owner's implicit privileges (as PostgreSQL's
   * default ACL), otherwise the owner's item and each grant.
   */
  private List<String> relacl(TableDef table) {
    return access.relacl(table).filter(items -> items.size() > 1).orElse(null);
  }

  /** A timestamp column's value: epoch milliseconds, as Calcite represents TIMESTAMP. */
  private static Long timestamp(Optional<Instant> instant) {
    return instant.map(Instant::toEpochMilli).orElse(null);
  }

  /** The attributes pg_roles and pg_authid share; replication and RLS bypass are a superuser's. */
  private Map<String, Object> roleAttributes(AccessCatalog.RoleRow role) {
    Map<String, Object> row = new HashMap<>();
    row.put("oid", roleOid(role.name()));
    row.put("rolname", role.name());
    row.put("rolsuper", role.superuser());
    row.put("rolinherit", true);
    row.put("rolcreaterole", role.createRole());
    row.put("rolcreatedb", role.createDb());
    row.put("rolcanlogin", role.canLogin());
    row.put("rolreplication", role.superuser());
    row.put("rolbypassrls", role.superuser());
    row.put("rolconnlimit", role.connectionLimit());
    row.put("rolvaliduntil", timestamp(role.validUntil()));
    return row;
  }

  /**
   * Every role (its password always shown as {@code ********}, as PostgreSQL's pg_roles does), and PostgreSQL's
   * pg_database_owner, which owns public.
   */
  List<Object[]> roles() {
    List<Object[]> rows = new ArrayList<>();
    for (AccessCatalog.RoleRow role : roleRows) {
      Map<String, Object> row = roleAttributes(role);
      row.put("rolpassword", AccessCatalog.HIDDEN_PASSWORD);
      rows.add(PgRelations.ROLES.row(row));
    }
    Map<String, Object> owner = new HashMap<>();
    owner.put("oid", PgOids.DATABASE_OWNER_ROLE);
    owner.put("rolname", "pg_database_owner");
    owner.put("rolinherit", true);
    owner.put("rolconnlimit", -1);
    owner.put("rolpassword", AccessCatalog.HIDDEN_PASSWORD);
    rows.add(PgRelations.ROLES.row(owner));
    return rows;
  }

  /** Every role with its password verifier, which only a superuser sees ({@code ********} for others). */
  List<Object[]> authIds() {
    List<Object[]> rows = new ArrayList<>();
    for (AccessCatalog.RoleRow role : roleRows) {
      Map<String, Object> row = roleAttributes(role);
      row.put("rolpassword", role.password().orElse(null));
      rows.add(PgRelations.AUTHID.row(row));
    }
    return rows;
  }

  /** Each membership: the group as roleid, granted by the bootstrap superuser, without ADMIN OPTION. */
  List<Object[]> authMembers() {
    List<Object[]> rows = new ArrayList<>();
    for (AccessCatalog.RoleRow role : roleRows) {
      for (String group : role.memberOf()) {
        rows.add(PgRelations.AUTH_MEMBERS.row(Map.of("roleid", roleOid(group), "member", roleOid(role.name()),
            "grantor", PgOids.BOOTSTRAP_ROLE, "admin_option", false)));
      }
    }
    return rows;
  }

  /** The roles that can log in. */
  List<Object[]> users() {
    List<Object[]> rows = new ArrayList<>();
    for (AccessCatalog.RoleRow role : roleRows) {
      if (!role.canLogin()) {
        continue;
      }
      Map<String, Object> user = new HashMap<>();
      user.put("usename", role.name());
      user.put("usesysid", roleOid(role.name()));
      user.put("usecreatedb", role.createDb());
      user.put("usesuper", role.superuser());
      user.put("userepl", role.superuser());
      user.put("usebypassrls", role.superuser());
      user.put("passwd", AccessCatalog.HIDDEN_PASSWORD);
      user.put("valuntil", timestamp(role.validUntil()));
      rows.add(PgRelations.USER.row(user));
    }
    return rows;
  }

  List<Object[]> tablespaces() {
    PgRelation r = PgRelations.TABLESPACE;
    return List.of(
        r.row(Map.of("oid", PgOids.DEFAULT_TABLESPACE, "spcname", "pg_default", "spcowner", PgOids.BOOTSTRAP_ROLE)),
        r.row(Map.of("oid", PgOids.GLOBAL_TABLESPACE, "spcname", "pg_global", "spcowner", PgOids.BOOTSTRAP_ROLE)));
  }

  List<Object[]> collations() {
    PgRelation r = PgRelations.COLLATION;
    return List.of(
        r.row(Map.of("oid", PgOids.DEFAULT_COLLATION, "collname", "default", "collnamespace",
            PgOids.PG_CATALOG_NAMESPACE, "collowner", PgOids.BOOTSTRAP_ROLE, "collprovider", "d",
            "collisdeterministic", true, "collencoding", -1)),
        r.row(Map.of("oid", PgOids.C_COLLATION, "collname", "C", "collnamespace", PgOids.PG_CATALOG_NAMESPACE,
            "collowner", PgOids.BOOTSTRAP_ROLE, "collprovider", "c", "collisdeterministic", true,
            "collencoding", -1, "collcollate", "C", "collctype", "C")));
  }

  /** The preset limits clients read from pg_settings: {@code max_index_keys}, which pgjdbc's getImportedKeys needs. */
  List<Object[]> settings() {
    Map<String, Object> row = new HashMap<>();
    row.put("name", "max_index_keys");
    row.put("setting", "32");
    row.put("category", "Preset Options");
    row.put("short_desc", "Shows the maximum number of index keys.");
    row.put("context", "internal");
    row.put("vartype", "integer");
    row.put("source", "default");
    row.put("min_val", "32");
    row.put("max_val", "32");
    row.put("boot_val", "32");
    row.put("reset_val", "32");
    return List.<Object[]>of(PgRelations.SETTINGS.row(row));
  }

  /** The name of a relation (regclass output): ours by oid, or the oid itself as text when unknown. */
  String relationName(int oid) {
    Rel rel = byOid.get(oid);
    return rel != null ? PgNamespaces.regclassText(rel.name(), session.searchPath()) : Integer.toString(oid);
  }

  /** Whether the relation with this oid is ours and its schema is on the search path (pg_table_is_visible). */
  boolean visible(int oid) {
    Rel rel = byOid.get(oid);
    return rel == null || session.searchPath().contains(RelationNames.schemaOf(rel.name()));
  }

  /** The oid of a relation named {@code name}, optionally {@code public.}-qualified (regclass input). */
  Integer relationOid(String name) {
    String unqualified = PgNamespaces.engineName(session.engine().catalog(), name, session.searchPath(),
        engineName -> relations.stream().anyMatch(rel -> rel.name().equals(engineName)));
    for (Rel rel : relations) {
      if (rel.name().equals(unqualified)) {
        return rel.oid();
      }
    }
    return null;
  }

  String namespaceName(int oid) {
    return switch (oid) {
      case PgOids.PG_CATALOG_NAMESPACE -> "pg_catalog";
      case PgOids.PG_TOAST_NAMESPACE -> "pg_toast";
      case PgOids.PUBLIC_NAMESPACE -> PUBLIC;
      case PgOids.INFORMATION_SCHEMA_NAMESPACE -> "information_schema";
      default -> java.util.Objects.requireNonNullElse(
          PgNamespaces.userSchemaName(session.engine().catalog(), oid), Integer.toString(oid));
    };
  }

  String roleName(int oid) {
    if (oid == PgOids.DATABASE_OWNER_ROLE) {
      return "pg_database_owner";
    }
    for (Map.Entry<String, Integer> role : roleOids.entrySet()) {
      if (role.getValue() == oid) {
        return role.getKey();
      }
    }
    return "unknown (OID=" + oid + ")";
  }

  /** {@code pg_get_indexdef}: the CREATE INDEX statement of an index, or null for an unknown oid. */
  String indexDefinition(int oid) {
    Rel rel = byOid.get(oid);
    if (rel == null || !rel.kind().equals("i")) {
      return null;
    }
    boolean unique = rel.isPrimaryKey() || rel.index().unique();
    return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + RelationNames.nameOf(rel.name()) + " ON "
        + RelationNames.schemaOf(rel.table().name()) + "." + RelationNames.nameOf(rel.table().name())
        + " USING btree " + columnList(rel);
  }

  /** The name of the {@code column}th (1-based) key column of an index; null when there is no such column. */
  String indexColumn(int oid, int column) {
    Rel rel = byOid.get(oid);
    if (rel == null || !rel.kind().equals("i") || column < 1 || column > rel.keyColumns().length) {
      return null;
    }
    return rel.table().columns().get(rel.keyColumns()[column - 1] - 1).name();
  }

  /** {@code pg_get_constraintdef}: the definition of a constraint, or null for an unknown oid. */
  String constraintDefinition(int oid) {
    for (Rel rel : relations) {
      if (rel.isPrimaryKey() && PgOids.primaryKeyConstraint(rel.table()) == oid) {
        return "PRIMARY KEY " + columnList(rel);
      }
      if (rel.isUniqueConstraint() && rel.oid() + 1 == oid) {
        return "UNIQUE " + columnList(rel);
      }
    }
    return null;
  }

  private static String columnList(Rel rel) {
    StringJoiner columns = new StringJoiner(", ", "(", ")");
    for (int attnum : rel.keyColumns()) {
      columns.add(rel.table().columns().get(attnum - 1).name());
    }
    return columns.toString();
  }
}
