package io.omendb.pg.auth;

import java.util.Locale;

/** How an hba rule authenticates the connections it matches; md5 is deliberately absent. */
public enum AuthMethod {
  /**
   * Accept the user without a password. Only safe when nobody but local users can connect, so the server refuses to
   * listen beyond loopback while any trust rule exists, and admits trust logins from loopback clients only.
   */
  TRUST("trust"),
  /** SCRAM-SHA-256, and SCRAM-SHA-256-PLUS with channel binding on TLS: the password never crosses the wire. */
  SCRAM_SHA_256("scram-sha-256"),
  /** The password in clear, checked against the stored verifier; allowed in hostssl rules only. */
  PASSWORD("password"),
  /** Refuse the connection. */
  REJECT("reject");

  private final String keyword;

  AuthMethod(String keyword) {
    this.keyword = keyword;
  }

  /** The name used in hba rules, as in PostgreSQL's pg_hba.conf. */
  public String keyword() {
    return keyword;
  }

  /**
   * The method named {@code keyword} in an hba rule.
   *
   * @throws IllegalArgumentException for md5 (insecure, unsupported) and unknown names
   */
  public static AuthMethod byKeyword(String keyword) {
    String name = keyword.toLowerCase(Locale.ROOT);
    for (AuthMethod method : values()) {
      if (method.keyword.equals(name)) {
        return method;
      }
    }
    if (name.equals("md5")) {
      throw new IllegalArgumentException("authentication method md5 is not supported: use scram-sha-256");
    }
    throw new IllegalArgumentException("unknown authentication method \"" + keyword
        + "\" (expected trust, scram-sha-256, password or reject)");
  }
}
