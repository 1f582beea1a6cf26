package io.omendb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * psycopg2 (Debian's {@code python3-psycopg2}) runs its battery against the server: every type as a parameter and a
 * result, transactions, errors with SQLSTATE. Skipped where psycopg2 is missing, except in CI, whose script installs
 * it.
 */
class PsycopgIT {
  private static final String PYTHON = "/usr/bin/python3";

  @TempDir Path dataDir;
  @TempDir Path work;
  private OmenServer server;

  @BeforeEach
  void start() throws Exception {
    boolean present = ClientProcess.run(work, Map.of(), List.of("sh", "-c",
        "[ -x " + PYTHON + " ] && " + PYTHON + " -c 'import psycopg2'")).exitCode() == 0;
    if (!present && ClientProcess.inCi()) {
      throw new AssertionError("psycopg2 is required in CI; .ci/run installs python3-psycopg2");
    }
    Assumptions.assumeTrue(present, "python3-psycopg2 is not installed");
    server = new OmenServer(new ServerConfig(dataDir, InetAddress.getLoopbackAddress(), 0, -1));
    server.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void battery_passes() throws Exception {
    Path script = ClientProcess.resource("/clients/psycopg2_battery.py", work);

    ClientProcess.Run run = ClientProcess.run(work, Map.of(),
        List.of(PYTHON, script.toString(), String.valueOf(server.pgPort())));

    assertThat(run.output()).contains("ok select every type", "ok duplicate key sqlstate", "ALL OK");
    assertThat(run.exitCode()).as(run.output()).isZero();
  }
}
