package io.omendb.examples;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * OmenDB in-process through its embedded JDBC driver: create a table, load it with a prepared statement, move
 * money between accounts in a transaction, and look at the plan of a key lookup.
 *
 * <p>Run: {@code mvn -q -pl examples -am package -DskipTests && java -cp "examples/target/classes:$(mvn -q -pl
 * examples dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" io.omendb.examples.EmbeddedQuickstart [dir]}
 */
public final class EmbeddedQuickstart {
  private EmbeddedQuickstart() {}

  public static void main(String[] args) throws Exception {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("omendb-example");
    run(dir, System.out);
  }

  /** Runs the example against the database in {@code dir}, printing what it does to {@code out}. */
  static void run(Path dir, PrintStream out) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:omendb:" + dir)) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE IF NOT EXISTS account (id BIGINT PRIMARY KEY, owner TEXT NOT NULL, "
            + "balance BIGINT NOT NULL)");
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO account VALUES (?, ?, ?)")) {
        for (long id = 1; id <= 3; id++) {
          insert.setLong(1, id);
          insert.setString(2, "owner-" + id);
          insert.setLong(3, 100);
          insert.executeUpdate();
        }
      }
      connection.setAutoCommit(false);
      try (PreparedStatement move = connection.prepareStatement(
          "UPDATE account SET balance = balance + ? WHERE id = ?")) {
        move.setLong(1, -30);
        move.setLong(2, 1);
        move.executeUpdate();
        move.setLong(1, 30);
        move.setLong(2, 2);
        move.executeUpdate();
      }
      connection.commit();
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        try (ResultSet rs = statement.executeQuery("SELECT id, owner, balance FROM account ORDER BY id")) {
          while (rs.next()) {
            out.printf("%d %s %d%n", rs.getLong(1), rs.getString(2), rs.getLong(3));
          }
        }
        try (ResultSet rs = statement.executeQuery("EXPLAIN SELECT owner FROM account WHERE id = 2")) {
          while (rs.next()) {
            out.println(rs.getString(1));
          }
        }
      }
    }
  }
}
