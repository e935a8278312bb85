package com.eros.pipelines.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Another JVM on this test's class path: a second process on the same DuckDB file, or one to kill.
 * It gets a temporary folder of its own, removed when it has ended: DuckDB's driver unpacks its 57
 * MB native library there, and a killed JVM never deletes it (two kills per build left 114 MB in
 * /tmp each time).
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final Path tmp;
  private final BufferedReader out;

  private ChildJvm(Process process, Path tmp) {
    this.process = process;
    this.tmp = tmp;
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Starts {@code mainClass} with {@code args}; its stderr goes to the test's. */
  static ChildJvm start(Class<?> mainClass, String... args) throws IOException {
    Path tmp = Files.createTempDirectory("eros-child-jvm-");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-XX:TieredStopAtLevel=1",
                "-Duser.timezone=UTC",
                "-Djava.io.tmpdir=" + tmp,
                "-cp",
                System.getProperty("java.class.path"),
                mainClass.getName()));
    cmd.addAll(List.of(args));
    return new ChildJvm(
        new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start(), tmp);
  }

  /** Reads the child's output until a line contains {@code text}; false when it ended first. */
  boolean awaitLine(String text) throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.contains(text)) {
        return true;
      }
    }
    return false;
  }

  /** kill -9. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException, IOException {
    if (process.isAlive()) {
      kill();
    }
    process.waitFor(30, TimeUnit.SECONDS);
    try (Stream<Path> files = Files.walk(tmp)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }
}
