package io.omendb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedQuickstartTest {
  @TempDir Path dir;

  @Test
  void run_printsBalancesAfterTheTransferAndTheSeekPlan() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    EmbeddedQuickstart.run(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out.lines().limit(3)).containsExactly("1 owner-1 70", "2 owner-2 130", "3 owner-3 100");
    assertThat(out).contains("StoreIndexSeek").contains("keys=[[$0 = 2:BIGINT]]");
  }
}
