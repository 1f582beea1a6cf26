package io.omendb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.adapter.Database;
import io.omendb.adapter.LoginRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way the first start of a data directory gets its superuser's password, on a real database. */
class AdminBootstrapTest {
  @TempDir Path dir;

  private final AdminBootstrap bootstrap = new AdminBootstrap(new SecureRandom());

  private static LoginRole admin(Database database, String name) {
    return database.find(name).orElseThrow();
  }

  @Test
  void bootstrap_environmentPassword_superuserWithThatPassword() throws Exception {
    try (Database database = Database.open(dir.resolve("data"))) {
      AdminBootstrap.Source source = bootstrap.bootstrap(database, AdminConfig.defaults(),
          Map.of(AdminBootstrap.PASSWORD_ENV, "from-env"));
      assertThat(source).isEqualTo(AdminBootstrap.Source.ENVIRONMENT);
      LoginRole role = admin(database, AdminConfig.DEFAULT_USER);
      assertThat(role.superuser()).isTrue();
      assertThat(role.canLogin()).isTrue();
      assertThat(role.verifier().orElseThrow().matches("from-env")).isTrue();
      assertThat(database.dataDir().resolve(AdminBootstrap.GENERATED_FILE)).doesNotExist();
    }
  }

  @Test
  void bootstrap_passwordFile_trailingNewlineIgnored() throws Exception {
    Path file = Files.writeString(dir.resolve("pw"), "from-file\n");
    try (Database database = Database.open(dir.resolve("data"))) {
      AdminBootstrap.Source source = bootstrap.bootstrap(database,
          AdminConfig.defaults().withUser("root_admin").withPasswordFile(file), Map.of());
      assertThat(source).isEqualTo(AdminBootstrap.Source.FILE);
      assertThat(admin(database, "root_admin").verifier().orElseThrow().matches("from-file")).isTrue();
      assertThat(database.find(AdminConfig.DEFAULT_USER)).isEmpty();
    }
  }

  @Test
  void bootstrap_noPasswordGiven_randomOneWrittenOwnerOnlyOnce() throws Exception {
    Path generated;
    String password;
    try (Database database = Database.open(dir.resolve("data"))) {
      assertThat(bootstrap.bootstrap(database, AdminConfig.defaults(), Map.of()))
          .isEqualTo(AdminBootstrap.Source.GENERATED);
      generated = database.dataDir().resolve(AdminBootstrap.GENERATED_FILE);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(generated))).isEqualTo("rw-------");
      List<String> lines = Files.readAllLines(generated);
      assertThat(lines).hasSize(1);
      password = lines.get(0);
      assertThat(password).hasSizeGreaterThanOrEqualTo(20);
      assertThat(admin(database, AdminConfig.DEFAULT_USER).verifier().orElseThrow().matches(password)).isTrue();
    }
    try (Database database = Database.open(dir.resolve("data"))) {
      assertThat(bootstrap.bootstrap(database, AdminConfig.defaults(), Map.of(AdminBootstrap.PASSWORD_ENV, "late")))
          .isEqualTo(AdminBootstrap.Source.ALREADY_BOOTSTRAPPED);
      assertThat(Files.readAllLines(generated)).containsExactly(password);
      assertThat(admin(database, AdminConfig.DEFAULT_USER).verifier().orElseThrow().matches(password)).isTrue();
      assertThat(admin(database, AdminConfig.DEFAULT_USER).verifier().orElseThrow().matches("late")).isFalse();
    }
  }

  @Test
  void bootstrap_twoDataDirectories_differentGeneratedPasswords() throws Exception {
    String first;
    String second;
    try (Database database = Database.open(dir.resolve("a"))) {
      bootstrap.bootstrap(database, AdminConfig.defaults(), Map.of());
      first = Files.readString(database.dataDir().resolve(AdminBootstrap.GENERATED_FILE));
    }
    try (Database database = Database.open(dir.resolve("b"))) {
      bootstrap.bootstrap(database, AdminConfig.defaults(), Map.of());
      second = Files.readString(database.dataDir().resolve(AdminBootstrap.GENERATED_FILE));
    }
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void bootstrap_emptyPasswordFile_refusedAndNoRoleCreated() throws Exception {
    Path file = Files.writeString(dir.resolve("empty"), "\n");
    try (Database database = Database.open(dir.resolve("data"))) {
      assertThatThrownBy(() -> bootstrap.bootstrap(database, AdminConfig.defaults().withPasswordFile(file),
          Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
      assertThat(database.engine().roles().isEmpty()).isTrue();
    }
  }

  @Test
  void parseStart_adminFlags() {
    ServerConfig config = Main.parseStart(List.of("--admin-user", "boss", "--admin-password-file", "/run/pw"));
    assertThat(config.admin().user()).isEqualTo("boss");
    assertThat(config.admin().passwordFile()).contains(Path.of("/run/pw"));
    assertThat(Main.parseStart(List.of()).admin()).isEqualTo(AdminConfig.defaults());
  }
}
