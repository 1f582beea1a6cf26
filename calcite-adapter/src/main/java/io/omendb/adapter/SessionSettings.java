package io.omendb.adapter;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A session's run-time parameters ({@code SET}, {@code SHOW}, {@code RESET}) with PostgreSQL's defaults for the
 * ones clients ask about. Names are case-insensitive. Unknown names are refused (42704) unless they contain a dot,
 * which PostgreSQL reserves for extension-defined ("custom") parameters.
 */
final class SessionSettings {
  static final String DEFAULT_TRANSACTION_ISOLATION = "default_transaction_isolation";
  static final String TRANSACTION_ISOLATION = "transaction_isolation";
  static final String TIME_ZONE = "timezone";

  private static final Map<String, String> DEFAULTS = defaults();

  /** Values the client's startup message gave: what RESET and DISCARD ALL return to, as in PostgreSQL. */
  private final Map<String, String> startup = new TreeMap<>();
  private final Map<String, String> values = new TreeMap<>();

  private static Map<String, String> defaults() {
    Map<String, String> defaults = new TreeMap<>();
    defaults.put("application_name", "");
    defaults.put("client_encoding", "UTF8");
    defaults.put("client_min_messages", "notice");
    defaults.put("datestyle", "ISO, MDY");
    defaults.put(DEFAULT_TRANSACTION_ISOLATION, "read committed");
    defaults.put("default_transaction_read_only", "off");
    defaults.put("extra_float_digits", "1");
    defaults.put("idle_in_transaction_session_timeout", "0");
    defaults.put("integer_datetimes", "on");
    defaults.put("intervalstyle", "postgres");
    defaults.put("lock_timeout", "0");
    defaults.put("max_identifier_length", "63");
    defaults.put("search_path", "\"$user\", public");
    defaults.put("server_encoding", "UTF8");
    defaults.put("server_version", "15.0");
    defaults.put("server_version_num", "150000");
    defaults.put("standard_conforming_strings", "on");
    defaults.put("statement_timeout", "0");
    defaults.put("synchronous_commit", "on");
    defaults.put("timezone", "UTC");
    defaults.put("transaction_read_only", "off");
    defaults.put("bytea_output", "hex");
    defaults.put("geqo", "on");
    defaults.put("jit", "off");
    // Set by every pg_dump script; accepted and shown, with no effect on what OmenDB has (see docs/sql.md).
    defaults.put("check_function_bodies", "on");
    defaults.put("xmloption", "content");
    defaults.put("row_security", "on");
    defaults.put("default_tablespace", "");
    defaults.put("default_table_access_method", "heap");
    return Collections.unmodifiableMap(defaults);
  }

  static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** The current value, or null if the parameter is unknown. */
  String get(String name) {
    String key = normalize(name);
    String value = values.get(key);
    if (value == null) {
      value = startup.get(key);
    }
    return value != null ? value : DEFAULTS.get(key);
  }

  /** Sets a parameter; null resets it to its default. */
  void set(String name, String value) {
    String key = normalize(name);
    if (!DEFAULTS.containsKey(key) && key.indexOf('.') < 0 && !key.equals(TRANSACTION_ISOLATION)) {
      throw new SqlStateException("42704", "unrecognized configuration parameter \"" + name + "\"");
    }
    if (key.equals(TIME_ZONE) && value != null) {
      TimestampTzText.zone(value);
    }
    if (value == null) {
      values.remove(key);
    } else {
      values.put(key, value);
    }
  }

  /** Sets a parameter from a client's startup message; unknown names are kept rather than refused. */
  void setFromStartup(String name, String value) {
    if (normalize(name).equals(TIME_ZONE)) {
      try {
        TimestampTzText.zone(value);
      } catch (SqlStateException e) {
        return; // a zone this JVM does not know: the session keeps the default
      }
    }
    startup.put(normalize(name), value);
  }

  void resetAll() {
    values.clear();
  }

  /** Every parameter with its current value, in name order. */
  Map<String, String> all() {
    Map<String, String> all = new TreeMap<>(DEFAULTS);
    all.putAll(startup);
    all.remove(SessionFactory.BACKEND_PID);
    all.putAll(values);
    return Collections.unmodifiableMap(all);
  }
}
