package io.omendb.server;

import io.omendb.adapter.golden.GoldenCase;
import io.omendb.adapter.golden.GoldenFiles;
import io.omendb.adapter.golden.GoldenRunner;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A representative subset of the golden SQL files through pgjdbc against the whole server, values read as the text
 * the wire protocol carries: one server and connection per file, one dynamic test per case.
 */
class GoldenSqlIT {
  /** The files run over the wire: every query shape, the functions, DML, data errors and unsupported features. */
  private static final Set<String> SUBSET = Set.of("queries/joins.sql", "queries/aggregates.sql",
      "queries/subqueries.sql", "queries/windows.sql", "queries/cte.sql", "queries/setops.sql",
      "queries/conditional.sql", "functions/builtin.sql", "errors/data.sql", "dml/basic.sql", "dml/returning.sql",
      "dml/upsert.sql", "unsupported/statements.sql", "timetravel/asof.sql", "types/uuid.sql", "types/arrays.sql",
      "types/timestamptz.sql", "types/time.sql",
      "ddl/sequences.sql", "ddl/identity.sql",
      "dml/locking.sql", "ddl/views.sql", "types/json.sql", "types/interval.sql");

  @TempDir Path dir;
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  @TestFactory
  Stream<DynamicNode> goldenFilesOverPgjdbc() throws IOException {
    List<DynamicNode> containers = new ArrayList<>();
    int index = 0;
    for (Map.Entry<String, List<GoldenCase>> file : GoldenFiles.load().entrySet()) {
      if (!SUBSET.contains(file.getKey())) {
        continue;
      }
      Path dataDir = dir.resolve("db" + index++);
      GoldenRunner[] runner = new GoldenRunner[1];
      List<DynamicTest> cases = new ArrayList<>();
      for (GoldenCase golden : file.getValue()) {
        cases.add(DynamicTest.dynamicTest(golden.displayName(), () -> {
          if (runner[0] == null) {
            runner[0] = new GoldenRunner(connect(dataDir), true);
          }
          runner[0].run(golden);
        }));
      }
      containers.add(DynamicContainer.dynamicContainer(file.getKey(), cases));
    }
    return containers.stream();
  }

  private Connection connect(Path dataDir) throws Exception {
    OmenServer server = new OmenServer(new ServerConfig(dataDir, InetAddress.getLoopbackAddress(), 0, -1)
        .withSecurity(SecurityOptions.loopbackTrust()));
    server.start();
    opened.add(server);
    Properties properties = new Properties();
    properties.setProperty("user", "tester");
    properties.setProperty("preferQueryMode", "simple");
    Connection connection = DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + server.pgPort() + "/omendb", properties);
    opened.add(connection);
    return connection;
  }
}
