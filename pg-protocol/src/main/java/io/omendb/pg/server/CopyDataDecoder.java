package io.omendb.pg.server;

import io.omendb.adapter.CopyFormat;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Splits the byte stream of a {@code COPY FROM STDIN} into rows of text fields as PostgreSQL reads them: the text
 * format (delimiter-separated, {@code \N} for NULL, backslash escapes, a lone {@code \.} ends the data) or CSV
 * (quoted fields may hold delimiters and line breaks). Chunks may split rows anywhere; only the current partial row
 * is buffered, so a COPY of any size streams.
 */
final class CopyDataDecoder {

  /** A row that cannot be read, with its 1-based line number. */
  static final class BadRowException extends Exception {
    private static final long serialVersionUID = 1L;

    BadRowException(String message) {
      super(message);
    }
  }

  private final CopyFormat format;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private long line;
  private boolean headerSkipped;
  private boolean ended;

  CopyDataDecoder(CopyFormat format) {
    this.format = format;
    this.headerSkipped = !format.header();
  }

  /** The number of the line last read. */
  long line() {
    return line;
  }

  /** Feeds a chunk; calls {@code rows} for each complete row. */
  void feed(byte[] chunk, RowSink rows) throws BadRowException, java.sql.SQLException {
    int start = 0;
    for (int i = 0; i < chunk.length; i++) {
      if (chunk[i] == '\n') {
        pending.write(chunk, start, i - start);
        start = i + 1;
        if (format.csv() && !balancedQuotes(pending.toByteArray())) {
          pending.write('\n');
          continue;
        }
        byte[] record = pending.toByteArray();
        pending.reset();
        emit(record, rows);
      }
    }
    pending.write(chunk, start, chunk.length - start);
  }

  /** The data ended (CopyDone): a last row without a line break is still a row. */
  void finish(RowSink rows) throws BadRowException, java.sql.SQLException {
    if (pending.size() > 0) {
      byte[] record = pending.toByteArray();
      pending.reset();
      if (format.csv() && !balancedQuotes(record)) {
        line++;
        throw new BadRowException("unterminated CSV quoted field");
      }
      emit(record, rows);
    }
  }

  /** Receives decoded rows. */
  @FunctionalInterface
  interface RowSink {
    void accept(List<String> fields) throws java.sql.SQLException;
  }

  private void emit(byte[] record, RowSink rows) throws BadRowException, java.sql.SQLException {
    line += 1 + countNewlines(record);
    if (ended) {
      return;
    }
    int length = record.length;
    if (length > 0 && record[length - 1] == '\r') {
      length--;
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(record, 0, length)).toString();
    } catch (CharacterCodingException e) {
      throw new BadRowException("invalid byte sequence for encoding \"UTF8\"");
    }
    if (text.equals("\\.")) {
      ended = true;
      return;
    }
    if (!headerSkipped) {
      headerSkipped = true;
      return;
    }
    rows.accept(format.csv() ? csvFields(text) : textFields(text));
  }

  private static int countNewlines(byte[] record) {
    int count = 0;
    for (byte b : record) {
      if (b == '\n') {
        count++;
      }
    }
    return count;
  }

  private boolean balancedQuotes(byte[] record) {
    boolean inQuotes = false;
    for (int i = 0; i < record.length; i++) {
      char c = (char) (record[i] & 0xFF);
      if (inQuotes && c == format.escape() && format.escape() != format.quote() && i + 1 < record.length
          && (record[i + 1] == format.quote() || record[i + 1] == format.escape())) {
        i++;
      } else if (c == format.quote()) {
        inQuotes = !inQuotes;
      }
    }
    return !inQuotes;
  }

  private List<String> textFields(String text) throws BadRowException {
    List<String> fields = new ArrayList<>();
    StringBuilder raw = new StringBuilder();
    StringBuilder value = new StringBuilder();
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == format.delimiter()) {
        fields.add(raw.toString().equals(format.nullString()) ? null : value.toString());
        raw.setLength(0);
        value.setLength(0);
        continue;
      }
      char c = text.charAt(i);
      raw.append(c);
      if (c != '\\') {
        value.append(c);
        continue;
      }
      if (++i == text.length()) {
        throw new BadRowException("end-of-copy marker corrupt");
      }
      char e = text.charAt(i);
      raw.append(e);
      switch (e) {
        case 'b' -> value.append('\b');
        case 'f' -> value.append('\f');
        case 'n' -> value.append('\n');
        case 'r' -> value.append('\r');
        case 't' -> value.append('\t');
        case 'v' -> value.append('\u000B');
        case 'x' -> {
          int end = i + 1;
          while (end < text.length() && end < i + 3 && Character.digit(text.charAt(end), 16) >= 0) {
            end++;
          }
          if (end == i + 1) {
            value.append('x');
          } else {
            value.append((char) Integer.parseInt(text.substring(i + 1, end), 16));
            raw.append(text, i + 1, end);
            i = end - 1;
          }
        }
        default -> {
          if (e >= '0' && e <= '7') {
            int end = i;
            while (end < text.length() && end < i + 3 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
              end++;
            }
            value.append((char) Integer.parseInt(text.substring(i, end), 8));
            raw.append(text, i + 1, end);
            i = end - 1;
          } else {
            value.append(e);
          }
        }
      }
    }
    return fields;
  }

  private List<String> csvFields(String text) {
    List<String> fields = new ArrayList<>();
    StringBuilder value = new StringBuilder();
    boolean quoted = false;
    boolean inQuotes = false;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || (!inQuotes && text.charAt(i) == format.delimiter())) {
        String field = value.toString();
        fields.add(!quoted && field.equals(format.nullString()) ? null : field);
        value.setLength(0);
        quoted = false;
        continue;
      }
      char c = text.charAt(i);
      if (inQuotes && c == format.escape() && i + 1 < text.length()
          && (text.charAt(i + 1) == format.quote() || text.charAt(i + 1) == format.escape())
          && (format.escape() != format.quote() || text.charAt(i + 1) == format.quote())) {
        value.append(text.charAt(++i));
      } else if (c == format.quote()) {
        inQuotes = !inQuotes;
        quoted = true;
      } else {
        value.append(c);
      }
    }
    return fields;
  }
}
