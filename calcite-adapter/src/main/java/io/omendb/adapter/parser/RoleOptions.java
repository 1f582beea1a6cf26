package io.omendb.adapter.parser;

import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The options of {@code CREATE} and {@code ALTER USER | ROLE}: {@code PASSWORD '...' | PASSWORD NULL},
 * {@code [NO]LOGIN}, {@code [NO]SUPERUSER}, {@code [NO]CREATEDB}, {@code [NO]CREATEROLE},
 * {@code CONNECTION LIMIT n}, {@code VALID UNTIL '...'}; each at most once, as in PostgreSQL.
 *
 * <p>The grammar fills it while parsing; afterwards it is read only. The password is held only
 * until the statement has run, and {@link #unparse} never writes it.
 */
public final class RoleOptions {
  private final Set<String> seen = new HashSet<>();
  private boolean passwordSet;
  private String password;
  private Boolean login;
  private Boolean superuser;
  private Boolean createDb;
  private Boolean createRole;
  private Integer connectionLimit;
  private String validUntil;

  /** Records {@code PASSWORD 'literal'}, or {@code PASSWORD NULL} when {@code literal} is null. */
  public void password(SqlNode literal, SqlParserPos pos) {
    once("PASSWORD", pos);
    passwordSet = true;
    password = literal == null ? null : SqlLiteral.unchain(literal).getValueAs(String.class);
  }

  /** Records a keyword option; {@code word} is the option as written ({@code LOGIN}, {@code NOCREATEDB}, ...). */
  public void flag(String word, SqlParserPos pos) {
    String upper = word.toUpperCase(java.util.Locale.ROOT);
    boolean value = !upper.startsWith("NO");
    String option = value ? upper : upper.substring(2);
    once(option, pos);
    switch (option) {
      case "LOGIN" -> login = value;
      case "SUPERUSER" -> superuser = value;
      case "CREATEDB" -> createDb = value;
      case "CREATEROLE" -> createRole = value;
      default -> throw new IllegalArgumentException("not a role option: " + word);
    }
  }

  /** Records {@code CONNECTION LIMIT n}; -1 means no limit. */
  public void connectionLimit(SqlNode literal, boolean negative, SqlParserPos pos) {
    once("CONNECTION LIMIT", pos);
    int value = SqlLiteral.unchain(literal).intValue(true) * (negative ? -1 : 1);
    if (value < -1) {
      throw SqlUtil.newContextException(pos,
          OmenParserResource.INSTANCE.invalidConnectionLimit(String.valueOf(value)));
    }
    connectionLimit = value;
  }

  /** Records {@code VALID UNTIL 'timestamp'}; the text is interpreted when the statement runs. */
  public void validUntil(SqlNode literal, SqlParserPos pos) {
    once("VALID UNTIL", pos);
    validUntil = SqlLiteral.unchain(literal).getValueAs(String.class);
  }

  private void once(String option, SqlParserPos pos) {
    if (!seen.add(option)) {
      throw SqlUtil.newContextException(pos, OmenParserResource.INSTANCE.conflictingRoleOptions());
    }
  }

  /** Whether no option was given. */
  public boolean isEmpty() {
    return seen.isEmpty();
  }

  /** Whether a PASSWORD option was given (with a password or NULL). */
  public boolean passwordSet() {
    return passwordSet;
  }

  /** The password or client-computed verifier given, empty for {@code PASSWORD NULL} or none. */
  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  public Optional<Boolean> login() {
    return Optional.ofNullable(login);
  }

  public Optional<Boolean> superuser() {
    return Optional.ofNullable(superuser);
  }

  public Optional<Boolean> createDb() {
    return Optional.ofNullable(createDb);
  }

  public Optional<Boolean> createRole() {
    return Optional.ofNullable(createRole);
  }

  public OptionalInt connectionLimit() {
    return connectionLimit == null ? OptionalInt.empty() : OptionalInt.of(connectionLimit);
  }

  /** The VALID UNTIL text as written ({@code 'infinity'} included). */
  public Optional<String> validUntil() {
    return Optional.ofNullable(validUntil);
  }

  /** Writes the options back as SQL with the password masked. */
  void unparse(SqlWriter writer) {
    if (passwordSet) {
      writer.keyword("PASSWORD");
      writer.literal(password == null ? "NULL" : "'********'");
    }
    login().ifPresent(v -> writer.keyword(v ? "LOGIN" : "NOLOGIN"));
    superuser().ifPresent(v -> writer.keyword(v ? "SUPERUSER" : "NOSUPERUSER"));
    createDb().ifPresent(v -> writer.keyword(v ? "CREATEDB" : "NOCREATEDB"));
    createRole().ifPresent(v -> writer.keyword(v ? "CREATEROLE" : "NOCREATEROLE"));
    connectionLimit().ifPresent(v -> {
      writer.keyword("CONNECTION LIMIT");
      writer.literal(String.valueOf(v));
    });
    validUntil().ifPresent(v -> {
      writer.keyword("VALID UNTIL");
      writer.literal("'" + v.replace("'", "''") + "'");
    });
  }

  /** The options with the password masked; never the password. */
  @Override
  public String toString() {
    return "RoleOptions" + seen;
  }
}
