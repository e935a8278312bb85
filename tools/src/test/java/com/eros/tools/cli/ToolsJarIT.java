package com.eros.tools.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
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

  /**
   * DuckDB's native libraries are not in the jar (from there the driver would unpack 57 MB to /tmp
   * on every run, and leave it behind when the run is killed) but beside it, where the driver loads
   * them in place: the commands above ran with no other copy on the class path.
   */
  @Test
  void duckDbsNativeLibraryIsBesideTheJarNotInIt() throws Exception {
    Path jar = jar();
    try (JarFile j = new JarFile(jar.toFile())) {
      List<String> natives =
          j.stream().map(JarEntry::getName).filter(n -> n.startsWith("libduckdb_java")).toList();
      assertThat(natives, empty());
      assertThat(
          "the driver class is in the jar",
          j.getEntry("org/duckdb/DuckDBNative.class"),
          notNullValue());
    }
    for (String platform :
        List.of("linux_amd64", "linux_arm64", "osx_universal", "windows_amd64")) {
      assertThat(
          platform,
          Files.isRegularFile(jar.resolveSibling("libduckdb_java.so_" + platform)),
          is(true));
    }
  }

  /**
   * The benchmark's floor pipeline runs from the jar as the bench starts it (a main class on the
   * jar's class path, phases on): it sums its numbers on the DirectRunner and reports its phases.
   */
  @Test
  void theBenchmarksFloorPipelineRunsFromTheJar() throws Exception {
    Result floor =
        start(List.of("-Deros.phases", "-cp", jar().toString(), "com.eros.tools.bench.FloorMain"));
    assertThat(floor.output(), floor.code(), equalTo(0));
    assertThat(floor.output(), containsString("ran 2000 numbers"));
    assertThat(floor.output(), containsString("eros-phase options "));
    // Create, the ParDo and the global sum, as composed
    assertThat(floor.output(), matchesPattern("(?s).*eros-phase graph \\d+ \\(\\d+ primitive.*"));
    assertThat(floor.output(), containsString("eros-phase run "));
  }

  private record Result(int code, String output) {}

  private static Path jar() {
    return Path.of("target", "eros.jar").toAbsolutePath();
  }

  private Result run(String... args) throws IOException, InterruptedException {
    List<String> jvmArgs = new ArrayList<>(List.of("-jar", jar().toString()));
    jvmArgs.addAll(List.of(args));
    return start(jvmArgs);
  }

  private Result start(List<String> jvmArgs) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
    command.addAll(jvmArgs);
    Path log = Files.createTempFile(dir, "eros", ".log");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", jvmArgs) + " did not finish in 5 minutes");
    }
    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
