package io.omendb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** psql's {@code \copy} both ways, and a pg_dump-style {@code COPY ... FROM stdin} block in a script. */
class PsqlCopyIT {
  @TempDir Path dataDir;
  @TempDir Path work;
  private OmenServer server;

  @BeforeEach
  void start() throws Exception {
    boolean psql = Files.isExecutable(Path.of("/usr/bin/psql"));
    if (!psql && ClientProcess.inCi()) {
      throw new AssertionError("psql is required in CI; .ci/run installs postgresql-client");
    }
    Assumptions.assumeTrue(psql, "psql is not installed");
    server = new OmenServer(new ServerConfig(dataDir, InetAddress.getLoopbackAddress(), 0, -1));
    server.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private ClientProcess.Run psql(String... commands) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("psql", "-X", "-q", "-A", "-t", "-h", "127.0.0.1",
        "-p", String.valueOf(server.pgPort()), "-U", "tester", "-d", "omendb", "-v", "ON_ERROR_STOP=1"));
    for (String c : commands) {
      command.add("-c");
      command.add(c);
    }
    return ClientProcess.run(work, Map.of("PGCONNECT_TIMEOUT", "10"), command);
  }

  @Test
  void backslashCopy_loadsAndUnloadsCsv() throws Exception {
    Path in = work.resolve("in.csv");
    Files.writeString(in, "id,name\n1,ann\n2,\"b, c\"\n3,\n", StandardCharsets.UTF_8);
    Path out = work.resolve("out.csv");

    ClientProcess.Run run = psql("CREATE TABLE t (id INT PRIMARY KEY, name TEXT)",
        "\\copy t from '" + in + "' with (format csv, header)",
        "\\copy (SELECT id, name FROM t ORDER BY id) to '" + out + "' csv",
        "SELECT count(*) FROM t WHERE name IS NULL");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("1");
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo("1,ann\n2,\"b, c\"\n3,\n");
  }

  @Test
  void dumpStyleCopyBlock_inAScript() throws Exception {
    Path script = work.resolve("dump.sql");
    Files.writeString(script, "CREATE TABLE t (id INT PRIMARY KEY, name TEXT);\n"
        + "COPY public.t (id, name) FROM stdin;\n1\tann\n2\t\\N\n\\.\n"
        + "SELECT id || ':' || coalesce(name, '-') FROM t ORDER BY id;\n", StandardCharsets.UTF_8);

    ClientProcess.Run run = ClientProcess.run(work, Map.of("PGCONNECT_TIMEOUT", "10"), List.of("psql", "-X", "-q",
        "-A", "-t", "-h", "127.0.0.1", "-p", String.valueOf(server.pgPort()), "-U", "tester", "-d", "omendb",
        "-v", "ON_ERROR_STOP=1", "-f", script.toString()));

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output().lines()).containsExactly("1:ann", "2:-");
  }
}
