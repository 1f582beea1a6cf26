package io.omendb.engine.users;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A persisted role (a user is a role with LOGIN): its SCRAM verifier, never the password, its attributes and the
 * roles it is a member of.
 *
 * @param name the role name
 * @param verifier the stored SCRAM-SHA-256 verifier, or empty if the role has no password
 * @param login whether the role may log in (LOGIN)
 * @param superuser whether the role bypasses every privilege check (SUPERUSER)
 * @param createDb whether the role may create databases (CREATEDB; recorded, there is one database)
 * @param createRole whether the role may create, alter and drop other non-superuser roles (CREATEROLE)
 * @param connectionLimit the CONNECTION LIMIT, or -1 for none
 * @param validUntil when the password expires, or empty for never
 * @param memberOf the roles whose privileges this role inherits (GRANT role TO this), sorted by name
 */
public record Role(String name, Optional<ScramVerifier> verifier, boolean login, boolean superuser, boolean createDb,
    boolean createRole, int connectionLimit, Optional<Instant> validUntil, Set<String> memberOf) {

  /** The pseudo-role every role belongs to; grants to PUBLIC apply to everyone. */
  public static final String PUBLIC = "public";

  public Role {
    requireNonNull(name, "name");
    requireNonNull(verifier, "verifier");
    requireNonNull(validUntil, "validUntil");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a role name may not be empty");
    }
    if (connectionLimit < -1) {
      throw new IllegalArgumentException("connection limit must be -1 (none) or more: " + connectionLimit);
    }
    memberOf = Set.copyOf(new TreeSet<>(requireNonNull(memberOf, "memberOf")));
  }

  /** A role with no password, NOLOGIN and no other attribute (PostgreSQL's CREATE ROLE defaults). */
  public static Role create(String name) {
    return new Role(name, Optional.empty(), false, false, false, false, -1, Optional.empty(), Set.of());
  }

  public Role withName(String newName) {
    return new Role(newName, verifier, login, superuser, createDb, createRole, connectionLimit, validUntil, memberOf);
  }

  public Role withVerifier(Optional<ScramVerifier> newVerifier) {
    return new Role(name, newVerifier, login, superuser, createDb, createRole, connectionLimit, validUntil, memberOf);
  }

  public Role withLogin(boolean newLogin) {
    return new Role(name, verifier, newLogin, superuser, createDb, createRole, connectionLimit, validUntil, memberOf);
  }

  public Role withSuperuser(boolean newSuperuser) {
    return new Role(name, verifier, login, newSuperuser, createDb, createRole, connectionLimit, validUntil, memberOf);
  }

  public Role withCreateDb(boolean newCreateDb) {
    return new Role(name, verifier, login, superuser, newCreateDb, createRole, connectionLimit, validUntil, memberOf);
  }

  public Role withCreateRole(boolean newCreateRole) {
    return new Role(name, verifier, login, superuser, createDb, newCreateRole, connectionLimit, validUntil, memberOf);
  }

  public Role withConnectionLimit(int newLimit) {
    return new Role(name, verifier, login, superuser, createDb, createRole, newLimit, validUntil, memberOf);
  }

  public Role withValidUntil(Optional<Instant> newValidUntil) {
    return new Role(name, verifier, login, superuser, createDb, createRole, connectionLimit, newValidUntil, memberOf);
  }

  public Role withMemberOf(Set<String> newMemberOf) {
    return new Role(name, verifier, login, superuser, createDb, createRole, connectionLimit, validUntil, newMemberOf);
  }

  /** This role's text for logs and errors; never contains the verifier. */
  @Override
  public String toString() {
    return "Role[" + name + (login ? ", LOGIN" : "") + (superuser ? ", SUPERUSER" : "")
        + (createRole ? ", CREATEROLE" : "") + (createDb ? ", CREATEDB" : "")
        + (verifier.isPresent() ? ", PASSWORD" : "") + ", memberOf=" + memberOf + "]";
  }
}
