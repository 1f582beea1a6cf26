package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed COPY statement: {@code COPY table [(columns)] FROM STDIN [options]} or
 * {@code COPY table [(columns)] | (query) TO STDOUT [options]}, with options in the parenthesized form
 * ({@code WITH (FORMAT csv, HEADER, DELIMITER ';', NULL '', QUOTE '"', ESCAPE '\')}) or the older one
 * ({@code WITH CSV HEADER DELIMITER AS ';'}), as psql's {@code \copy} and pg_dump write them.
 *
 * @param table the table, as SQL (quoted identifiers kept quoted), or null for a query
 * @param columns the column list as SQL identifiers, empty for all
 * @param query the query of {@code COPY (query) TO}, or null
 * @param fromClient whether data flows from the client (FROM STDIN) rather than to it
 * @param format the data format
 */
record CopyStatement(String table, List<String> columns, String query, boolean fromClient, CopyFormat format) {
  CopyStatement {
    columns = List.copyOf(columns);
    requireNonNull(format, "format");
  }

  /** Whether {@code sql} is a COPY statement: its first word, after comments, is COPY. */
  static boolean isCopy(String sql) {
    Lexer lexer = new Lexer(sql);
    return "copy".equals(lexer.peekWord());
  }

  /**
   * Parses a COPY statement.
   *
   * @throws SqlStateException 42601 for a syntax error, 0A000 for files, programs and binary format
   */
  static CopyStatement parse(String sql) {
    Lexer lx = new Lexer(sql);
    lx.expectWord("copy");
    String table = null;
    String query = null;
    if (lx.peek() == '(') {
      query = lx.parenthesized();
    } else {
      table = lx.qualifiedName();
    }
    List<String> columns = new ArrayList<>();
    if (table != null && lx.peek() == '(') {
      lx.expectChar('(');
      do {
        columns.add(lx.identifier());
      } while (lx.acceptChar(','));
      lx.expectChar(')');
    }
    String direction = lx.word();
    boolean from;
    if (direction.equals("from")) {
      from = true;
      if (query != null) {
        throw syntax("COPY FROM needs a table, not a query");
      }
    } else if (direction.equals("to")) {
      from = false;
    } else {
      throw syntax("expected FROM or TO, found \"" + direction + "\"");
    }
    String endpoint = lx.peek() == '\'' ? "'" : lx.word();
    if (!endpoint.equals(from ? "stdin" : "stdout")) {
      throw new SqlStateException("0A000", "COPY " + (from ? "FROM" : "TO")
          + " a file or program is not supported; use STDIN/STDOUT (psql's \\copy)");
    }
    CopyFormat format = options(lx);
    lx.acceptChar(';');
    if (!lx.atEnd()) {
      throw syntax("unexpected text after COPY options");
    }
    return new CopyStatement(table, columns, query, from, format);
  }

  private static CopyFormat options(Lexer lx) {
    boolean csv = false;
    boolean header = false;
    Character delimiter = null;
    String nullString = null;
    Character quote = null;
    Character escape = null;
    if ("with".equals(lx.peekWord())) {
      lx.word();
    }
    if (lx.acceptChar('(')) {
      do {
        String option = lx.word();
        switch (option) {
          case "format" -> {
            String value = lx.word();
            if (value.equals("binary")) {
              throw new SqlStateException("0A000", "COPY BINARY is not supported");
            }
            if (!value.equals("csv") && !value.equals("text")) {
              throw syntax("COPY format \"" + value + "\" not recognized");
            }
            csv = value.equals("csv");
          }
          case "header" -> header = lx.peek() == ',' || lx.peek() == ')' || lx.booleanValue();
          case "delimiter" -> delimiter = lx.singleChar("delimiter");
          case "null" -> nullString = lx.string();
          case "quote" -> quote = lx.singleChar("quote");
          case "escape" -> escape = lx.singleChar("escape");
          case "encoding" -> {
            String encoding = lx.string();
            if (!encoding.replace("-", "").equalsIgnoreCase("utf8")) {
              throw new SqlStateException("0A000", "COPY encoding \"" + encoding + "\" is not supported");
            }
          }
          default -> throw syntax("option \"" + option + "\" not recognized");
        }
      } while (lx.acceptChar(','));
      lx.expectChar(')');
    } else {
      while (!lx.atEnd() && lx.peek() != ';') {
        String option = lx.word();
        switch (option) {
          case "binary" -> throw new SqlStateException("0A000", "COPY BINARY is not supported");
          case "csv" -> csv = true;
          case "header" -> header = true;
          case "delimiter" -> delimiter = lx.skipAs().singleChar("delimiter");
          case "null" -> nullString = lx.skipAs().string();
          case "quote" -> quote = lx.skipAs().singleChar("quote");
          case "escape" -> escape = lx.skipAs().singleChar("escape");
          default -> throw syntax("option \"" + option + "\" not recognized");
        }
      }
    }
    CopyFormat defaults = csv ? CopyFormat.csvDefaults() : CopyFormat.text();
    char quoteChar = quote == null ? defaults.quote() : quote;
    return new CopyFormat(csv, delimiter == null ? defaults.delimiter() : delimiter,
        nullString == null ? defaults.nullString() : nullString, quoteChar,
        escape == null ? quoteChar : escape, header);
  }

  private static SqlStateException syntax(String message) {
    return new SqlStateException("42601", "syntax error in COPY: " + message);
  }

  /** A small tokenizer over the statement: words, quoted identifiers, string literals, punctuation. */
  private static final class Lexer {
    private final String sql;
    private int pos;

    Lexer(String sql) {
      this.sql = sql;
    }

    private void skipSpace() {
      while (pos < sql.length()) {
        char c = sql.charAt(pos);
        if (Character.isWhitespace(c)) {
          pos++;
        } else if (sql.startsWith("--", pos)) {
          int newline = sql.indexOf('\n', pos);
          pos = newline < 0 ? sql.length() : newline + 1;
        } else if (sql.startsWith("/*", pos)) {
          int end = sql.indexOf("*/", pos + 2);
          pos = end < 0 ? sql.length() : end + 2;
        } else {
          return;
        }
      }
    }

    boolean atEnd() {
      skipSpace();
      return pos >= sql.length();
    }

    char peek() {
      skipSpace();
      return pos < sql.length() ? sql.charAt(pos) : '\0';
    }

    boolean acceptChar(char c) {
      if (peek() == c) {
        pos++;
        return true;
      }
      return false;
    }

    void expectChar(char c) {
      if (!acceptChar(c)) {
        throw syntax("expected '" + c + "'");
      }
    }

    String peekWord() {
      int saved = pos;
      try {
        return Character.isLetter(peek()) ? word() : null;
      } finally {
        pos = saved;
      }
    }

    /** A bare word, lower-cased. */
    String word() {
      skipSpace();
      int start = pos;
      while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '_')) {
        pos++;
      }
      if (start == pos) {
        throw syntax(pos < sql.length() ? "unexpected '" + sql.charAt(pos) + "'" : "unexpected end");
      }
      return sql.substring(start, pos).toLowerCase(Locale.ROOT);
    }

    void expectWord(String expected) {
      if (!word().equals(expected)) {
        throw syntax("expected " + expected.toUpperCase(Locale.ROOT));
      }
    }

    Lexer skipAs() {
      if ("as".equals(peekWord())) {
        word();
      }
      return this;
    }

    /** An identifier as SQL: a quoted one as written, a bare one lower-cased. */
    String identifier() {
      if (peek() == '"') {
        int start = pos;
        pos++;
        while (pos < sql.length()) {
          if (sql.charAt(pos) == '"') {
            if (pos + 1 < sql.length() && sql.charAt(pos + 1) == '"') {
              pos += 2;
              continue;
            }
            pos++;
            return sql.substring(start, pos);
          }
          pos++;
        }
        throw syntax("unterminated quoted identifier");
      }
      return word();
    }

    String qualifiedName() {
      StringBuilder name = new StringBuilder(identifier());
      while (acceptChar('.')) {
        name.append('.').append(identifier());
      }
      return name.toString();
    }

    /** The text inside balanced parentheses (quotes respected), consuming them. */
    String parenthesized() {
      expectChar('(');
      int start = pos;
      int depth = 1;
      while (pos < sql.length()) {
        char c = sql.charAt(pos);
        if (c == '\'' || c == '"') {
          int close = sql.indexOf(c, pos + 1);
          while (close >= 0 && close + 1 < sql.length() && sql.charAt(close + 1) == c) {
            close = sql.indexOf(c, close + 2);
          }
          if (close < 0) {
            throw syntax("unterminated quote");
          }
          pos = close + 1;
          continue;
        }
        if (c == '(') {
          depth++;
        } else if (c == ')' && --depth == 0) {
          String inner = sql.substring(start, pos);
          pos++;
          return inner;
        }
        pos++;
      }
      throw syntax("unbalanced parentheses");
    }

    /** A string literal ({@code 'it''s'} or {@code E'\t'}). */
    String string() {
      boolean escapes = false;
      if ((peek() == 'E' || peek() == 'e') && pos + 1 < sql.length() && sql.charAt(pos + 1) == '\'') {
        escapes = true;
        pos++;
      }
      if (peek() != '\'') {
        throw syntax("expected a string literal");
      }
      pos++;
      StringBuilder value = new StringBuilder();
      while (pos < sql.length()) {
        char c = sql.charAt(pos++);
        if (c == '\'') {
          if (pos < sql.length() && sql.charAt(pos) == '\'') {
            value.append('\'');
            pos++;
            continue;
          }
          return value.toString();
        }
        if (escapes && c == '\\' && pos < sql.length()) {
          char e = sql.charAt(pos++);
          value.append(switch (e) {
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'r' -> '\r';
            default -> e;
          });
          continue;
        }
        value.append(c);
      }
      throw syntax("unterminated string literal");
    }

    char singleChar(String option) {
      String value = string();
      if (value.length() != 1) {
        throw new SqlStateException("22023", "COPY " + option + " must be a single one-byte character");
      }
      return value.charAt(0);
    }

    boolean booleanValue() {
      String value = peek() == '\'' ? string().toLowerCase(Locale.ROOT) : word();
      return switch (value) {
        case "true", "on", "1", "yes" -> true;
        case "false", "off", "0", "no" -> false;
        default -> throw syntax("invalid boolean \"" + value + "\"");
      };
    }
  }
}
