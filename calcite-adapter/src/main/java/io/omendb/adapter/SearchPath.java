package io.omendb.adapter;

import io.omendb.engine.catalog.Schemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's {@code search_path}: the schemas in which unqualified names are looked up, in order, and the first of
 * which that exists receives what is created unqualified. {@code "$user"} stands for the schema named after the
 * session user; schemas that do not exist are skipped. {@code pg_catalog} is searched too (see
 * {@link io.omendb.adapter.pgcatalog.PgCatalogSchema}) but is not listed here: nothing can be created in it.
 */
public final class SearchPath {
  /** The parameter's name. */
  public static final String SETTING = "search_path";
  private static final String USER = "$user";

  private SearchPath() {}

  /** The schema names a {@code search_path} value lists, unquoted, {@code $user} as written. */
  public static List<String> parse(String setting) {
    List<String> names = new ArrayList<>();
    if (setting == null) {
      return names;
    }
    StringBuilder name = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < setting.length(); i++) {
      char c = setting.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < setting.length() && setting.charAt(i + 1) == '"') {
          name.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          name.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        add(names, name, wasQuoted);
        name.setLength(0);
        wasQuoted = false;
      } else if (!Character.isWhitespace(c)) {
        name.append(wasQuoted ? c : Character.toLowerCase(c));
      }
    }
    add(names, name, wasQuoted);
    return names;
  }

  private static void add(List<String> names, StringBuilder name, boolean quoted) {
    if (name.length() > 0) {
      names.add(quoted ? name.toString() : name.toString().toLowerCase(Locale.ROOT));
    }
  }

  /** The {@code search_path} value listing {@code names}, each quoted where PostgreSQL quotes it. */
  public static String format(List<String> names) {
    if (names.isEmpty() || names.size() == 1 && names.get(0).isEmpty()) {
      return "\"\"";
    }
    List<String> quoted = new ArrayList<>();
    for (String name : names) {
      quoted.add(name.matches("[a-z_][a-z0-9_$]*") ? name : '"' + name.replace("\"", "\"\"") + '"');
    }
    return String.join(", ", quoted);
  }

  /** The schemas of the path that exist, in order, {@code $user} replaced by {@code user}: current_schemas(false). */
  public static List<String> effective(String setting, String user, Schemas schemas) {
    List<String> effective = new ArrayList<>();
    for (String name : parse(setting)) {
      String schema = name.equals(USER) ? user : name;
      if (schemas.exists(schema) && !effective.contains(schema)) {
        effective.add(schema);
      }
    }
    return effective;
  }

  /**
   * The schema that receives what is created unqualified: the first of the path that exists.
   *
   * @throws SqlStateException 3F000 if none does
   */
  static String creationSchema(List<String> effective) {
    if (effective.isEmpty()) {
      throw new SqlStateException("3F000", "no schema has been selected to create in");
    }
    return effective.get(0);
  }

  /** The parts of a dotted name written as text, unquoted, or folded to lower case where not quoted. */
  public static List<String> splitQualified(String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          part.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          part.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '.') {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(Character.toLowerCase(c));
      }
    }
    parts.add(part.toString());
    return parts;
  }
}
