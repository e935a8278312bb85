package com.eros.tools.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded {@code tools/target/eros.jar}, started in its own JVM as {@code ./eros} starts it: a
 * small generated world through generate, caption-performance and lock-sweep. Unit tests run on
 * Maven's test classpath; only this run sees what the jar really holds.
 */
class ToolsJarIT {
  private static final String NOW = "2026-11-29T12:00:00Z";

  @TempDir Path dir;

  @Test
  void theJarRunsTheCommandsOnAGeneratedWarehouse() throws Exception {
    String warehouse = "--warehouse=duckdb:" + dir.resolve("it.duckdb");
    Result generate = run("generate", "--messages=3000", "--pages=4", "--now=" + NOW, warehouse);
    assertThat(generate.output(), generate.code(), equalTo(0));

    Result stats = run("caption-performance", "--asOf=" + NOW, "--jobId=it-cp-1", warehouse);
    assertThat(stats.output(), stats.code(), equalTo(0));
    assertThat(stats.output(), containsString("SUCCESS"));

    Result sweep = run("lock-sweep", "--now=" + NOW, "--jobId=it-ls-1", warehouse);
    assertThat(sweep.output(), sweep.code(), equalTo(0));
  }

  private record Result(int code, String output) {}

  private Result run(String... args) throws IOException, InterruptedException {
    Path jar = Path.of("target", "eros.jar").toAbsolutePath();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-jar",
                jar.toString()));
    command.addAll(List.of(args));
    Path log = Files.createTempFile(dir, "eros", ".log");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("eros " + String.join(" ", args) + " did not finish in 5 minutes");
    }
    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
