package com.eros.pipelines.support;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.runners.TransformHierarchy;

/**
 * Timestamps of a run's phases, for profiling the fixed cost of a run: with the system property
 * {@code eros.phases} set ({@code EROS_JAVA_OPTS="-Deros.phases ..."} or {@code ./eros bench}),
 * each {@link #mark} prints one line on stderr, {@code eros-phase <name> <ms since the process
 * started>} (under {@code ./eros}: since the launcher script started, which then becomes the JVM)
 * ({@link #markGraph} adds the graph's primitive transforms, counted as composed, before the
 * runner's own replacements). Off by default, and then free.
 */
public final class Phases {
  static final String PROPERTY = "eros.phases";
  private static final boolean ON = System.getProperty(PROPERTY) != null;
  private static final long START_MS = ON ? processStartMillis() : 0;

  private Phases() {}

  /** Prints that phase {@code name} ended now (when enabled). */
  public static void mark(String name) {
    if (ON) {
      print(System.err, name, System.currentTimeMillis() - START_MS, "");
    }
  }

  /**
   * Prints that the graph of {@code p} is composed, with its number of primitive transforms (each
   * costs the DirectRunner an evaluator, an invoker class, and watermark bookkeeping).
   */
  public static void markGraph(Pipeline p) {
    if (ON) {
      print(
          System.err,
          "graph",
          System.currentTimeMillis() - START_MS,
          " (" + primitives(p) + " primitive transforms)");
    }
  }

  /** The number of primitive transforms of {@code p}. */
  static int primitives(Pipeline p) {
    int[] n = {0};
    p.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          @Override
          public void visitPrimitiveTransform(TransformHierarchy.Node node) {
            n[0]++;
          }
        });
    return n[0];
  }

  static void print(PrintStream err, String name, long sinceStartMs, String note) {
    err.println("eros-phase " + name + " " + sinceStartMs + note);
  }

  /**
   * When this process started, in epoch milliseconds, to about 10 ms: its age from {@code /proc}
   * (seconds since boot, and the process's start in clock ticks since boot, taken as the usual 100
   * per second) subtracted from now. {@code ProcessHandle}'s start instant has a base of whole
   * seconds (the kernel's boot time), which made phases later than the process's exit; off Linux,
   * the JVM's own start time (which misses the few milliseconds before the JVM initialised).
   */
  static long processStartMillis() {
    try {
      return processStartMillis(
          Files.readString(Path.of("/proc/self/stat")),
          Files.readString(Path.of("/proc/uptime")),
          System.currentTimeMillis());
    } catch (IOException | RuntimeException e) {
      return java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    }
  }

  /**
   * The start of the process of {@code /proc/<pid>/stat} text, given /proc/uptime at {@code now}.
   */
  static long processStartMillis(String stat, String uptime, long now) {
    // the command name (field 2) is in parentheses and may hold spaces: count from its end
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long startTicks = Long.parseLong(f[19]); // field 22, starttime
    double upSeconds = Double.parseDouble(uptime.strip().split("\\s+")[0]);
    long ageMillis = Math.round(upSeconds * 1000) - startTicks * 10;
    if (ageMillis < 0) {
      throw new IllegalArgumentException("a process cannot start after now: " + ageMillis + " ms");
    }
    return now - ageMillis;
  }
}
