package io.omendb.pg.server;

/** The PostgreSQL error codes (SQLSTATE, appendix A of the PostgreSQL manual) this server sends itself. */
public enum SqlState {
  SUCCESSFUL_COMPLETION("00000"),
  WARNING("01000"),
  CONNECTION_EXCEPTION("08000"),
  PROTOCOL_VIOLATION("08P01"),
  FEATURE_NOT_SUPPORTED("0A000"),
  CHARACTER_NOT_IN_REPERTOIRE("22021"),
  INVALID_PARAMETER_VALUE("22023"),
  INVALID_BINARY_REPRESENTATION("22P03"),
  BAD_COPY_FILE_FORMAT("22P04"),
  NOT_NULL_VIOLATION("23502"),
  UNIQUE_VIOLATION("23505"),
  IN_FAILED_SQL_TRANSACTION("25P02"),
  INVALID_SQL_STATEMENT_NAME("26000"),
  INVALID_AUTHORIZATION_SPECIFICATION("28000"),
  INVALID_CURSOR_NAME("34000"),
  INVALID_PASSWORD("28P01"),
  INVALID_CATALOG_NAME("3D000"),
  SYNTAX_ERROR("42601"),
  UNDEFINED_COLUMN("42703"),
  UNDEFINED_TABLE("42P01"),
  DUPLICATE_CURSOR("42P03"),
  DUPLICATE_PREPARED_STATEMENT("42P05"),
  TOO_MANY_CONNECTIONS("53300"),
  QUERY_CANCELED("57014"),
  ADMIN_SHUTDOWN("57P01"),
  INTERNAL_ERROR("XX000");

  private final String code;

  SqlState(String code) {
    this.code = code;
  }

  /** The five-character code. */
  public String code() {
    return code;
  }

  /** Whether {@code code} is a syntactically valid SQLSTATE: five digits or upper-case ASCII letters. */
  public static boolean isValid(String code) {
    if (code == null || code.length() != 5) {
      return false;
    }
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return true;
  }
}
