package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.users.ScramVerifier;
import java.time.Instant;
import java.util.Optional;

/**
 * What authentication at a front end needs to know about a role: its password verifier and whether it may log in now.
 *
 * @param name the role name
 * @param verifier the stored SCRAM-SHA-256 verifier, or empty if the role has no password (password logins fail)
 * @param canLogin whether the role has LOGIN
 * @param superuser whether the role is a superuser
 * @param connectionLimit the CONNECTION LIMIT, or -1 for none
 * @param validUntil when the password expires, or empty for never
 */
public record LoginRole(String name, Optional<ScramVerifier> verifier, boolean canLogin, boolean superuser,
    int connectionLimit, Optional<Instant> validUntil) {

  public LoginRole {
    requireNonNull(name, "name");
    requireNonNull(verifier, "verifier");
    requireNonNull(validUntil, "validUntil");
  }

  /** Whether the password has expired at {@code now} (PostgreSQL's VALID UNTIL). */
  public boolean expiredAt(Instant now) {
    return validUntil.isPresent() && !now.isBefore(validUntil.get());
  }
}
