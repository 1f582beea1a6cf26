package io.omendb.server;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.Database;
import io.omendb.engine.users.Role;
import io.omendb.engine.users.RoleStore;
import io.omendb.engine.users.ScramVerifier;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Creates the superuser on the first start of a data directory (one without any role), with a password from, in
 * this order: the {@value #PASSWORD_ENV} environment variable, the {@code --admin-password-file}, or a random one
 * written to {@value #GENERATED_FILE} in the data directory (owner read/write only, never overwritten) with a
 * warning that says where it is and asks to change it. Later starts leave the roles alone.
 */
final class AdminBootstrap {
  /** The environment variable that may carry the first superuser password. */
  static final String PASSWORD_ENV = "OMENDB_ADMIN_PASSWORD";
  /** The file in the data directory that receives a generated password. */
  static final String GENERATED_FILE = "admin-password";
  private static final int GENERATED_BYTES = 18;
  private static final System.Logger LOG = System.getLogger(AdminBootstrap.class.getName());

  /** Where the first password came from. */
  enum Source { ENVIRONMENT, FILE, GENERATED, ALREADY_BOOTSTRAPPED }

  private final SecureRandom random;

  AdminBootstrap(SecureRandom random) {
    this.random = requireNonNull(random, "random");
  }

  /**
   * Creates the superuser if {@code database} has no role yet.
   *
   * @throws IOException if the password file cannot be read or the generated one cannot be written
   * @throws IllegalArgumentException if the password file is empty
   */
  Source bootstrap(Database database, AdminConfig config, Map<String, String> environment) throws IOException {
    RoleStore roles = database.engine().roles();
    if (!roles.isEmpty()) {
      return Source.ALREADY_BOOTSTRAPPED;
    }
    String password = environment.get(PASSWORD_ENV);
    Source source = Source.ENVIRONMENT;
    if (password == null || password.isEmpty()) {
      Optional<Path> file = config.passwordFile();
      if (file.isPresent()) {
        password = readPasswordFile(file.get());
        source = Source.FILE;
      } else {
        Path generated = database.dataDir().resolve(GENERATED_FILE);
        password = generate();
        writeOwnerOnly(generated, password);
        source = Source.GENERATED;
        LOG.log(Level.WARNING, "created superuser \"{0}\" with a generated password, written to {1} (readable by"
            + " its owner only); change it (ALTER USER {0} PASSWORD ...) and delete the file", config.user(),
            generated);
      }
    }
    roles.create(Role.create(config.user()).withLogin(true).withSuperuser(true).withCreateRole(true)
        .withCreateDb(true).withVerifier(Optional.of(ScramVerifier.create(password, random))));
    if (source != Source.GENERATED) {
      LOG.log(Level.INFO, "created superuser \"{0}\" with the password from {1}", config.user(),
          source == Source.ENVIRONMENT ? PASSWORD_ENV : "--admin-password-file");
    }
    return source;
  }

  private static String readPasswordFile(Path file) throws IOException {
    String content = Files.readString(file, StandardCharsets.UTF_8);
    String password = content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
        : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    if (password.isEmpty()) {
      throw new IllegalArgumentException("--admin-password-file " + file + " is empty");
    }
    return password;
  }

  private String generate() {
    byte[] bytes = new byte[GENERATED_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Writes {@code password} to a new file readable and writable by its owner only; never replaces a file. */
  private static void writeOwnerOnly(Path file, String password) throws IOException {
    Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
    try {
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException e) {
      throw new IOException("cannot write the generated superuser password: " + file + " already exists;"
          + " remove it or set " + PASSWORD_ENV + " or --admin-password-file", e);
    }
    Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
  }
}
