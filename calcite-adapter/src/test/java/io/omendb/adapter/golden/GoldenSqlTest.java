package io.omendb.adapter.golden;

import io.omendb.adapter.Database;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every golden SQL file through the embedded driver: a fresh database per file, one dynamic test per case, the
 * cases of a file in order on one connection.
 */
class GoldenSqlTest {
  @TempDir Path dir;
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  @TestFactory
  Stream<DynamicNode> goldenFiles() throws IOException {
    Map<String, List<GoldenCase>> files = GoldenFiles.load();
    List<DynamicNode> containers = new ArrayList<>();
    int index = 0;
    for (Map.Entry<String, List<GoldenCase>> file : files.entrySet()) {
      Path dataDir = dir.resolve("db" + index++);
      GoldenRunner[] runner = new GoldenRunner[1];
      List<DynamicTest> cases = new ArrayList<>();
      for (GoldenCase golden : file.getValue()) {
        cases.add(DynamicTest.dynamicTest(golden.displayName(), () -> {
          if (runner[0] == null) {
            runner[0] = new GoldenRunner(open(dataDir), false);
          }
          runner[0].run(golden);
        }));
      }
      containers.add(DynamicContainer.dynamicContainer(file.getKey(), cases));
    }
    return containers.stream();
  }

  private Connection open(Path dataDir) throws SQLException {
    Database database = Database.open(dataDir);
    opened.add(database);
    Connection connection = DriverManager.getConnection(database.jdbcUrl());
    opened.add(connection);
    return connection;
  }
}
