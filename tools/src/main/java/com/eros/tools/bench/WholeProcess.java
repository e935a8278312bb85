package com.eros.tools.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times a command in a new JVM started like this one (same java, JVM flags and class path — under
 * {@code ./eros}: its heap, compiler and class-data-sharing flags), as a user running {@code
 * ./eros} would see it: wall time from process start to exit, and peak resident set (the kernel's
 * VmHWM of the child, read until it exits). The child runs with {@code -Deros.phases}, so the phase
 * timestamps of a pipeline come back too.
 */
final class WholeProcess {
  /**
   * What a child run gave: wall seconds, peak RSS (0 when unknown), exit code, phases (ms since JVM
   * start).
   */
  record Result(
      double seconds,
      long peakRssBytes,
      int exitCode,
      Map<String, Long> phases,
      String stderrTail) {}

  /** Runs a command line as a whole process ({@link #run}; tests give another). */
  @FunctionalInterface
  interface Runner {
    Result run(List<String> command) throws IOException, InterruptedException;
  }

  private WholeProcess() {}

  /** The java command line of a new JVM like this one, running {@code mainClass args}. */
  static List<String> javaCommand(String mainClass, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if ((a.startsWith("-X") || a.startsWith("-D"))
          && !a.startsWith("-Deros.phases")
          && !a.startsWith("-Xrunjdwp")) {
        cmd.add(a);
      }
    }
    cmd.add("-Deros.phases");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(args);
    return cmd;
  }

  static Result run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    long start = System.nanoTime();
    Process p = pb.start();
    Map<String, Long> phases = new LinkedHashMap<>();
    List<String> tail = new ArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  String[] f = line.split(" ");
                  if (f.length >= 3 && f[0].equals("eros-phase")) { // a note may follow the time
                    phases.put(f[1], Long.parseLong(f[2]));
                  } else {
                    tail.add(line);
                    if (tail.size() > 5) {
                      tail.remove(0);
                    }
                  }
                }
              } catch (IOException | NumberFormatException e) {
                // the child's stderr is informative only
              }
            },
            "child-stderr");
    reader.start();
    Path status = Path.of("/proc", Long.toString(p.pid()), "status");
    long peak = 0;
    while (p.isAlive()) {
      peak = Math.max(peak, hwm(status));
      Thread.sleep(5);
    }
    int exit = p.waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    reader.join(); // after the join, the reader's writes are visible here
    return new Result(seconds, peak, exit, new LinkedHashMap<>(phases), String.join(" | ", tail));
  }

  /**
   * VmHWM of a /proc status file in bytes, 0 when unreadable (not Linux, or the process is gone).
   */
  private static long hwm(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone or not Linux
    }
    return 0;
  }
}
