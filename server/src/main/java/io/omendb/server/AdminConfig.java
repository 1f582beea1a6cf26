package io.omendb.server;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the first start of a data directory creates its superuser. There is no default password: it comes from the
 * {@value AdminBootstrap#PASSWORD_ENV} environment variable or {@code --admin-password-file}, else a random one is
 * generated and written once to {@value AdminBootstrap#GENERATED_FILE} in the data directory.
 *
 * @param user the superuser's name ({@code --admin-user}, default {@value #DEFAULT_USER})
 * @param passwordFile the file holding its password ({@code --admin-password-file}), if given
 */
public record AdminConfig(String user, Optional<Path> passwordFile) {
  /** The default superuser name; also the embedded driver's default user, so in-process tables stay its own. */
  public static final String DEFAULT_USER = "omendb";

  public AdminConfig {
    requireNonNull(user, "user");
    requireNonNull(passwordFile, "passwordFile");
    if (user.isEmpty()) {
      throw new IllegalArgumentException("--admin-user may not be empty");
    }
  }

  public static AdminConfig defaults() {
    return new AdminConfig(DEFAULT_USER, Optional.empty());
  }

  public AdminConfig withUser(String newUser) {
    return new AdminConfig(newUser, passwordFile);
  }

  public AdminConfig withPasswordFile(Path file) {
    return new AdminConfig(user, Optional.of(file));
  }
}
