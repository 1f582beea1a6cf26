package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Locale;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The options written in a PostgreSQL {@code EXPLAIN}; each is null when the statement does not
 * mention it. {@link SqlPgExplain} applies PostgreSQL's defaults to the ones left out.
 *
 * <p>{@code EXPLAIN ANALYZE VERBOSE} sets {@code analyze} and {@code verbose} to true. In the
 * parenthesized form, {@code EXPLAIN (option [value], ...)}, a boolean option's value is
 * {@code TRUE}, {@code ON}, {@code 1}, {@code FALSE}, {@code OFF} or {@code 0} (case-insensitive,
 * as a word or a string) and defaults to true when left out; when an option is written more than
 * once the last one wins, as in PostgreSQL. {@code FORMAT TEXT} is accepted and not recorded,
 * since text is the only format OmenDB produces; {@code FORMAT JSON}, {@code XML} and {@code
 * YAML} are rejected while parsing, so no statement reaches the executor asking for a format it
 * would not honour.
 *
 * @param analyze whether to run the statement and report actual row counts, or null
 * @param verbose whether to report extra detail such as output columns, or null
 * @param costs whether to report estimated costs and row counts, or null
 * @param buffers whether to report buffer usage, or null
 * @param timing whether to report actual time per plan node, or null
 * @param summary whether to report planning and execution totals, or null
 */
public record ExplainOptions(Boolean analyze, Boolean verbose, Boolean costs, Boolean buffers,
    Boolean timing, Boolean summary) {

  private static final ExplainOptions NONE =
      new ExplainOptions(null, null, null, null, null, null);

  /** Returns the options of an {@code EXPLAIN} that names none. */
  public static ExplainOptions none() {
    return NONE;
  }

  public ExplainOptions withAnalyze(boolean analyze) {
    return new ExplainOptions(analyze, verbose, costs, buffers, timing, summary);
  }

  public ExplainOptions withVerbose(boolean verbose) {
    return new ExplainOptions(analyze, verbose, costs, buffers, timing, summary);
  }

  public ExplainOptions withCosts(boolean costs) {
    return new ExplainOptions(analyze, verbose, costs, buffers, timing, summary);
  }

  public ExplainOptions withBuffers(boolean buffers) {
    return new ExplainOptions(analyze, verbose, costs, buffers, timing, summary);
  }

  public ExplainOptions withTiming(boolean timing) {
    return new ExplainOptions(analyze, verbose, costs, buffers, timing, summary);
  }

  public ExplainOptions withSummary(boolean summary) {
    return new ExplainOptions(analyze, verbose, costs, buffers, timing, summary);
  }

  /** Returns whether no option is given. */
  public boolean isEmpty() {
    return equals(NONE);
  }

  /**
   * Returns these options with one written as {@code name [value]} inside {@code EXPLAIN (...)}
   * applied. Names follow PostgreSQL: unquoted words match case-insensitively, quoted ones only
   * in lower case.
   *
   * @param value a literal or an identifier, as {@code OmenSetValue()} parses it, or null
   * @throws org.apache.calcite.runtime.CalciteContextException if the option or its value is
   *     not one OmenDB knows; the parser reports it as a {@code SqlParseException}
   */
  ExplainOptions with(SqlIdentifier name, SqlNode value) {
    final String option = word(name);
    return switch (option) {
      case "analyze" -> withAnalyze(booleanValue(option, value));
      case "verbose" -> withVerbose(booleanValue(option, value));
      case "costs" -> withCosts(booleanValue(option, value));
      case "buffers" -> withBuffers(booleanValue(option, value));
      case "timing" -> withTiming(booleanValue(option, value));
      case "summary" -> withSummary(booleanValue(option, value));
      case "format" -> {
        checkFormat(option, name, value);
        yield this;
      }
      default -> throw SqlUtil.newContextException(name.getParserPosition(),
          OmenParserResource.INSTANCE.unrecognizedExplainOption(option));
    };
  }

  /**
   * Checks the rules that involve more than one option: {@code TIMING} may only be turned on
   * together with {@code ANALYZE}.
   */
  ExplainOptions validate(SqlParserPos pos) {
    if (Boolean.TRUE.equals(timing) && !Boolean.TRUE.equals(analyze)) {
      throw SqlUtil.newContextException(pos,
          OmenParserResource.INSTANCE.explainTimingRequiresAnalyze());
    }
    return this;
  }

  /**
   * Writes the options after {@code EXPLAIN}: nothing if none is given, {@code ANALYZE} and
   * {@code VERBOSE} as bare words if they are the only ones and are on, else the parenthesized
   * list of the given options, each with its value.
   */
  void unparse(SqlWriter writer) {
    if (isEmpty()) {
      return;
    }
    final boolean bareForm = costs == null && buffers == null && timing == null
        && summary == null && !Boolean.FALSE.equals(analyze) && !Boolean.FALSE.equals(verbose);
    if (bareForm) {
      if (analyze != null) {
        writer.keyword("ANALYZE");
      }
      if (verbose != null) {
        writer.keyword("VERBOSE");
      }
      return;
    }
    final SqlWriter.Frame frame = writer.startList("(", ")");
    unparseOption(writer, "ANALYZE", analyze);
    unparseOption(writer, "VERBOSE", verbose);
    unparseOption(writer, "COSTS", costs);
    unparseOption(writer, "BUFFERS", buffers);
    unparseOption(writer, "TIMING", timing);
    unparseOption(writer, "SUMMARY", summary);
    writer.endList(frame);
  }

  private static void unparseOption(SqlWriter writer, String name, Boolean value) {
    if (value != null) {
      writer.sep(",");
      writer.keyword(name);
      writer.keyword(value ? "TRUE" : "FALSE");
    }
  }

  private static boolean booleanValue(String option, SqlNode value) {
    if (value == null) {
      return true;
    }
    if (value instanceof SqlNumericLiteral number) {
      // Only the integers 0 and 1, as PostgreSQL's defGetBoolean: 1.0 is not a Boolean.
      final BigDecimal decimal = requireNonNull(number.getValueAs(BigDecimal.class), "number");
      if (decimal.equals(BigDecimal.ONE)) {
        return true;
      }
      if (decimal.equals(BigDecimal.ZERO)) {
        return false;
      }
    } else {
      switch (text(value).toLowerCase(Locale.ROOT)) {
        case "true", "on" -> {
          return true;
        }
        case "false", "off" -> {
          return false;
        }
        default -> {
          // not a Boolean; reported below
        }
      }
    }
    throw SqlUtil.newContextException(value.getParserPosition(),
        OmenParserResource.INSTANCE.explainOptionRequiresBoolean(option));
  }

  private static void checkFormat(String option, SqlIdentifier name, SqlNode value) {
    if (value == null) {
      throw SqlUtil.newContextException(name.getParserPosition(),
          OmenParserResource.INSTANCE.explainOptionRequiresParameter(option));
    }
    final String format = text(value);
    switch (format) {
      case "text" -> {
        // the only format OmenDB produces
      }
      case "json", "xml", "yaml" -> throw SqlUtil.newContextException(value.getParserPosition(),
          OmenParserResource.INSTANCE.explainFormatNotSupported(format));
      default -> throw SqlUtil.newContextException(value.getParserPosition(),
          OmenParserResource.INSTANCE.unrecognizedExplainOptionValue(option, format));
    }
  }

  /**
   * Returns an option value as PostgreSQL compares it: strings as written, numbers in plain
   * decimal notation, words as {@link #word} folds them.
   */
  private static String text(SqlNode value) {
    if (value instanceof SqlCharStringLiteral string) {
      return requireNonNull(string.getValueAs(String.class), "string");
    }
    if (value instanceof SqlNumericLiteral number) {
      return requireNonNull(number.getValueAs(BigDecimal.class), "number").toPlainString();
    }
    if (value instanceof SqlIdentifier word && word.isSimple()) {
      return word(word);
    }
    throw new IllegalArgumentException("not an option value: " + value);
  }

  /**
   * Returns a one-part identifier as PostgreSQL's lexer folds it, whatever casing the parser is
   * configured with: unquoted in lower case, quoted as written.
   */
  private static String word(SqlIdentifier identifier) {
    final String simple = identifier.getSimple();
    // SimpleIdentifier() records quoting on the identifier's position, not per component.
    final boolean quoted =
        identifier.getParserPosition().isQuoted() || identifier.isComponentQuoted(0);
    return quoted ? simple : simple.toLowerCase(Locale.ROOT);
  }
}
