package io.omendb.engine;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * How to open an {@link Engine}.
 *
 * @param dataDir the directory holding the database; created if absent
 * @param syncCommits whether a commit returns only after its WAL write is synced (the default); false trades the
 *     last moments of acknowledged commits on power loss for speed, like PostgreSQL's synchronous_commit = off
 */
public record EngineOptions(Path dataDir, boolean syncCommits) {
  public EngineOptions {
    requireNonNull(dataDir, "dataDir");
  }

  public static EngineOptions create(Path dataDir) {
    return new EngineOptions(dataDir, true);
  }

  public EngineOptions withDataDir(Path dataDir) {
    return new EngineOptions(dataDir, syncCommits);
  }

  public EngineOptions withSyncCommits(boolean syncCommits) {
    return new EngineOptions(dataDir, syncCommits);
  }
}
