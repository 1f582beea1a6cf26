package io.omendb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * node-postgres ({@code pg} from npm, pinned by {@code src/test/node/package-lock.json} and installed with
 * {@code npm ci} under {@code target/node-clients}) runs its battery against the server over the extended query
 * protocol with zero parameter OIDs: every type as a parameter and a text or binary result, transactions, errors
 * with SQLSTATE. Skipped where node or npm is missing, except in CI.
 */
class NodePgIT {
  private static final Path PACKAGE_DIR = Path.of("src", "test", "node");
  private static final Path INSTALL_DIR = Path.of("target", "node-clients");

  @TempDir Path dataDir;
  @TempDir Path work;
  private OmenServer server;

  @BeforeEach
  void start() throws Exception {
    boolean present = ClientProcess.run(work, Map.of(), List.of("sh", "-c",
        "command -v node && command -v npm")).exitCode() == 0;
    if (!present && ClientProcess.inCi()) {
      throw new AssertionError("node and npm are required in CI");
    }
    Assumptions.assumeTrue(present, "node or npm is not installed");
    installPg();
    server = new OmenServer(new ServerConfig(dataDir, InetAddress.getLoopbackAddress(), 0, -1));
    server.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** Installs the locked {@code pg} once per build directory. */
  private static void installPg() throws Exception {
    Path installDir = INSTALL_DIR.toAbsolutePath();
    if (Files.isDirectory(installDir.resolve("node_modules").resolve("pg"))) {
      return;
    }
    Files.createDirectories(installDir);
    for (String file : List.of("package.json", "package-lock.json")) {
      Files.copy(PACKAGE_DIR.resolve(file), installDir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    ClientProcess.Run install = ClientProcess.run(installDir, Map.of(),
        List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"));
    assertThat(install.exitCode()).as("npm ci: " + install.output()).isZero();
  }

  @Test
  void battery_passes() throws Exception {
    Path script = ClientProcess.resource("/clients/node_pg_battery.js", work);

    ClientProcess.Run run = ClientProcess.run(work,
        Map.of("NODE_PATH", INSTALL_DIR.toAbsolutePath().resolve("node_modules").toString()),
        List.of("node", script.toString(), String.valueOf(server.pgPort())));

    assertThat(run.output()).contains("ok named bytea", "ok duplicate key", "ALL OK");
    assertThat(run.exitCode()).as(run.output()).isZero();
  }
}
