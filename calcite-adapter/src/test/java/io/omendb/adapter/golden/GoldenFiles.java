package io.omendb.adapter.golden;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the golden SQL files on the class path, under {@code sql/<feature>/*.sql}, whether the test resources are a
 * directory (this module's tests) or a test jar (the server's integration tests).
 */
public final class GoldenFiles {
  /** The class-path directory that holds the feature directories. */
  public static final String ROOT = "sql";

  private GoldenFiles() {}

  /** Every golden file's cases, keyed by its path relative to {@link #ROOT} ({@code joins/outer.sql}), in order. */
  public static Map<String, List<GoldenCase>> load() throws IOException {
    URL url = GoldenFiles.class.getClassLoader().getResource(ROOT);
    if (url == null) {
      throw new IOException("no " + ROOT + " directory on the class path");
    }
    URI uri;
    try {
      uri = url.toURI();
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    if (uri.getScheme().equals("jar")) {
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        return load(jar.getPath(ROOT));
      }
    }
    return load(Path.of(uri));
  }

  private static Map<String, List<GoldenCase>> load(Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(path -> path.toString().endsWith(".sql")).forEach(files::add);
    }
    files.sort(null);
    Map<String, List<GoldenCase>> loaded = new LinkedHashMap<>();
    for (Path file : files) {
      String name = root.relativize(file).toString().replace('\\', '/');
      loaded.put(name, GoldenFile.parse(name, Files.readString(file, StandardCharsets.UTF_8)));
    }
    return loaded;
  }
}
