package io.omendb.pg.server;

import io.omendb.adapter.ColumnMeta;
import io.omendb.adapter.CopyFormat;
import io.omendb.pg.types.PgType;
import io.omendb.pg.types.TextFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes the rows of a {@code COPY TO STDOUT} as PostgreSQL does: one line per row, in text format or CSV. */
final class CopyDataEncoder {
  private final CopyFormat format;
  private final PgType[] types;

  CopyDataEncoder(CopyFormat format, List<ColumnMeta> columns) {
    this.format = format;
    this.types = columns.stream().map(c -> PgType.fromSqlType(c.jdbcType(), c.typeName())).toArray(PgType[]::new);
  }

  /** The header line of column names. */
  byte[] header(List<ColumnMeta> columns) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        line.append(format.delimiter());
      }
      appendValue(line, columns.get(i).name());
    }
    return line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One row as a line. */
  byte[] row(Object[] row) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        line.append(format.delimiter());
      }
      String text = TextFormat.encode(types[i], row[i]);
      if (text == null) {
        line.append(format.nullString());
      } else {
        appendValue(line, text);
      }
    }
    return line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
  }

  private void appendValue(StringBuilder line, String text) {
    if (format.csv()) {
      boolean quote = text.equals(format.nullString()) || text.indexOf(format.delimiter()) >= 0
          || text.indexOf(format.quote()) >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
          || text.equals("\\.");
      if (!quote) {
        line.append(text);
        return;
      }
      line.append(format.quote());
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == format.quote() || c == format.escape()) {
          line.append(format.escape());
        }
        line.append(c);
      }
      line.append(format.quote());
      return;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> line.append("\\\\");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        case '\t' -> line.append(format.delimiter() == '\t' ? "\\t" : "\t");
        default -> {
          if (c == format.delimiter()) {
            line.append('\\');
          }
          line.append(c);
        }
      }
    }
  }
}
