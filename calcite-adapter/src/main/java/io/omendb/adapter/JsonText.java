package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL's {@code json} and {@code jsonb} values as text: validation, jsonb's normal form and the parts the
 * {@code ->} family of operators extracts, read with Jackson's streaming parser.
 *
 * <p>A {@code json} value is its input text, verbatim; a part of it is the stretch of that text the part spans
 * (so {@code '{"a" : [1,2]}'::json -> 'a'} is {@code [1,2]}). A {@code jsonb} value is the text PostgreSQL 15 prints
 * for it: object keys ordered shorter first then byte by byte, the last of duplicate keys kept, numbers as
 * {@code numeric} prints them, {@code ", "} and {@code ": "} between items; its parts are in normal form too.
 */
final class JsonText {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonText() {}

  /** The kinds of JSON values, named as {@code jsonb_typeof} names them. */
  enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

  /**
   * One parsed value and the stretch {@code [start, end)} of the source text it spans.
   *
   * @param fields an object's members by key (the last of duplicates), null for other kinds
   * @param members an object's members in order, duplicates included, null for other kinds
   * @param elements an array's elements, null for other kinds
   * @param scalar a string's unescaped text or a number's or boolean's source text, null for containers and null
   */
  record Node(Kind kind, int start, int end, @Nullable Map<String, Node> fields,
      @Nullable List<Map.Entry<String, Node>> members, @Nullable List<Node> elements, @Nullable String scalar) {
    Node {
      requireNonNull(kind, "kind");
    }

    /** The source text this value spans. */
    String text(String source) {
      return source.substring(start, end);
    }
  }

  /** {@code text} if it is valid JSON; throws 22P02 otherwise. */
  static String validate(String text) {
    parse(text);
    return text;
  }

  /** The text PostgreSQL 15 prints for {@code text} read as jsonb; throws 22P02 for invalid JSON. */
  static String normalize(String text) {
    StringBuilder out = new StringBuilder(text.length());
    print(parse(text), out);
    return out.toString();
  }

  /** Parses a whole JSON document; throws 22P02 (PostgreSQL's invalid json input) if it is not one. */
  static Node parse(String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw invalid("The input string ended unexpectedly.");
      }
      Node root = read(parser, text);
      if (parser.nextToken() != null) {
        throw invalid("Token \"" + parser.getText() + "\" is invalid.");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw invalid(e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalStateException("reading a string cannot fail", e);
    }
  }

  private static Node read(JsonParser parser, String text) throws IOException {
    JsonToken token = parser.currentToken();
    int start = (int) parser.currentTokenLocation().getCharOffset();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Node> fields = new LinkedHashMap<>();
        List<Map.Entry<String, Node>> members = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          checkText(name);
          parser.nextToken();
          Node value = read(parser, text);
          fields.put(name, value);
          members.add(Map.entry(name, value));
        }
        return new Node(Kind.OBJECT, start, end(parser), fields, members, null, null);
      }
      case START_ARRAY -> {
        List<Node> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          elements.add(read(parser, text));
        }
        return new Node(Kind.ARRAY, start, end(parser), null, null, elements, null);
      }
      case VALUE_STRING -> {
        String value = parser.getText();
        checkText(value);
        return new Node(Kind.STRING, start, end(parser), null, null, null, value);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        String value = parser.getText();
        return new Node(Kind.NUMBER, start, end(parser), null, null, null, value);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        String value = parser.getText();
        return new Node(Kind.BOOLEAN, start, end(parser), null, null, null, value);
      }
      case VALUE_NULL -> {
        return new Node(Kind.NULL, start, end(parser), null, null, null, null);
      }
      default -> throw invalid("Token \"" + parser.getText() + "\" is invalid.");
    }
  }

  /** The offset just past the token the parser has read (whose text has been read, so the token is complete). */
  private static int end(JsonParser parser) {
    return (int) parser.currentLocation().getCharOffset();
  }

  /** PostgreSQL cannot hold U+0000 in text, so it rejects the escape in a string it has to decode. */
  private static void checkText(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new SqlStateException("22P05", "unsupported Unicode escape sequence");
    }
  }

  /** The part of a document that a key names, or null if it is not an object or has no such key. */
  static @Nullable Node field(Node node, String key) {
    return node.fields() == null ? null : node.fields().get(key);
  }

  /** The element at {@code index} (from the end if negative), or null if it is not an array or has none there. */
  static @Nullable Node element(Node node, int index) {
    if (node.elements() == null) {
      return null;
    }
    int size = node.elements().size();
    int at = index < 0 ? size + index : index;
    return at < 0 || at >= size ? null : node.elements().get(at);
  }

  /**
   * The part a path of keys and array indexes leads to, or null if it leads nowhere ({@code #>}). Where a json
   * object repeats a key, the last member the rest of the path resolves in wins, as in PostgreSQL.
   */
  static @Nullable Node path(Node node, List<String> path) {
    return path(node, path, 0);
  }

  private static @Nullable Node path(Node node, List<String> path, int at) {
    if (at == path.size()) {
      return node;
    }
    String step = path.get(at);
    if (step == null) {
      return null;
    }
    if (node.kind() == Kind.OBJECT) {
      Node found = null;
      for (Map.Entry<String, Node> member : node.members()) {
        if (member.getKey().equals(step)) {
          Node resolved = path(member.getValue(), path, at + 1);
          found = resolved == null ? found : resolved;
        }
      }
      return found;
    }
    if (node.kind() == Kind.ARRAY) {
      Integer index = parseIndex(step);
      Node element = index == null ? null : element(node, index);
      return element == null ? null : path(element, path, at + 1);
    }
    return null;
  }

  private static @Nullable Integer parseIndex(String step) {
    try {
      return Integer.valueOf(step.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** What {@code ->>} makes of a part: a string's text, NULL for JSON null, the source text of anything else. */
  static @Nullable String asText(Node node, String source) {
    return switch (node.kind()) {
      case STRING -> node.scalar();
      case NULL -> null;
      default -> node.text(source);
    };
  }

  /** Appends the jsonb text of a value. */
  static void print(Node node, StringBuilder out) {
    switch (node.kind()) {
      case OBJECT -> {
        Map<String, Node> fields = requireNonNull(node.fields(), "fields");
        List<String> keys = new ArrayList<>(fields.keySet());
        keys.sort(JsonText::compareKeys);
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          quote(keys.get(i), out);
          out.append(": ");
          print(fields.get(keys.get(i)), out);
        }
        out.append('}');
      }
      case ARRAY -> {
        List<Node> elements = requireNonNull(node.elements(), "elements");
        out.append('[');
        for (int i = 0; i < elements.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          print(elements.get(i), out);
        }
        out.append(']');
      }
      case STRING -> quote(requireNonNull(node.scalar(), "scalar"), out);
      case NUMBER -> out.append(numeric(requireNonNull(node.scalar(), "scalar")));
      case BOOLEAN -> out.append(node.scalar());
      case NULL -> out.append("null");
    }
  }

  /** A JSON number as PostgreSQL's {@code numeric} prints it: no exponent, the scale of the input. */
  private static String numeric(String number) {
    BigDecimal value = new BigDecimal(number);
    if (value.scale() < 0) {
      value = value.setScale(0);
    }
    return value.toPlainString();
  }

  /** jsonb's key order: shorter keys first (in UTF-8 bytes), then byte by byte. */
  private static int compareKeys(String a, String b) {
    byte[] x = a.getBytes(StandardCharsets.UTF_8);
    byte[] y = b.getBytes(StandardCharsets.UTF_8);
    if (x.length != y.length) {
      return Integer.compare(x.length, y.length);
    }
    return Arrays.compareUnsigned(x, y);
  }

  /** Appends a string as PostgreSQL's {@code escape_json} writes it. */
  static void quote(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < ' ') {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static SqlStateException invalid(String detail) {
    return new SqlStateException("22P02", "invalid input syntax for type json" + (detail == null ? ""
        : ": " + firstLine(detail)));
  }

  private static String firstLine(String detail) {
    int newline = detail.indexOf('\n');
    return newline < 0 ? detail : detail.substring(0, newline);
  }
}
