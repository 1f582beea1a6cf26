package io.omendb.adapter.pgcatalog;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.calcite.DataContext;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The functions of {@code pg_catalog} that psql and pgjdbc call. Those taking a {@link DataContext} first look
 * up the session's catalog through it ({@link PgFunction}); the others are plain scalar functions. Every
 * function returns null for a null argument, as PostgreSQL's strict functions do.
 */
public final class PgFunctions {
  /** PostgreSQL's number for the UTF8 encoding. */
  static final int UTF8_ENCODING = 6;

  private PgFunctions() {
  }

  static CatalogRows rows(DataContext root) {
    SchemaPlus schema = root.getRootSchema().getSubSchema(PgCatalogSchema.NAME);
    if (schema == null) {
      throw new IllegalStateException("the pg_catalog schema is not registered");
    }
    return new CatalogRows(schema.unwrap(PgCatalogSchema.class).session());
  }

  // Regular expressions: ~, ~*, !~ and !~* (PostgreSQL's textregexeq, texticregexeq, ...).

  public static Boolean textregexeq(String text, String pattern) {
    return text == null || pattern == null ? null : Pattern.compile(pattern).matcher(text).find();
  }

  public static Boolean textregexne(String text, String pattern) {
    Boolean matches = textregexeq(text, pattern);
    return matches == null ? null : !matches;
  }

  public static Boolean texticregexeq(String text, String pattern) {
    return text == null || pattern == null ? null
        : Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();
  }

  public static Boolean texticregexne(String text, String pattern) {
    Boolean matches = texticregexeq(text, pattern);
    return matches == null ? null : !matches;
  }

  // Types, expressions, descriptions.

  public static String format_type(Integer oid, Integer typmod) {
    return oid == null ? null : PgTypes.formatType(oid, typmod == null ? -1 : typmod);
  }

  /** Default expressions are stored as their SQL text, which is what pg_get_expr decompiles to. */
  public static String pg_get_expr(String expression, Integer relation) {
    return expression;
  }

  public static String pg_get_expr(String expression, Integer relation, Boolean pretty) {
    return expression;
  }

  // Sizes (PgSizes): the engine's estimates, for psql's \dt+ and \di+.

  public static Long pg_table_size(DataContext root, Integer oid) {
    return oid == null ? null : PgSizes.relationSize(root, oid);
  }

  public static Long pg_relation_size(DataContext root, Integer oid) {
    return oid == null ? null : PgSizes.relationSize(root, oid);
  }

  public static Long pg_indexes_size(DataContext root, Integer oid) {
    return oid == null ? null : PgSizes.indexesSize(root, oid);
  }

  public static Long pg_total_relation_size(DataContext root, Integer oid) {
    return oid == null ? null : PgSizes.totalSize(root, oid);
  }

  public static String pg_size_pretty(Long bytes) {
    return bytes == null ? null : PgSizes.pretty(bytes);
  }

  /** An identifier as SQL text: as it is when it is a plain lower-case name, else double-quoted. */
  public static String quote_ident(String identifier) {
    if (identifier == null) {
      return null;
    }
    return identifier.matches("[a-z_][a-z0-9_$]*") ? identifier : '"' + identifier.replace("\"", "\"\"") + '"';
  }

  public static String pg_encoding_to_char(Integer encoding) {
    return encoding == null ? null : encoding == UTF8_ENCODING ? "UTF8" : "";
  }

  /**
   * {@code set_config(name, value, is_local)}, which pg_dump calls to empty the search path: sets the parameter for
   * the rest of the session (also when {@code is_local}, which PostgreSQL undoes at the end of the transaction) and
   * returns the value.
   */
  public static String set_config(DataContext root, String name, String value, Boolean isLocal) {
    if (name == null) {
      throw new IllegalArgumentException("the name of a configuration parameter must not be null");
    }
    rows(root).setSetting(name, value);
    return value;
  }

  /** The COMMENT ON description of a table (in pg_class), or null. */
  public static String obj_description(DataContext root, Integer oid, String catalog) {
    return oid == null || !"pg_class".equals(catalog) ? null : rows(root).description(oid, 0);
  }

  public static String obj_description(DataContext root, Integer oid) {
    return oid == null ? null : rows(root).description(oid, 0);
  }

  /** The COMMENT ON description of a column (1-based), or null. */
  public static String col_description(DataContext root, Integer relation, Integer column) {
    return relation == null || column == null || column <= 0 ? null : rows(root).description(relation, column);
  }

  public static String shobj_description(Integer oid, String catalog) {
    return null;
  }

  /** Whether a relation's schema is on the session's search path (pg_catalog's relations always are). */
  public static Boolean pg_table_is_visible(DataContext root, Integer oid) {
    return oid == null ? null : rows(root).visible(oid);
  }

  /** Publications are not supported, so no relation is published. */
  public static Boolean pg_relation_is_publishable(Integer oid) {
    return oid == null ? null : false;
  }

  /** Extended statistics are not supported. */
  public static String pg_get_statisticsobjdef_columns(Integer oid) {
    return null;
  }

  public static String array_to_string(List<?> array, String delimiter) {
    if (array == null || delimiter == null) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    for (Object element : array) {
      if (element != null) {
        if (!text.isEmpty()) {
          text.append(delimiter);
        }
        text.append(element);
      }
    }
    return text.toString();
  }

  /** The upper bound of a one-dimensional array, counted from 1; null for an empty array. */
  public static Integer array_upper(List<?> array, Integer dimension) {
    if (array == null || dimension == null || dimension != 1 || array.isEmpty()) {
      return null;
    }
    return array.size();
  }

  // The session: version(), current_database(), current_schema(), current_schemas(bool).

  /** The version string, in PostgreSQL's form, of the PostgreSQL release whose behaviour we follow. */
  public static String version() {
    return "PostgreSQL " + PgSession.SERVER_VERSION + " (OmenDB)";
  }

  /** The process id the client was given in BackendKeyData; null for sessions not served over the wire protocol. */
  public static Integer pg_backend_pid(DataContext root) {
    SchemaPlus schema = root.getRootSchema().getSubSchema(PgCatalogSchema.NAME);
    if (schema == null) {
      throw new IllegalStateException("the pg_catalog schema is not registered");
    }
    return schema.unwrap(PgCatalogSchema.class).session().backendPid();
  }

  public static String current_database(DataContext root) {
    return rows(root).database();
  }

  /** The session user, who is also the current user: SET ROLE is not supported. */
  public static String current_user(DataContext root) {
    return rows(root).user();
  }

  public static String session_user(DataContext root) {
    return rows(root).user();
  }

  /** The first schema of the session's search path that exists, or null if none does. */
  public static String current_schema(DataContext root) {
    List<String> path = session(root).searchPath();
    return path.isEmpty() ? null : path.get(0);
  }

  /** The schemas of the search path that exist; with {@code implicit}, pg_catalog first, as PostgreSQL searches. */
  public static List<String> current_schemas(DataContext root, Boolean implicit) {
    if (implicit == null) {
      return null;
    }
    List<String> path = new java.util.ArrayList<>(session(root).searchPath());
    if (implicit) {
      path.add(0, PgCatalogSchema.NAME);
    }
    return path;
  }

  private static PgSession session(DataContext root) {
    SchemaPlus schema = root.getRootSchema().getSubSchema(PgCatalogSchema.NAME);
    if (schema == null) {
      throw new IllegalStateException("the pg_catalog schema is not registered");
    }
    return schema.unwrap(PgCatalogSchema.class).session();
  }

  // Lookups in the session's catalog.

  public static String pg_get_userbyid(DataContext root, Integer role) {
    return role == null ? null : rows(root).roleName(role);
  }

  public static String pg_get_indexdef(DataContext root, Integer index) {
    return index == null ? null : rows(root).indexDefinition(index);
  }

  /** With a column number above 0, the name of that key column of the index (pgjdbc's getIndexInfo asks so). */
  public static String pg_get_indexdef(DataContext root, Integer index, Integer column, Boolean pretty) {
    if (index == null || column == null) {
      return null;
    }
    return column == 0 ? rows(root).indexDefinition(index) : rows(root).indexColumn(index, column);
  }

  public static String pg_get_constraintdef(DataContext root, Integer constraint) {
    return constraint == null ? null : rows(root).constraintDefinition(constraint);
  }

  public static String pg_get_constraintdef(DataContext root, Integer constraint, Boolean pretty) {
    return constraint == null ? null : rows(root).constraintDefinition(constraint);
  }

  /** Rules are not stored (pg_rewrite is empty), so there is no rule to print. */
  public static String pg_get_ruledef(Integer rule, Boolean pretty) {
    return null;
  }

  /** The view's query text (see {@link ViewRows}); null for an oid that is not a view's. */
  public static String pg_get_viewdef(DataContext root, Integer view) {
    return view == null ? null : new ViewRows(session(root)).definition(view);
  }

  /** As {@link #pg_get_viewdef(DataContext, Integer)}; the text is the same with or without {@code pretty}. */
  public static String pg_get_viewdef(DataContext root, Integer view, Boolean pretty) {
    return pg_get_viewdef(root, view);
  }

  /** The definition of the view of this name. */
  public static String pg_get_viewdef(DataContext root, String view) {
    return view == null ? null : new ViewRows(session(root)).definition(view);
  }

  public static String pg_get_viewdef(DataContext root, String view, Boolean pretty) {
    return pg_get_viewdef(root, view);
  }

  public static String regclassout(DataContext root, Integer oid) {
    return oid == null ? null : rows(root).relationName(oid);
  }

  public static Integer regclassin(DataContext root, String name) {
    if (name == null) {
      return null;
    }
    Integer oid = rows(root).relationOid(name);
    if (oid != null) {
      return oid;
    }
    // the system catalogs that catalog queries name as class ids ('pg_catalog.pg_class'::regclass)
    return switch (name.startsWith("pg_catalog.") ? name.substring("pg_catalog.".length()) : name) {
      case "pg_class" -> PgOids.PG_CLASS_RELATION;
      case "pg_constraint" -> PgOids.PG_CONSTRAINT_RELATION;
      default -> null;
    };
  }

  public static String regnamespaceout(DataContext root, Integer oid) {
    return oid == null ? null : rows(root).namespaceName(oid);
  }

  public static String regroleout(DataContext root, Integer oid) {
    return oid == null ? null : rows(root).roleName(oid);
  }

  /** The oid of a function named in a {@code ::regproc} cast: only the array I/O functions pgjdbc asks for. */
  public static Integer regprocin(String name) {
    if (name == null) {
      return null;
    }
    return PgTypes.procedureOid(name.startsWith("pg_catalog.") ? name.substring(11) : name);
  }

  public static String regtypeout(Integer oid) {
    return oid == null ? null : PgTypes.formatType(oid, -1);
  }

  public static Integer regtypein(String name) {
    return name == null ? null : PgTypes.oidOf(name.startsWith("pg_catalog.") ? name.substring(11) : name);
  }
}
