package io.omendb.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real client program (python3, node, npm) to completion and captures what it printed. */
final class ClientProcess {
  private static final long TIMEOUT_SECONDS = 180;

  /** What one run printed (stdout and stderr together) and returned. */
  record Run(int exitCode, String output) {}

  private ClientProcess() {}

  static Run run(Path workDir, Map<String, String> environment, List<String> command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Path output = Files.createTempFile(workDir, "client", ".log");
    builder.redirectOutput(output.toFile());
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish: " + Files.readString(output, StandardCharsets.UTF_8));
    }
    return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }

  /** Whether {@code CI=true}: then a missing client fails the test instead of skipping it. */
  static boolean inCi() {
    return "true".equals(System.getenv("CI"));
  }

  /** Copies a test resource into {@code dir} and returns its path. */
  static Path resource(String name, Path dir) throws IOException {
    Path target = dir.resolve(Path.of(name).getFileName().toString());
    try (var in = ClientProcess.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      Files.copy(in, target);
    }
    return target;
  }
}
