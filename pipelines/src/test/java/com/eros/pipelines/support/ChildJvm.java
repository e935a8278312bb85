package com.eros.pipelines.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another JVM on this test's class path: a second process on the same DuckDB file, or one to kill.
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;

  private ChildJvm(Process process) {
    this.process = process;
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Starts {@code mainClass} with {@code args}; its stderr goes to the test's. */
  static ChildJvm start(Class<?> mainClass, String... args) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-XX:TieredStopAtLevel=1",
                "-Duser.timezone=UTC",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass.getName()));
    cmd.addAll(List.of(args));
    return new ChildJvm(
        new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
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

  boolean alive() {
    return process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
