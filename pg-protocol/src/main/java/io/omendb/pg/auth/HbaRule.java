package io.omendb.pg.auth;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One pg_hba-style rule: which connections it matches and how they authenticate. Written as in PostgreSQL's
 * pg_hba.conf, {@code TYPE DATABASE USER ADDRESS METHOD}, e.g. {@code hostssl all all 0.0.0.0/0 scram-sha-256}.
 *
 * @param type which transports the rule matches
 * @param databases the database names it matches, empty for {@code all}
 * @param users the user names it matches, empty for {@code all}
 * @param address the client addresses it matches, empty for {@code all}
 * @param method how matching connections authenticate
 */
public record HbaRule(Type type, Set<String> databases, Set<String> users, Optional<Cidr> address, AuthMethod method) {

  /** The connection type column. */
  public enum Type {
    /** TCP, with or without TLS. */
    HOST("host"),
    /** TCP with TLS only. */
    HOSTSSL("hostssl"),
    /** TCP without TLS only. */
    HOSTNOSSL("hostnossl");

    private final String keyword;

    Type(String keyword) {
      this.keyword = keyword;
    }

    public String keyword() {
      return keyword;
    }

    static Type byKeyword(String keyword) {
      for (Type type : values()) {
        if (type.keyword.equals(keyword.toLowerCase(Locale.ROOT))) {
          return type;
        }
      }
      throw new IllegalArgumentException("invalid connection type \"" + keyword
          + "\" (expected host, hostssl or hostnossl)");
    }
  }

  public HbaRule {
    requireNonNull(type, "type");
    databases = Set.copyOf(requireNonNull(databases, "databases"));
    users = Set.copyOf(requireNonNull(users, "users"));
    requireNonNull(address, "address");
    requireNonNull(method, "method");
    if (method == AuthMethod.PASSWORD && type != Type.HOSTSSL) {
      throw new IllegalArgumentException("method password sends the password in clear, so it is only allowed in"
          + " hostssl rules");
    }
  }

  /** Whether a connection with these properties is matched by this rule. */
  public boolean matches(boolean tls, InetAddress client, String database, String user) {
    return (type == Type.HOST || (type == Type.HOSTSSL) == tls)
        && (databases.isEmpty() || databases.contains(database))
        && (users.isEmpty() || users.contains(user))
        && (address.isEmpty() || address.get().contains(client));
  }

  /** The rule in pg_hba.conf syntax. */
  @Override
  public String toString() {
    return type.keyword() + " " + list(databases) + " " + list(users) + " "
        + address.map(Cidr::toString).orElse("all") + " " + method.keyword();
  }

  private static String list(Set<String> names) {
    return names.isEmpty() ? "all" : String.join(",", new java.util.TreeSet<>(names));
  }
}
