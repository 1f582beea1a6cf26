package io.omendb.adapter;

import io.omendb.adapter.parser.RoleOptions;
import io.omendb.adapter.parser.SqlAlterRole;
import io.omendb.adapter.parser.SqlCreateRole;
import io.omendb.adapter.parser.SqlDropRole;
import io.omendb.adapter.parser.SqlGrantPrivileges;
import io.omendb.adapter.parser.SqlGrantRole;
import io.omendb.engine.catalog.Catalog;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.catalog.ViewDef;
import io.omendb.engine.users.Role;
import io.omendb.engine.users.RoleStore;
import io.omendb.engine.users.ScramVerifier;
import io.omendb.engine.users.TableAcl;
import io.omendb.engine.users.TablePrivilege;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * Runs the role and privilege statements ({@code CREATE | ALTER | DROP USER | ROLE}, {@code GRANT}, {@code REVOKE})
 * against the engine's {@link RoleStore}, with PostgreSQL's rules for who may do what: a superuser anything, a
 * CREATEROLE role everything but superusers, every role its own password.
 *
 * <p>Passwords are turned into SCRAM-SHA-256 verifiers here and never stored, logged or echoed; a password that
 * already is a verifier (psql's {@code \password} computes one on the client) is stored as given.
 */
final class RoleStatements {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().append(DateTimeFormatter.ISO_LOCAL_TIME).optionalEnd()
      .optionalStart().appendOffset("+HH:mm", "Z").optionalEnd()
      .optionalStart().appendOffset("+HH", "Z").optionalEnd()
      .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
      .toFormatter(Locale.ROOT);

  private RoleStatements() {}

  /** The command kind (tag) of a role or privilege statement. */
  static CommandKind commandKind(SqlNode node) throws SQLException {
    if (node instanceof SqlCreateRole) {
      return CommandKind.CREATE_ROLE;
    }
    if (node instanceof SqlAlterRole) {
      return CommandKind.ALTER_ROLE;
    }
    if (node instanceof SqlDropRole) {
      return CommandKind.DROP_ROLE;
    }
    if (node instanceof SqlGrantRole grant) {
      return grant.revoke() ? CommandKind.REVOKE : CommandKind.GRANT;
    }
    if (node instanceof SqlGrantPrivileges grant) {
      return grant.revoke() ? CommandKind.REVOKE : CommandKind.GRANT;
    }
    throw new SQLException("statement not supported yet: " + node.getKind(), "0A000");
  }

  /** {@code CREATE USER | ROLE}. */
  static void create(SqlCreateRole create, SessionAccess access) {
    bootstrapIfFirst(access, create.name());
    if (!access.canManageRoles()) {
      throw denied("permission denied to create role");
    }
    RoleOptions options = create.options();
    if (options.superuser().orElse(false) && !access.isSuperuser()) {
      throw denied("must be superuser to create superusers");
    }
    Role role = apply(Role.create(create.name()).withLogin(create.user()), options);
    access.roles().create(role);
  }

  /** {@code ALTER USER | ROLE ... [RENAME TO]}. */
  static void alter(SqlAlterRole alter, SessionAccess access) {
    RoleStore roles = access.roles();
    Role target = roles.role(alter.name()).orElseThrow(() -> undefinedRole(alter.name()));
    if (alter.newName() != null) {
      if (target.name().equals(access.user())) {
        throw new SqlStateException("0A000", "session user cannot be renamed");
      }
      checkManage(access, target, false);
      roles.rename(target.name(), alter.newName());
      return;
    }
    RoleOptions options = alter.options();
    boolean ownPasswordOnly = target.name().equals(access.user()) && options.passwordSet()
        && options.login().isEmpty() && options.superuser().isEmpty() && options.createDb().isEmpty()
        && options.createRole().isEmpty() && options.connectionLimit().isEmpty() && options.validUntil().isEmpty();
    if (!ownPasswordOnly) {
      checkManage(access, target, options.superuser().isPresent());
    }
    roles.update(apply(target, options));
  }

  /** {@code DROP USER | ROLE [IF EXISTS]}. */
  static void drop(SqlDropRole drop, SessionAccess access) {
    RoleStore roles = access.roles();
    for (String name : drop.names()) {
      Optional<Role> target = roles.role(name);
      if (target.isEmpty()) {
        if (drop.ifExists()) {
          continue;
        }
        throw undefinedRole(name);
      }
      if (name.equals(access.user())) {
        throw new SqlStateException("55006", "current user cannot be dropped");
      }
      checkManage(access, target.get(), false);
      roles.drop(name, drop.ifExists());
    }
  }

  /** {@code GRANT role TO member} and {@code REVOKE role FROM member}. */
  static void grantRole(SqlGrantRole grant, SessionAccess access) {
    if (!access.canManageRoles()) {
      throw denied("permission denied to " + (grant.revoke() ? "revoke" : "grant") + " role membership");
    }
    RoleStore roles = access.roles();
    for (String group : grant.roles()) {
      Role groupRole = roles.role(group).orElseThrow(() -> undefinedRole(group));
      if (groupRole.superuser() && !access.isSuperuser()) {
        throw denied("must be superuser to alter superusers");
      }
      for (String member : grant.members()) {
        if (grant.revoke()) {
          roles.revokeMembership(group, member);
        } else {
          roles.grantMembership(group, member);
        }
      }
    }
  }

  /** {@code GRANT | REVOKE privileges ON tables TO | FROM grantees}. */
  static void grantPrivileges(SqlGrantPrivileges grant, SessionAccess access, Catalog catalog) {
    grantPrivileges(grant, access, catalog, new DdlNames(catalog, List.of(StoreSchema.NAME)));
  }

  /** As above, the tables named resolved by {@code names}. */
  static void grantPrivileges(SqlGrantPrivileges grant, SessionAccess access, Catalog catalog, DdlNames names) {
    RoleStore roles = access.roles();
    Set<TablePrivilege> privileges = privileges(grant.privileges());
    List<TableDef> tables = new ArrayList<>();
    if (grant.schema() != null) {
      if (!catalog.schemas().exists(grant.schema())) {
        throw new SqlStateException("3F000", "schema \"" + grant.schema() + "\" does not exist");
      }
      catalog.tables().stream()
          .filter(table -> io.omendb.engine.catalog.RelationNames.inSchema(table.name(), grant.schema()))
          .forEach(tables::add);
      catalog.views().views().stream()
          .filter(view -> io.omendb.engine.catalog.RelationNames.inSchema(view.name(), grant.schema()))
          .forEach(view -> tables.add(view.relation()));
    } else {
      for (SqlIdentifier identifier : grant.tables()) {
        String name = names.lookup(identifier,
            relation -> catalog.table(relation).isPresent() || catalog.views().exists(relation));
        tables.add(catalog.table(name).or(() -> catalog.views().view(name).map(ViewDef::relation)).orElseThrow(
            () -> new SqlStateException("42P01",
                "relation \"" + io.omendb.engine.catalog.RelationNames.nameOf(name) + "\" does not exist")));
      }
    }
    for (String grantee : grant.grantees()) {
      if (!grantee.equals(Role.PUBLIC) && roles.role(grantee).isEmpty()) {
        throw undefinedRole(grantee);
      }
    }
    for (TableDef table : tables) {
      TableAcl acl = roles.acl(table.id()).orElseGet(() -> TableAcl.create(table.id(), access.user()));
      boolean owner = access.isSuperuser() || roles.isOwner(access.user(), table.id());
      if (!owner && !holdsGrantOption(roles, access.user(), acl, privileges)) {
        throw SessionAccess.denied(table);
      }
      // As in PostgreSQL, the owner's (or a superuser's) grant is recorded as made by the owner.
      String grantor = owner ? acl.owner() : access.user();
      for (String grantee : grant.grantees()) {
        acl = grant.revoke()
            ? acl.revoke(grantee, privileges, grant.grantOption())
            : acl.grant(grantee, grantor, privileges, grant.grantOption());
      }
      roles.putAcl(acl);
    }
  }

  private static boolean holdsGrantOption(RoleStore roles, String user, TableAcl acl,
      Set<TablePrivilege> privileges) {
    Set<TablePrivilege> grantable = EnumSet.noneOf(TablePrivilege.class);
    for (String role : roles.effectiveRoles(user)) {
      grantable.addAll(acl.grantableOf(role));
    }
    return grantable.containsAll(privileges);
  }

  /**
   * The first role created in a database that has none makes the creating session's user its bootstrap superuser
   * first, as initdb does, so that creating a role never locks out the session that creates it.
   */
  private static void bootstrapIfFirst(SessionAccess access, String creating) {
    RoleStore roles = access.roles();
    if (roles.isEmpty() && !creating.equals(access.user())) {
      roles.create(Role.create(access.user()).withLogin(true).withSuperuser(true).withCreateRole(true)
          .withCreateDb(true));
    }
  }

  /** Checks that the session may alter or drop {@code target} (and change the SUPERUSER attribute if asked). */
  private static void checkManage(SessionAccess access, Role target, boolean changesSuperuser) {
    if ((target.superuser() || changesSuperuser) && !access.isSuperuser()) {
      throw denied("must be superuser to alter superuser roles or change superuser attribute");
    }
    if (!access.canManageRoles()) {
      throw denied("permission denied to alter role \"" + target.name() + "\"");
    }
  }

  private static Role apply(Role role, RoleOptions options) {
    Role result = role;
    if (options.passwordSet()) {
      result = result.withVerifier(options.password().filter(p -> !p.isEmpty()).map(RoleStatements::verifier));
    }
    result = result.withLogin(options.login().orElse(result.login()))
        .withSuperuser(options.superuser().orElse(result.superuser()))
        .withCreateDb(options.createDb().orElse(result.createDb()))
        .withCreateRole(options.createRole().orElse(result.createRole()))
        .withConnectionLimit(options.connectionLimit().orElse(result.connectionLimit()));
    if (options.validUntil().isPresent()) {
      result = result.withValidUntil(validUntil(options.validUntil().get()));
    }
    return result;
  }

  /** The verifier to store for {@code password}: itself if the client sent a verifier, else a fresh one. */
  private static ScramVerifier verifier(String password) {
    if (ScramVerifier.isVerifier(password)) {
      try {
        return ScramVerifier.parse(password);
      } catch (IllegalArgumentException e) {
        throw new SqlStateException("22023", "malformed SCRAM-SHA-256 verifier");
      }
    }
    if (password.startsWith("md5") && password.length() == 35) {
      throw new SqlStateException("0A000", "MD5 password hashes are not supported; use SCRAM-SHA-256");
    }
    return ScramVerifier.create(password, RANDOM);
  }

  /** PostgreSQL's VALID UNTIL text: {@code 'infinity'} or a timestamp (UTC unless it carries an offset). */
  static Optional<Instant> validUntil(String text) {
    String trimmed = text.trim();
    if (trimmed.equalsIgnoreCase("infinity")) {
      return Optional.empty();
    }
    try {
      var parsed = TIMESTAMP.parseBest(trimmed, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
      if (parsed instanceof OffsetDateTime offset) {
        return Optional.of(offset.toInstant());
      }
      if (parsed instanceof LocalDateTime local) {
        return Optional.of(local.toInstant(ZoneOffset.UTC));
      }
      return Optional.of(((LocalDate) parsed).atStartOfDay().toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      throw new SqlStateException("22007",
          "invalid input syntax for type timestamp with time zone: \"" + text + "\"");
    }
  }

  private static Set<TablePrivilege> privileges(List<String> words) {
    if (words.isEmpty()) {
      return EnumSet.allOf(TablePrivilege.class);
    }
    EnumSet<TablePrivilege> privileges = EnumSet.noneOf(TablePrivilege.class);
    for (String word : words) {
      privileges.add(TablePrivilege.valueOf(word.toUpperCase(Locale.ROOT)));
    }
    return privileges;
  }

  private static SqlStateException undefinedRole(String name) {
    return new SqlStateException("42704", "role \"" + name + "\" does not exist");
  }

  private static SqlStateException denied(String message) {
    return new SqlStateException("42501", message);
  }
}
