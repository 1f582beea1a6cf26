package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * PostgreSQL's text form of a one-dimensional array ({@code '{1,2,NULL}'}, {@code '{"a b",c}'}) cast to an array
 * type, which Calcite cannot cast at run time: {@code '{1,2}'::int[]} becomes {@code ARRAY[CAST('1' AS INTEGER),
 * CAST('2' AS INTEGER)]}, so each element gets its element type's own input rules and errors ({@link
 * PgLiteralCasts} for booleans and numerics); {@code '{}'} becomes an empty array of the element type.
 */
public final class PgArrayText {
  private PgArrayText() {
  }

  /**
   * The array constructor that {@code literal::type} stands for, or empty when {@code type} is not an array type or
   * the text is not a one-dimensional array (then the cast stays as written).
   */
  public static Optional<SqlNode> cast(SqlCharStringLiteral literal, SqlDataTypeSpec type, SqlParserPos pos) {
    requireNonNull(literal, "literal");
    requireNonNull(type, "type");
    if (!(type.getTypeNameSpec() instanceof SqlCollectionTypeNameSpec collection)
        || !collection.getTypeName().getSimple().equals(SqlTypeName.ARRAY.name())) {
      return Optional.empty();
    }
    List<String> elements = elements(literal.getValueAs(String.class));
    if (elements == null) {
      return Optional.empty();
    }
    SqlDataTypeSpec elementType = new SqlDataTypeSpec(collection.getElementTypeName(), pos);
    if (elements.isEmpty()) {
      // Calcite has no empty array constructor; an array query of no rows has the element type
      return Optional.of(PgLiteralCasts.emptyArray(elementType, pos));
    }
    List<SqlNode> casts = new ArrayList<>(elements.size());
    for (String element : elements) {
      casts.add(PgLiteralCasts.cast(element, elementType, pos));
    }
    return Optional.of(SqlStdOperatorTable.ARRAY_VALUE_CONSTRUCTOR.createCall(pos, casts));
  }

  /**
   * The elements of a one-dimensional array's text ({@code null} for an unquoted NULL), or null if the text is not
   * one: quoted elements keep their spaces and take backslash escapes, unquoted ones are trimmed.
   */
  public static List<String> elements(String text) {
    String s = text.strip();
    if (s.length() < 2 || s.charAt(0) != '{' || s.charAt(s.length() - 1) != '}') {
      return null;
    }
    List<String> elements = new ArrayList<>();
    String body = s.substring(1, s.length() - 1);
    if (body.isBlank()) {
      return elements;
    }
    int i = 0;
    while (true) {
      while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
        i++;
      }
      StringBuilder element = new StringBuilder();
      boolean quoted = i < body.length() && body.charAt(i) == '"';
      if (quoted) {
        i++;
        while (i < body.length() && body.charAt(i) != '"') {
          if (body.charAt(i) == '\\' && i + 1 < body.length()) {
            i++;
          }
          element.append(body.charAt(i++));
        }
        if (i >= body.length()) {
          return null;
        }
        i++;
        while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
          i++;
        }
      } else {
        while (i < body.length() && body.charAt(i) != ',') {
          char c = body.charAt(i);
          if (c == '{' || c == '}' || c == '"') {
            return null;
          }
          if (c == '\\' && i + 1 < body.length()) {
            i++;
          }
          element.append(body.charAt(i++));
        }
      }
      String value = quoted ? element.toString() : element.toString().strip();
      if (!quoted && value.isEmpty()) {
        return null;
      }
      elements.add(!quoted && value.toUpperCase(Locale.ROOT).equals("NULL") ? null : value);
      if (i >= body.length()) {
        return elements;
      }
      if (body.charAt(i) != ',') {
        return null;
      }
      i++;
    }
  }
}
