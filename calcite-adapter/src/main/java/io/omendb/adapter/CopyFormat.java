package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

/**
 * The data format of a COPY: PostgreSQL's text format (tab-separated, {@code \N} for NULL, backslash escapes) or CSV
 * ({@code FORMAT csv}: comma-separated, empty unquoted field for NULL, double-quote quoting), with the options that
 * change it.
 *
 * @param csv whether the format is CSV rather than text
 * @param delimiter the character between fields
 * @param nullString the text that stands for NULL
 * @param quote CSV's quote character
 * @param escape CSV's escape character inside quotes
 * @param header whether the first line holds column names (CSV only in PostgreSQL 15; accepted for text too)
 */
public record CopyFormat(boolean csv, char delimiter, String nullString, char quote, char escape, boolean header) {
  public CopyFormat {
    requireNonNull(nullString, "nullString");
  }

  /** The text format with its defaults. */
  public static CopyFormat text() {
    return new CopyFormat(false, '\t', "\\N", '"', '"', false);
  }

  /** CSV with its defaults. */
  public static CopyFormat csvDefaults() {
    return new CopyFormat(true, ',', "", '"', '"', false);
  }
}
