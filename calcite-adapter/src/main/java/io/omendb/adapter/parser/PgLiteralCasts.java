package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Casts of string literals that Calcite would get wrong, decided while parsing: PostgreSQL's boolean words
 * ({@code 't'}, {@code 'yes'}, {@code 'off'}, ... ; Calcite's cast takes only {@code true}/{@code false}) become
 * boolean literals, and a number cast to {@code numeric} without a precision (Calcite's {@code DECIMAL(19, 0)},
 * which rounds away the fraction) becomes an exact numeric literal keeping its scale. Text that is neither stays a
 * cast, with its error at run time.
 */
public final class PgLiteralCasts {
  private PgLiteralCasts() {
  }

  /** {@code text::type} ({@code text} null: a NULL literal) as a literal where that is right, else as a cast. */
  public static SqlNode cast(String text, SqlDataTypeSpec type, SqlParserPos pos) {
    requireNonNull(type, "type");
    if (text != null && type.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic) {
      SqlTypeName name = SqlTypeName.get(basic.getTypeName().getSimple());
      if (name == SqlTypeName.BOOLEAN) {
        Boolean value = booleanOf(text);
        if (value != null) {
          return SqlLiteral.createBoolean(value, pos);
        }
      } else if (name == SqlTypeName.DECIMAL && basic.getPrecision() < 0) {
        BigDecimal value = decimalOf(text);
        if (value != null) {
          return SqlLiteral.createExactNumeric(value.toPlainString(), pos);
        }
      }
    }
    SqlNode value = text == null ? SqlLiteral.createNull(pos) : SqlLiteral.createCharString(text, pos);
    return SqlStdOperatorTable.CAST.createCall(pos, value, type);
  }

  /** An empty array of {@code elementType}: {@code ARRAY(SELECT CAST(NULL AS type) WHERE FALSE)}. */
  static SqlNode emptyArray(SqlDataTypeSpec elementType, SqlParserPos pos) {
    SqlNode element = SqlStdOperatorTable.CAST.createCall(pos, SqlLiteral.createNull(pos), elementType);
    SqlSelect none = new SqlSelect(pos, null, SqlNodeList.of(element), null, SqlLiteral.createBoolean(false, pos),
        null, null, null, null, null, null, null);
    return SqlStdOperatorTable.ARRAY_QUERY.createCall(pos, none);
  }

  /** PostgreSQL's boolean input: unambiguous prefixes of true/false/yes/no, on/off, 1/0; null for anything else. */
  static Boolean booleanOf(String text) {
    String word = text.strip().toLowerCase(Locale.ROOT);
    if (word.isEmpty()) {
      return null;
    }
    if ("true".startsWith(word) || "yes".startsWith(word) || word.equals("on") || word.equals("1")) {
      return Boolean.TRUE;
    }
    if ("false".startsWith(word) || "no".startsWith(word) || word.equals("of") || word.equals("off")
        || word.equals("0")) {
      return word.equals("o") ? null : Boolean.FALSE;
    }
    return null;
  }

  private static BigDecimal decimalOf(String text) {
    String number = text.strip();
    if (number.isEmpty() || !number.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == '-'
        || c == '+')) {
      return null;
    }
    try {
      return new BigDecimal(number);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
