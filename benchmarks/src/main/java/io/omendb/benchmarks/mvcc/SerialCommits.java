package io.omendb.benchmarks.mvcc;

import io.omendb.engine.Engine;
import io.omendb.engine.EngineOptions;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.mvcc.Transaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs N durable commits one after another between two marker lines, so that
 * {@code strace -f -e trace=fsync,fdatasync,write} can count the WAL syncs between the markers' writes to stdout
 * (expected: at least one per commit). Run (from the repository root):
 *
 * <pre>
 * strace -f -e trace=fsync,fdatasync,write -o serial.strace \
 *     java -cp benchmarks/target/benchmarks.jar io.omendb.benchmarks.mvcc.SerialCommits 20
 * awk '/MVCC-SERIAL-BEGIN/{on=1} /MVCC-SERIAL-END/{on=0} on' serial.strace | grep -cE 'fsync|fdatasync'
 * </pre>
 */
public final class SerialCommits {
  static final String BEGIN_MARKER = "MVCC-SERIAL-BEGIN";
  static final String END_MARKER = "MVCC-SERIAL-END";
  private static final int DEFAULT_COMMITS = 20;
  /** Commits before the first marker, so class loading and WAL creation are not counted. */
  private static final int WARM_UP_COMMITS = 5;

  private SerialCommits() {}

  public static void main(String[] args) throws Exception {
    int commits = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_COMMITS;
    Path dir = Files.createTempDirectory("omendb-mvcc-serial");
    try (Engine engine = Engine.open(EngineOptions.create(dir).withSyncCommits(true)
        .withGcInterval(Duration.ZERO))) {
      TableDef table = engine.catalog().createTable(KvTable.spec(), false);
      long id = 0;
      for (int i = 0; i < WARM_UP_COMMITS; i++) {
        commit(engine, table, id++);
      }
      long syncsBefore = engine.transactions().walSyncCount();
      System.out.println(BEGIN_MARKER + " commits=" + commits);
      System.out.flush();
      long started = System.nanoTime();
      for (int i = 0; i < commits; i++) {
        commit(engine, table, id++);
      }
      long micros = (System.nanoTime() - started) / 1_000;
      long syncs = engine.transactions().walSyncCount() - syncsBefore;
      System.out.println(END_MARKER + " commits=" + commits + " walSyncCount=" + syncs + " elapsedMicros=" + micros);
      System.out.flush();
    } finally {
      KvTable.deleteTree(dir);
    }
  }

  private static void commit(Engine engine, TableDef table, long id) {
    try (Transaction tx = engine.begin()) {
      tx.insert(table, KvTable.row(id));
      tx.commit();
    }
  }
}
