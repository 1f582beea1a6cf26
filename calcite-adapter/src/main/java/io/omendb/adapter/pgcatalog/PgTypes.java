package io.omendb.adapter.pgcatalog;

import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.ColumnType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's built-in types with their fixed OIDs (pg_type rows captured from PostgreSQL 15, in the resource
 * {@code pg_type.tsv}), the type of each of our column types, and {@code format_type}.
 */
final class PgTypes {
  static final int BOOL = 16;
  static final int BYTEA = 17;
  static final int INT8 = 20;
  static final int INT2 = 21;
  static final int INT4 = 23;
  static final int TEXT = 25;
  static final int FLOAT4 = 700;
  static final int FLOAT8 = 701;
  static final int BPCHAR = 1042;
  static final int VARCHAR = 1043;
  static final int DATE = 1082;
  static final int TIME = 1083;
  static final int TIMESTAMP = 1114;
  static final int TIMESTAMPTZ = 1184;
  static final int NUMERIC = 1700;
  static final int UUID = 2950;
  static final int JSON = 114;
  static final int JSONB = 3802;
  static final int INTERVAL = 1186;
  /** The type modifier of {@code interval year to month}: the YEAR and MONTH field bits, full precision. */
  static final int INTERVAL_YEAR_TO_MONTH_TYPMOD = (((1 << 2) | (1 << 1)) << 16) | 0xFFFF;
  /** PostgreSQL's {@code array_in} and {@code array_out}, the input and output functions of every array type. */
  static final int ARRAY_IN = 750;
  static final int ARRAY_OUT = 751;
  /** The header PostgreSQL adds to the declared length in a type modifier. */
  private static final int VARHDRSZ = 4;

  /** One pg_type row: the columns pgjdbc and psql read. */
  record TypeRow(int oid, String name, short length, boolean byValue, String type, String category, int element,
      int array, int collation, String delimiter) {}

  private static final List<TypeRow> ROWS = load();
  private static final Map<Integer, TypeRow> BY_OID = index(ROWS);

  private PgTypes() {
  }

  static List<TypeRow> rows() {
    return ROWS;
  }

  /** The oid of one of the built-in functions we know by name, or null. */
  static Integer procedureOid(String name) {
    return switch (name) {
      case "array_in" -> ARRAY_IN;
      case "array_out" -> ARRAY_OUT;
      default -> null;
    };
  }

  /** Whether a type is an array type, whose input function is array_in. */
  static boolean isArray(TypeRow row) {
    return row.element() != 0 && row.name().startsWith("_");
  }

  static TypeRow byOid(int oid) {
    return BY_OID.get(oid);
  }

  static Integer oidOf(String name) {
    for (TypeRow row : ROWS) {
      if (row.name().equals(name)) {
        return row.oid();
      }
    }
    return null;
  }

  /** The pg_type OID of a column; VARCHAR without a length is {@code text}, as a column declared TEXT. */
  static int oidOf(ColumnDef column) {
    return switch (column.type()) {
      case BOOLEAN -> BOOL;
      case SMALLINT -> INT2;
      case INTEGER -> INT4;
      case BIGINT -> INT8;
      case REAL -> FLOAT4;
      case DOUBLE -> FLOAT8;
      case DECIMAL -> NUMERIC;
      case VARCHAR -> column.precision() > 0 ? VARCHAR : TEXT;
      case CHAR -> BPCHAR;
      case VARBINARY -> BYTEA;
      case DATE -> DATE;
      case TIME -> TIME;
      case TIMESTAMP -> TIMESTAMP;
      case UUID -> UUID;
      case JSON -> JSON;
      case JSONB -> JSONB;
      case TIMESTAMPTZ -> TIMESTAMPTZ;
      case INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH -> INTERVAL;
    };
  }

  /** The type modifier PostgreSQL stores for a column ({@code atttypmod}): -1 where the type takes none. */
  static int typmodOf(ColumnDef column) {
    ColumnType type = column.type();
    if ((type == ColumnType.VARCHAR || type == ColumnType.CHAR) && column.precision() > 0) {
      return column.precision() + VARHDRSZ;
    }
    if (type == ColumnType.INTERVAL_YEAR_MONTH) {
      return INTERVAL_YEAR_TO_MONTH_TYPMOD;
    }
    if (type == ColumnType.DECIMAL && column.precision() > 0) {
      return ((column.precision() << 16) | Math.max(column.scale(), 0)) + VARHDRSZ;
    }
    return -1;
  }

  /** PostgreSQL's {@code format_type(oid, typmod)}: the SQL name of a type with its modifier. */
  static String formatType(int oid, int typmod) {
    String base = switch (oid) {
      case BOOL -> "boolean";
      case INT2 -> "smallint";
      case INT4 -> "integer";
      case INT8 -> "bigint";
      case FLOAT4 -> "real";
      case FLOAT8 -> "double precision";
      case VARCHAR -> "character varying";
      case BPCHAR -> "character";
      case NUMERIC -> "numeric";
      case TIME -> "time without time zone";
      case TIMESTAMP -> "timestamp without time zone";
      case 1266 -> "time with time zone";
      case 1184 -> "timestamp with time zone";
      case INTERVAL -> "interval";
      default -> null;
    };
    if (base == null) {
      TypeRow row = BY_OID.get(oid);
      if (row == null) {
        return "???";
      }
      if (isArray(row)) {
        return formatType(row.element(), typmod) + "[]";
      }
      return row.name();
    }
    if (typmod < 0) {
      return base;
    }
    return switch (oid) {
      case VARCHAR, BPCHAR -> base + "(" + (typmod - VARHDRSZ) + ")";
      case NUMERIC -> base + "(" + ((typmod - VARHDRSZ) >> 16) + "," + ((typmod - VARHDRSZ) & 0xffff) + ")";
      case INTERVAL -> typmod == INTERVAL_YEAR_TO_MONTH_TYPMOD ? base + " year to month" : base;
      default -> base;
    };
  }

  private static List<TypeRow> load() {
    List<TypeRow> rows = new ArrayList<>();
    try (InputStream in = PgTypes.class.getResourceAsStream("pg_type.tsv")) {
      if (in == null) {
        throw new IllegalStateException("resource pg_type.tsv is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        // oid, typname, typlen, typbyval, typtype, typcategory, typelem, typarray, typrelid, typnotnull,
        // typbasetype, typtypmod, typndims, typcollation, typdelim
        String[] f = line.split("\t", -1);
        rows.add(new TypeRow(Integer.parseInt(f[0]), f[1], Short.parseShort(f[2]), f[3].equals("t"), f[4], f[5],
            Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[13]), f[14]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableList(rows);
  }

  private static Map<Integer, TypeRow> index(List<TypeRow> rows) {
    Map<Integer, TypeRow> byOid = new HashMap<>();
    rows.forEach(row -> byOid.put(row.oid(), row));
    return Map.copyOf(byOid);
  }
}
