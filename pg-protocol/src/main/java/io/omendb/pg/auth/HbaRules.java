package io.omendb.pg.auth;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An ordered list of {@link HbaRule}s: the first rule that matches a connection decides how it authenticates, and a
 * connection no rule matches is refused, as in PostgreSQL's pg_hba.conf.
 *
 * @param rules the rules, in order
 */
public record HbaRules(List<HbaRule> rules) {
  private static final int COLUMNS = 5;
  private static final String ALL = "all";

  public HbaRules {
    rules = List.copyOf(requireNonNull(rules, "rules"));
  }

  /** Trust for loopback clients only: what a server bound to loopback has without further configuration. */
  public static HbaRules loopbackTrust() {
    return parse("host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");
  }

  /** SCRAM-SHA-256 for every client, over TLS or not. */
  public static HbaRules scramEverywhere() {
    return parse("host all all all scram-sha-256\n");
  }

  /**
   * Parses rules in pg_hba.conf syntax: one per line, {@code TYPE DATABASE USER ADDRESS METHOD}, where DATABASE and
   * USER are {@code all} or comma-separated names, ADDRESS is {@code all} or a CIDR range; {@code #} starts a
   * comment.
   *
   * @throws IllegalArgumentException naming the line of the first error
   */
  public static HbaRules parse(String text) {
    List<HbaRule> rules = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      line = line.strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        rules.add(parseRule(line.split("\\s+")));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("hba rule on line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return new HbaRules(rules);
  }

  private static HbaRule parseRule(String[] columns) {
    if (columns.length != COLUMNS) {
      throw new IllegalArgumentException("expected 5 columns (TYPE DATABASE USER ADDRESS METHOD), got "
          + columns.length + ": " + String.join(" ", columns));
    }
    HbaRule.Type type = HbaRule.Type.byKeyword(columns[0]);
    Optional<Cidr> address = columns[3].equalsIgnoreCase(ALL) ? Optional.empty() : Optional.of(Cidr.parse(columns[3]));
    return new HbaRule(type, names(columns[1]), names(columns[2]), address, AuthMethod.byKeyword(columns[4]));
  }

  private static Set<String> names(String column) {
    if (column.equals(ALL)) {
      return Set.of();
    }
    Set<String> names = new LinkedHashSet<>(Arrays.asList(column.split(",")));
    if (names.contains("")) {
      throw new IllegalArgumentException("empty name in \"" + column + "\"");
    }
    return names;
  }

  /** The first rule matching the connection, or empty if none does (the connection is then refused). */
  public Optional<HbaRule> match(boolean tls, InetAddress client, String database, String user) {
    return rules.stream().filter(rule -> rule.matches(tls, client, database, user)).findFirst();
  }

  /** Whether any rule uses trust: then the server may only listen on loopback. */
  public boolean hasTrust() {
    return rules.stream().anyMatch(rule -> rule.method() == AuthMethod.TRUST);
  }

  /** Whether any rule can only match TLS connections or asks for a clear-text password (both need TLS). */
  public boolean needsTls() {
    return rules.stream().anyMatch(rule -> rule.type() == HbaRule.Type.HOSTSSL);
  }

  /** The rules in pg_hba.conf syntax, one per line. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    rules.forEach(rule -> text.append(rule).append('\n'));
    return text.toString();
  }
}
