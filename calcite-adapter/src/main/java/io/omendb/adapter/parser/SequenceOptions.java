package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The options of {@code CREATE | ALTER SEQUENCE} and of an identity column, as the grammar parses them: each is
 * null (or false) while not written. {@code NO MINVALUE} and {@code NO MAXVALUE} are recorded as such, since on
 * ALTER they reset a bound to the type's limit; {@code OWNED BY NONE} likewise.
 */
public final class SequenceOptions {
  private @Nullable SqlDataTypeSpec type;
  private @Nullable Long increment;
  private @Nullable Long minValue;
  private boolean noMinValue;
  private @Nullable Long maxValue;
  private boolean noMaxValue;
  private @Nullable Long start;
  private @Nullable Long cache;
  private @Nullable Boolean cycle;
  private @Nullable SqlIdentifier ownedBy;
  private boolean ownedByNone;
  private boolean restart;
  private @Nullable Long restartValue;

  void type(SqlDataTypeSpec type) {
    this.type = requireNonNull(type, "type");
  }

  void increment(long value) {
    increment = value;
  }

  void minValue(@Nullable Long value) {
    minValue = value;
    noMinValue = value == null;
  }

  void maxValue(@Nullable Long value) {
    maxValue = value;
    noMaxValue = value == null;
  }

  void start(long value) {
    start = value;
  }

  void cache(long value) {
    cache = value;
  }

  void cycle(boolean value) {
    cycle = value;
  }

  void ownedBy(@Nullable SqlIdentifier column) {
    ownedBy = column;
    ownedByNone = column == null;
  }

  void restart(@Nullable Long value) {
    restart = true;
    restartValue = value;
  }

  /** A signed integer literal's value; out-of-range numbers are a syntax error at {@code pos}. */
  static long parseLong(String digits, boolean negative, SqlParserPos pos) {
    try {
      return Long.parseLong(negative ? "-" + digits : digits);
    } catch (NumberFormatException e) {
      throw SqlUtil.newContextException(pos,
          ObjectParserResource.INSTANCE.sequenceValueOutOfRange(negative ? "-" + digits : digits));
    }
  }

  public @Nullable SqlDataTypeSpec type() {
    return type;
  }

  public @Nullable Long increment() {
    return increment;
  }

  public @Nullable Long minValue() {
    return minValue;
  }

  /** Whether {@code NO MINVALUE} was written. */
  public boolean noMinValue() {
    return noMinValue;
  }

  public @Nullable Long maxValue() {
    return maxValue;
  }

  /** Whether {@code NO MAXVALUE} was written. */
  public boolean noMaxValue() {
    return noMaxValue;
  }

  public @Nullable Long start() {
    return start;
  }

  public @Nullable Long cache() {
    return cache;
  }

  public @Nullable Boolean cycle() {
    return cycle;
  }

  /** The column of {@code OWNED BY table.column}, or null. */
  public @Nullable SqlIdentifier ownedBy() {
    return ownedBy;
  }

  /** Whether {@code OWNED BY NONE} was written. */
  public boolean ownedByNone() {
    return ownedByNone;
  }

  /** Whether {@code RESTART} was written. */
  public boolean restart() {
    return restart;
  }

  /** The value of {@code RESTART WITH n}, or null for a bare RESTART (back to the start value). */
  public @Nullable Long restartValue() {
    return restartValue;
  }

  void unparse(SqlWriter writer) {
    if (type != null) {
      writer.keyword("AS");
      type.unparse(writer, 0, 0);
    }
    option(writer, "INCREMENT BY", increment);
    if (noMinValue) {
      writer.keyword("NO MINVALUE");
    }
    option(writer, "MINVALUE", minValue);
    if (noMaxValue) {
      writer.keyword("NO MAXVALUE");
    }
    option(writer, "MAXVALUE", maxValue);
    option(writer, "START WITH", start);
    if (restart) {
      writer.keyword("RESTART");
      option(writer, "WITH", restartValue);
    }
    option(writer, "CACHE", cache);
    if (cycle != null) {
      writer.keyword(cycle ? "CYCLE" : "NO CYCLE");
    }
    if (ownedByNone) {
      writer.keyword("OWNED BY NONE");
    } else if (ownedBy != null) {
      writer.keyword("OWNED BY");
      ownedBy.unparse(writer, 0, 0);
    }
  }

  private static void option(SqlWriter writer, String keyword, @Nullable Long value) {
    if (value != null) {
      writer.keyword(keyword);
      writer.print(value.toString());
      writer.print(" ");
    }
  }
}
